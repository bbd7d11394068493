from django.urls import path

from assessments import views

app_name = "assessments_reports"

urlpatterns = [
    path("", views.report_index, name="index"),
    path("<id:quiz_id>/", views.report_detail, name="detail"),
]
