from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("quizzes/<id:quiz_id>/submit/", views.submit, name="submit"),
    path("quizzes/attempts/<id:attempt_id>/", views.attempt_review, name="attempt"),
]
