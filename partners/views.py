"""Admin views: onboard a partner (the partner report is in reports.views)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail_localize.models import Translation

from partners import permissions, services
from partners.forms import PartnerOnboardForm

ONBOARD_PERMISSION = "partners.onboard_partner"


@require_http_methods(["GET", "POST"])
def onboard(request):
    if not request.user.has_perm(ONBOARD_PERMISSION):
        raise PermissionDenied
    form = PartnerOnboardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.partner_onboard(**form.cleaned_data, invited_by=request.user)
        except services.PartnerOnboardError as error:
            form.add_error(None, str(error))
        else:
            if result.invited:
                messages.success(
                    request,
                    _("%(partner)s is ready; %(email)s was invited to edit it.")
                    % {"partner": result.partner.title, "email": result.editor.email},
                )
            else:
                messages.info(
                    request,
                    _("%(partner)s was already set up; %(email)s is one of its editors.")
                    % {"partner": result.partner.title, "email": result.editor.email},
                )
            return redirect("wagtailadmin_pages:edit", result.partner.pk)
    return render(request, "partners/admin/onboard.html", {"form": form})


@require_http_methods(["GET", "POST"])
def translation_review_submit(request, page_id):
    """Ask for review of a translated page: a confirmation, then the page's review workflow."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.translation_review_submit(page=page, user=request.user)
        except services.TranslationReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("'%(title)s' was sent for review.") % {"title": page.get_admin_display_title()})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(request, "partners/admin/translation_review_submit.html", {"page": page})


def translation_review_buttons(page, user, view_name=None, next_url=None):
    """'Send for review' on a translated page whose translator may edit it but not publish it."""
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or perms.can_publish():
        return
    if not Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists():
        return
    yield ListingButton(
        _("Send the translation for review"),
        reverse("partners_admin:translation_review_submit", args=[page.pk]),
        icon_name="resubmit",
        priority=61,
    )


class OnboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ONBOARD_PERMISSION)


def reports_menu_editor_only_hide(request, menu_items):
    """Partner editors are refused the site-wide translations report: don't offer it to them."""
    if permissions.is_partner_only(request.user):
        translations = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != translations]
