from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("courses/<id:course_id>/enrol/", views.enroll, name="enroll"),
    path("courses/<id:course_id>/leave/", views.leave, name="leave"),
    path("courses/<id:course_id>/continue/", views.continue_course, name="continue"),
    path("lessons/<id:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
]
