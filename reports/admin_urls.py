"""The reports' admin addresses, each with the results-only twin Wagtail's filters refresh."""

from django.urls import path

from reports import learning_views, views

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
    *_listing("reports/learning/", learning_views.BreakdownReportView, "learning_breakdown"),
    *_listing("reports/learning/trend/", learning_views.MonthlyTrendReportView, "learning_trend"),
    *_listing("reports/learning/funnel/", learning_views.FunnelReportView, "learning_funnel"),
    *_listing("reports/learning/quizzes/", learning_views.QuizPassReportView, "learning_quizzes"),
    *_listing("reports/learning/questions/", learning_views.QuestionDifficultyReportView, "learning_questions"),
    *_listing("reports/learning/resources/", learning_views.ResourceReadReportView, "learning_resources"),
]
