"""Who manages the network in the admin: editors (they onboard partners) and superusers, never partner admins."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from network.selectors import network_editor_is

EDITOR_PERMISSION = Q(
    groups__permissions__content_type__app_label="partners", groups__permissions__codename="onboard_partner"
) | Q(user_permissions__content_type__app_label="partners", user_permissions__codename="onboard_partner")


class NetworkEditorPermissionPolicy(BasePermissionPolicy):
    """Every action on the model for editors, none for anyone else."""

    def user_has_permission(self, user, action):
        return network_editor_is(user)

    def user_has_any_permission(self, user, actions):
        return network_editor_is(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(Q(is_superuser=True) | EDITOR_PERMISSION, is_active=True).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
