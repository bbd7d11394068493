"""Admin views: onboard a partner, and the partner report (on screen and as XLSX)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from partners import selectors, services
from partners.exports import partner_report_xlsx
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


def _report_partner(request):
    """The partner whose report was asked for, among those the user may see; 404 for any other."""
    partners = selectors.report_partners_for(request.user)
    if not partners:
        raise PermissionDenied
    raw = request.GET.get("partner", "")
    note = None
    if raw:
        if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
            note = _("That partner was not recognised; showing the first one.")
            chosen = partners[0]
        else:
            chosen = next((partner for partner in partners if partner.pk == int(raw)), None)
            if chosen is None:
                raise Http404
    else:
        chosen = partners[0]
    return partners, chosen, note


@never_cache
@require_GET
def report(request):
    partners, partner, note = _report_partner(request)
    if note:
        messages.warning(request, note)
    context = selectors.partner_report_get(partner=partner)
    context["partners"] = partners
    return render(request, "partners/admin/report.html", context)


@never_cache
@require_GET
def report_export(request):
    _partners, partner, _note = _report_partner(request)
    report = selectors.partner_report_get(partner=partner)
    response = HttpResponse(
        partner_report_xlsx(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"partner-report-{partner.pk}-{timezone.now():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
