"""The network's admin: experts (editors hide one) and who is who on which page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.models import ExpertProfile, ExpertRole


class ExpertProfileViewSet(SnippetViewSet):
    model = ExpertProfile
    icon = "user"
    menu_label = _("Experts")
    list_display = ["public_name", "organisation", "is_published", "is_hidden"]
    list_filter = ["is_published", "is_hidden"]
    search_fields = ["public_name", "organisation"]
    add_to_admin_menu = False
    inspect_view_enabled = True
    # What the expert wrote is theirs to change; editors only hide a profile (or show it again).
    panels = [FieldPanel("is_hidden")]


class ExpertRoleViewSet(SnippetViewSet):
    model = ExpertRole
    icon = "link"
    menu_label = _("Experts on pages")
    list_display = ["expert", "page", "role"]
    list_filter = ["role"]
    panels = [FieldPanel("expert"), FieldPanel("page"), FieldPanel("role"), FieldPanel("sort_order")]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (ExpertProfileViewSet, ExpertRoleViewSet)
    menu_icon = "group"
    menu_label = _("Network")
    menu_name = "network"
    menu_order = 860
