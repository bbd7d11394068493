from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from network import admin_urls
from network.models import ExpertProfile, ExpertRole
from network.permissions import NetworkEditorPermissionPolicy
from network.selectors import network_editor_is
from network.viewsets import NetworkViewSetGroup


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return network_editor_is(request.user)


@hooks.register("register_admin_urls")
def register_network_admin_urls():
    return [path("network/", include(admin_urls, namespace="network_admin"))]


@hooks.register("register_admin_menu_item")
def register_applications_menu_item():
    return EditorMenuItem(_("Applications to join"), reverse("network_admin:applications"), icon_name="mail", order=851)


# Editors only: partner admins have admin access but never see the network's people.
# A profile is made by its member, never by an editor in their name.
register_permission_policy(ExpertProfile, NetworkEditorPermissionPolicy(ExpertProfile, refused=["add"]))
register_permission_policy(ExpertRole, NetworkEditorPermissionPolicy(ExpertRole))
register_snippet(NetworkViewSetGroup)
