"""The certificates in the admin: a read-only, filterable listing with exports, an inspect view and "Revoke".

Nobody adds, edits or deletes a certificate here: issuing and revoking go through services.
The "view" permission opens the listing, inspect view and exports; "change" allows revoking.
The Editors group holds both (partners.services.EDITOR_MODEL_PERMISSIONS, migration 0003).
"""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from certificates.models import Certificate, CertificateKind
from certificates.views_admin import CertificateRevokeView
from courses.models import CoursePage, TrainingProgramPage

# What each admin action needs: Wagtail's generic add, edit, copy and delete views find no action here.
ACTION_PERMISSIONS = {"view": "view", "revoke": "change"}


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Read-only certificates: "view" to see them, "revoke" (Django's change permission) to revoke."""

    def user_has_permission(self, user, action):
        codename = ACTION_PERMISSIONS.get(action)
        return codename is not None and super().user_has_permission(user, codename)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


CERTIFICATE_PERMISSION_POLICY = CertificatePermissionPolicy(Certificate)


class CertificateState:
    VALID = "valid"
    REVOKED = "revoked"
    CHOICES = [(VALID, _("Valid")), (REVOKED, _("Revoked or replaced"))]


def _translation_key_filter(queryset, name, value):
    return queryset.filter(achievement_key=value.translation_key) if value else queryset


class CertificateFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CertificateKind.choices)
    state = django_filters.ChoiceFilter(label=_("State"), choices=CertificateState.CHOICES, method="filter_state")
    issued_at = django_filters.DateFromToRangeFilter(label=_("Issued"), widget=DateRangePickerWidget)
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=lambda request: CoursePage.objects.filter(locale=Locale.get_default()).order_by("title"),
        method=lambda queryset, name, value: _translation_key_filter(queryset, name, value),
    )
    program = django_filters.ModelChoiceFilter(
        label=_("Program"),
        queryset=lambda request: TrainingProgramPage.objects.filter(locale=Locale.get_default()).order_by("title"),
        method=lambda queryset, name, value: _translation_key_filter(queryset, name, value),
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_state(self, queryset, name, value):
        if value == CertificateState.VALID:
            return queryset.valid()
        if value == CertificateState.REVOKED:
            return queryset.exclude(pk__in=Certificate.objects.valid().values("pk"))
        return queryset


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().order_by("-issued_at", "-pk")


class CertificateInspectView(InspectView):
    revoke_url_name = None

    @property
    def header_more_buttons(self):
        buttons = []
        if self.object.revoked_at is None and self.permission_policy.user_has_permission(self.request.user, "revoke"):
            url = reverse(self.revoke_url_name, args=(self.object.pk,))
            buttons.append(Button(_("Revoke"), url=url, icon_name="cross", priority=10))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["revocations"] = list(self.object.revocations.select_related("revoked_by"))
        return context


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "tasks"
    menu_label = _("Certificates")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_template_name = "certificates/admin/inspect.html"
    form_fields = []  # no add or edit form is ever shown (CertificatePermissionPolicy)
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    revoke_view_class = CertificateRevokeView
    filterset_class = CertificateFilterSet
    search_fields = ["recipient_name", "achievement_name", "public_id"]
    search_backend_name = None  # plain database lookups: certificates are not in the search index
    list_display = [
        TitleColumn("recipient_name", label=_("Name printed"), url_name="certificate:inspect"),
        "achievement_name",
        "kind",
        "issuer_name",
        DateColumn("issued_at", label=_("Issued")),
        BooleanColumn("is_revoked", label=_("Revoked")),
    ]
    list_export = [
        "public_id",
        "recipient_name",
        "achievement_name",
        "kind",
        "issuer_name",
        "hours",
        "language",
        "issued_at",
        "revoked_at",
        "replaced_at",
    ]
    export_headings = {"recipient_name": _("Name printed"), "achievement_name": _("Course or program")}
    export_filename = "certificates"
    inspect_view_fields = [
        "public_id",
        "recipient_name",
        "achievement_name",
        "kind",
        "issuer_name",
        "hours",
        "outcomes",
        "language",
        "user",
        "issued_at",
        "notified_at",
        "revoked_at",
        "revocation_reason",
        "replaced_at",
        "replaced_by",
        "status_index",
    ]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(revoke_url_name=self.get_url_name("revoke"), **kwargs)

    @property
    def revoke_view(self):
        return self.revoke_view_class.as_view(
            permission_policy=self.permission_policy,
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("revoke/<int:pk>/", self.revoke_view, name="revoke")]
