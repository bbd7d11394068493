"""The learner's certificate page, its downloads and reissue; the public verification page and its lookup.

A learner only ever reaches their own certificates: any other id, someone else's included, is a 404.
The verification page answers every id it does not know alike (same status, same bytes), see `verify`.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from base.http import file_response_harden, redirect_to
from certificates import files, selectors, services
from certificates.forms import CertificateLookupForm
from certificates.qr import qr_svg

PAGE_SIZES = ("a4", "letter")


def _private(response):
    """Headers for pages that carry a certificate's id: never sent on as a referrer, never indexed."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def _download(content, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return _private(file_response_harden(response))


def _owned_or_404(request, public_id):
    certificate = selectors.certificate_owned_get(user=request.user, public_id=public_id)
    if certificate is None:
        raise Http404
    return certificate


@never_cache
@require_GET
@login_required
def certificate_detail(request, public_id):
    detail = selectors.certificate_detail_get(user=request.user, public_id=public_id)
    if detail is None:
        raise Http404
    context = {
        "detail": detail,
        "certificate": detail.certificate,
        "qr_code": qr_svg(detail.verify_url, label=_("QR code of the verification link")),
    }
    return _private(render(request, "certificates/certificate_detail.html", context))


@never_cache
@require_GET
@login_required
def certificate_pdf(request, public_id, page_size):
    if page_size not in PAGE_SIZES:
        raise Http404
    certificate = _owned_or_404(request, public_id)
    content = files.certificate_pdf_get(certificate, page_size)
    filename = f"certificate-{certificate.public_id}-{page_size}.pdf"
    return _download(content, content_type="application/pdf", filename=filename)


@never_cache
@require_GET
@login_required
def certificate_credential(request, public_id):
    certificate = _owned_or_404(request, public_id)
    content, content_type, filename = files.certificate_credential_download(certificate)
    return _download(content, content_type=content_type, filename=filename)


@require_POST
@login_required
def certificate_reissue(request, public_id):
    certificate = _owned_or_404(request, public_id)
    try:
        new = services.certificate_reissue(user=request.user, certificate=certificate)
    except services.CertificateError as error:
        messages.error(request, str(error))
        return redirect_to(reverse("certificates:detail", args=[certificate.public_id]))
    messages.success(request, _("Your certificate was reissued with the name on your profile."))
    return redirect_to(reverse("certificates:detail", args=[new.public_id]))


@never_cache
@require_GET
def verify_lookup(request):
    form = CertificateLookupForm(request.GET if "id" in request.GET else None)
    if form.is_valid():
        return redirect_to(reverse("certificates:verify", args=[form.cleaned_data["id"]]))
    return _private(render(request, "certificates/verify_lookup.html", {"form": form}))


@never_cache
@require_GET
def verify(request, public_id):
    """Valid (200), revoked (200, with the date, never the reason) or not found (404).

    Every id that is not a certificate's, whatever its length or alphabet, runs the same single
    indexed query and gets the same bytes: the page is rendered as if for the lookup address,
    so neither the language links nor the sign-in link echo what was asked.
    """
    verification = selectors.certificate_verification_get(public_id=public_id[:64], language=get_language())
    found = verification.status != selectors.VerificationStatus.NOT_FOUND
    if found:
        response = render(request, "certificates/verify.html", {"verification": verification})
    else:
        response = render(
            _as_lookup(request),
            "certificates/verify.html",
            {"verification": verification, "form": CertificateLookupForm()},
            status=404,
        )
    return _private(response)


def _as_lookup(request):
    """A copy of `request` that says it asked for the lookup page, without a query string."""
    lookup = copy.copy(request)
    lookup.path = lookup.path_info = reverse("certificates:verify_lookup")
    lookup.META = {**request.META, "QUERY_STRING": ""}
    lookup.GET = request.GET.__class__()
    return lookup
