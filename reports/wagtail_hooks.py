from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from reports import admin_urls
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
