"""Who manages the network in the admin: editors (they onboard partners) and superusers, never partner admins."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from network.selectors import network_editor_is

EDITOR_PERMISSION = Q(
    groups__permissions__content_type__app_label="partners", groups__permissions__codename="onboard_partner"
) | Q(user_permissions__content_type__app_label="partners", user_permissions__codename="onboard_partner")


class NetworkEditorPermissionPolicy(BasePermissionPolicy):
    """The model's actions for editors (but `refused` ones), none for anyone else."""

    def __init__(self, model, *, refused=()):
        super().__init__(model)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and network_editor_is(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(Q(is_superuser=True) | EDITOR_PERMISSION, is_active=True).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
