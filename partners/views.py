"""Admin views: onboard a partner (the partner report is in reports.views)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.menu import MenuItem

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


class OnboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ONBOARD_PERMISSION)


def reports_menu_editor_only_hide(request, menu_items):
    """Partner editors are refused the site-wide translations report: don't offer it to them."""
    if permissions.is_partner_only(request.user):
        translations = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != translations]
