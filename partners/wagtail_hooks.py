from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from partners import admin_api, admin_urls, permissions
from partners.views import ONBOARD_PERMISSION


@hooks.register("register_admin_urls")
def register_partner_admin_urls():
    return [path("partners/", include(admin_urls, namespace="partners_admin"))]


class PartnerReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_see_partner_reports(request.user)


class OnboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ONBOARD_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_partner_report_menu_item():
    return PartnerReportMenuItem(_("Partner report"), reverse("partners_admin:report"), icon_name="group", order=710)


@hooks.register("register_admin_menu_item")
def register_onboard_menu_item():
    return OnboardMenuItem(_("Onboard a partner"), reverse("partners_admin:onboard"), icon_name="user", order=850)


hooks.register("construct_page_chooser_queryset", permissions.chooser_pages_for_partner)
# order=1: after Wagtail registers its own image and document endpoints, which these replace.
hooks.register("construct_admin_api", admin_api.admin_api_endpoints_replace, order=1)


@hooks.register("construct_reports_menu")
def hide_editor_only_reports(request, menu_items):
    """Partner editors are refused the site-wide translations report: don't offer it to them."""
    if permissions.is_partner_only(request.user):
        translations = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != translations]
