from django.urls import path

from network import views

app_name = "network_admin"

urlpatterns = [
    path("applications/", views.application_queue, name="applications"),
    path("applications/<id:application_id>/accept/", views.application_accept, name="accept"),
    path("applications/<id:application_id>/reject/", views.application_reject, name="reject"),
]
