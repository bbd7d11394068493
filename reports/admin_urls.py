"""The reports' admin addresses, each with the results-only twin Wagtail's filters refresh."""

from django.urls import path

from reports import views

app_name = "reports"


def _listing(route, view, name):
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *_listing("reports/quizzes/", views.QuizReportIndexView, "quiz_index"),
    *_listing("reports/quizzes/<id:quiz_id>/", views.QuizReportDetailView, "quiz_detail"),
    *_listing("partners/reports/", views.PartnerCourseReportView, "partner_courses"),
    path("partners/reports/export/", views.PartnerCourseExportView.as_view(), name="partner_courses_export"),
    *_listing("partners/reports/quiz-pass-rates/", views.PartnerMonthReportView, "partner_months"),
    *_listing("partners/reports/countries/", views.PartnerCountryReportView, "partner_countries"),
    *_listing("partners/reports/learners/", views.PartnerLearnerReportView, "partner_learners"),
]
