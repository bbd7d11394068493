from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners import admin_api, admin_urls, permissions
from partners.views import OnboardMenuItem, reports_menu_editor_only_hide, translation_review_buttons


@hooks.register("register_admin_urls")
def register_partner_admin_urls():
    return [path("partners/", include(admin_urls, namespace="partners_admin"))]


@hooks.register("register_admin_menu_item")
def register_onboard_menu_item():
    return OnboardMenuItem(_("Onboard a partner"), reverse("partners_admin:onboard"), icon_name="user", order=850)


hooks.register("construct_page_chooser_queryset", permissions.chooser_pages_for_partner)
# order=1: after Wagtail registers its own image and document endpoints, which these replace.
hooks.register("construct_admin_api", admin_api.admin_api_endpoints_replace, order=1)


hooks.register("construct_reports_menu", reports_menu_editor_only_hide)
# A translator who may not publish sends a translated page for review (wagtail-localize's editor
# can only publish).
hooks.register("register_page_header_buttons", translation_review_buttons)
hooks.register("register_page_listing_more_buttons", translation_review_buttons)
