"""The board's moderation in the admin (editors only): a review queue, approve, reject with a message, edit,
remove, and blocking a member from posting.

Nobody adds or deletes an opportunity here (members post from the site; removal keeps the row).
"view" opens the queue; "change" allows editing and every decision. The Editors group holds both
(partners.services.EDITOR_MODEL_PERMISSIONS, migration 0002); partners' admins hold neither.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from opportunities import services
from opportunities.models import REASON_MAX, MemberStanding, Opportunity, Status

ACTION_PERMISSIONS = {"view": "view", "change": "change", "review": "change"}


class OpportunityPermissionPolicy(ModelPermissionPolicy):
    """No add or delete in the admin; "view" for the queue, "change" to edit and decide."""

    def user_has_permission(self, user, action):
        codename = ACTION_PERMISSIONS.get(action)
        return codename is not None and super().user_has_permission(user, codename)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


OPPORTUNITY_PERMISSION_POLICY = OpportunityPermissionPolicy(Opportunity)


class OpportunityFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)

    class Meta:
        model = Opportunity
        fields = []


class OpportunityIndexView(IndexView):
    def get_base_queryset(self):
        # The review queue first: pending and reported ones, oldest first; then the rest, newest first.
        return super().get_base_queryset().select_related("poster").order_by("-updated_at", "-pk")


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        choices=[
            ("approve", gettext_lazy("Approve: publish it on the board")),
            ("reject", gettext_lazy("Reject: the poster is emailed the message below")),
            ("remove", gettext_lazy("Remove it from the board for good")),
        ],
    )
    message = forms.CharField(
        label=gettext_lazy("Message to the poster"),
        required=False,
        max_length=REASON_MAX * 2,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Needed to reject: say what to change. Sent in the poster's language setting as typed."),
    )
    block_poster = forms.BooleanField(label=gettext_lazy("Also block this member from posting"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("message") or "").strip():
            self.add_error("message", _("Write the poster a message saying why it was rejected."))
        return data


class OpportunityReviewView(WagtailAdminTemplateMixin, FormView):
    """Show an opportunity with its reports and decide (POST); without "change" a 403."""

    form_class = ReviewForm
    template_name = "opportunities/admin/review.html"
    page_title = gettext_lazy("Review opportunity")
    header_icon = "tasks"
    http_method_names = ["get", "post"]
    permission_policy = None
    index_url_name = None
    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "review"):
            raise PermissionDenied
        self.object = get_object_or_404(
            Opportunity.objects.select_related("poster", "sector", "topic"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            reports=list(self.object.reports.order_by("created_at")),
            edit_url=reverse(self.edit_url_name, args=(self.object.pk,)),
            index_url=reverse(self.index_url_name),
            poster_blocked=services.member_is_blocked(self.object.poster),
        )
        return context

    def form_valid(self, form):
        decision = form.cleaned_data["decision"]
        by = self.request.user
        if decision == "approve":
            services.opportunity_approve(opportunity=self.object, by=by)
            messages.success(self.request, _("Published: %(title)s") % {"title": self.object.title})
        elif decision == "reject":
            services.opportunity_reject(opportunity=self.object, by=by, message=form.cleaned_data["message"])
            messages.success(
                self.request, _("Rejected; the poster is emailed: %(title)s") % {"title": self.object.title}
            )
        else:
            services.opportunity_remove(opportunity=self.object, by=by)
            messages.success(self.request, _("Removed: %(title)s") % {"title": self.object.title})
        if form.cleaned_data["block_poster"]:
            services.member_block_set(user=self.object.poster, blocked=True, note=form.cleaned_data["message"])
            messages.success(self.request, _("The member can no longer post opportunities."))
        return redirect(self.index_url_name)


class OpportunityViewSet(ModelViewSet):
    model = Opportunity
    icon = "tasks"
    menu_label = gettext_lazy("Opportunities")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = OpportunityIndexView
    review_view_class = OpportunityReviewView
    filterset_class = OpportunityFilterSet
    search_fields = ["title", "description", "organisation"]
    search_backend_name = None
    form_fields = [
        "direction",
        "kind",
        "title",
        "description",
        "organisation",
        "sector",
        "topic",
        "countries",
        "partner_sought",
        "closes_on",
        "language",
    ]
    list_display = [
        TitleColumn("title", label=gettext_lazy("Title"), url_name="opportunity:review"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        Column("poster", label=gettext_lazy("Posted by")),
        DateColumn("updated_at", label=gettext_lazy("Updated")),
    ]

    @property
    def review_view(self):
        return self.review_view_class.as_view(
            permission_policy=self.permission_policy,
            index_url_name=self.get_url_name("index"),
            edit_url_name=self.get_url_name("edit"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("review/<int:pk>/", self.review_view, name="review")]


class MemberStandingViewSet(ModelViewSet):
    """Members blocked from posting: unblock by unticking."""

    model = MemberStanding
    icon = "lock"
    menu_label = gettext_lazy("Blocked posters")
    menu_order = 261
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["posting_blocked", "note"]
    list_display = ["user", "posting_blocked", DateColumn("updated_at", label=gettext_lazy("Updated"))]
    search_backend_name = None
