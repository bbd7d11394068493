from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from assessments import admin_urls
from assessments.views import REPORT_PERMISSION


@hooks.register("register_admin_urls")
def register_quiz_report_urls():
    return [path("reports/quizzes/", include(admin_urls, namespace="assessments_reports"))]


class QuizReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_quiz_report_menu_item():
    return QuizReportMenuItem(_("Quiz results"), reverse("assessments_reports:index"), icon_name="tasks", order=700)
