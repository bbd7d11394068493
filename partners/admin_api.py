"""The admin API's image and document endpoints, limited to what the user may choose or change.

Wagtail's own endpoints hide only collections with view restrictions, so any admin user could list
every partner's files with their download links. These serve the same fields, filtered by the
collection permission policy, for listings and details alike (a detail outside it is a 404).
"""

from django.urls import path
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

CHOOSE_OR_CHANGE = ["choose", "change"]


def _allowed(queryset, user):
    """Rows of `queryset` the user may choose or change."""
    allowed = policy_registry.get_by_type(queryset.model).instances_user_has_any_permission_for(user, CHOOSE_OR_CHANGE)
    return queryset.filter(pk__in=allowed.values("pk"))


class IdRoutesMixin:
    """Wagtail's `<int:pk>` lets a 20-digit id reach the database (a 500 on SQLite); `<id:pk>` is a 404."""

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<id:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
        ]


class PermittedImagesAdminAPIViewSet(IdRoutesMixin, ImagesAdminAPIViewSet):
    def get_queryset(self):
        return _allowed(super().get_queryset(), self.request.user)


class PermittedDocumentsAdminAPIViewSet(IdRoutesMixin, DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return _allowed(super().get_queryset(), self.request.user)


def admin_api_endpoints_replace(router):
    """A `construct_admin_api` hook, run after Wagtail's own so that these endpoints replace its."""
    router.register_endpoint("images", PermittedImagesAdminAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAdminAPIViewSet)
