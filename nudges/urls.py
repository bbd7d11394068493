from django.urls import path

from nudges import views

app_name = "nudges"

urlpatterns = [
    path("", views.message_settings, name="settings"),
]
