"""The admin API's image and document endpoints, limited to what the user may choose or change.

Wagtail's own endpoints hide only collections with view restrictions, so any admin user could list
every partner's files with their download links. These serve the same fields, filtered by the
collection permission policy, for listings and details alike (a detail outside it is a 404).
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

CHOOSE_OR_CHANGE = ["choose", "change"]


def _allowed(queryset, user):
    """Rows of `queryset` the user may choose or change."""
    allowed = policy_registry.get_by_type(queryset.model).instances_user_has_any_permission_for(user, CHOOSE_OR_CHANGE)
    return queryset.filter(pk__in=allowed.values("pk"))


class PermittedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return _allowed(super().get_queryset(), self.request.user)


class PermittedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return _allowed(super().get_queryset(), self.request.user)


def admin_api_endpoints_replace(router):
    """A `construct_admin_api` hook, run after Wagtail's own so that these endpoints replace its."""
    router.register_endpoint("images", PermittedImagesAdminAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAdminAPIViewSet)


