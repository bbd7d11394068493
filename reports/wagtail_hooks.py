from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from reports import admin_urls, metrics
from reports.learning_views import LearningReportMenuItem
from reports.panels import LearningSummaryPanel
from reports.views import PartnerReportMenuItem, QuizReportMenuItem


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("", include(admin_urls, namespace="reports"))]


@hooks.register("register_reports_menu_item")
def register_quiz_report_menu_item():
    return QuizReportMenuItem(_("Quiz results"), reverse("reports:quiz_index"), icon_name="tasks", order=700)


@hooks.register("register_reports_menu_item")
def register_partner_report_menu_item():
    return PartnerReportMenuItem(_("Partner report"), reverse("reports:partner_courses"), icon_name="group", order=710)


@hooks.register("register_reports_menu_item")
def register_learning_report_menu_item():
    return LearningReportMenuItem(
        _("Learning reports"), reverse("reports:learning_breakdown"), icon_name="table", order=690
    )


@hooks.register("construct_homepage_panels")
def add_learning_summary_panel(request, panels):
    scope = metrics.report_scope_get(request.user)
    if scope is not None:
        panels.append(LearningSummaryPanel(scope))


@hooks.register("insert_global_admin_css")
def learning_reports_css():
    return format_html('<link rel="stylesheet" href="{}">', static("reports/css/learning_reports.css"))
