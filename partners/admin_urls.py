from django.urls import path

from partners import views

app_name = "partners_admin"

urlpatterns = [
    path("onboard/", views.onboard, name="onboard"),
]
