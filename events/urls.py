from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("events/<id:event_id>/register/", views.registration_create, name="register"),
    path("events/<id:event_id>/cancel/", views.registration_cancel, name="cancel"),
    path("events/<id:event_id>/calendar.ics", views.event_calendar, name="calendar"),
]
