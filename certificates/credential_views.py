"""Public documents for wallets and verifiers (no login, cacheable), and the check-a-credential page."""

from django import forms
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from certificates.credentials import (
    OB_CONTEXT,
    TOKEN_MAX_LENGTH,
    VC_CONTEXT,
    CheckOutcome,
    CredentialCheck,
    achievement_build,
    credential_inspect,
    credential_sign,
    issuer_profile_build,
    status_list_build,
)
from certificates.keys import jwks
from certificates.models import Certificate

# A few minutes: a revocation reaches verifiers quickly, and a crawler cannot hammer the database.
PUBLIC_MAX_AGE = 300
LD_JSON = "application/ld+json"
JWK_SET = "application/jwk-set+json"
VC_JWT = "application/vc+jwt"


def _json(document: dict, content_type: str) -> JsonResponse:
    response = JsonResponse(document, content_type=content_type, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # wallets fetch these from other origins
    return response


@require_safe
@cache_control(public=True, max_age=PUBLIC_MAX_AGE)
def issuer(request):
    return _json(issuer_profile_build(), LD_JSON)


@require_safe
@cache_control(public=True, max_age=PUBLIC_MAX_AGE)
def jwks_document(request):
    return _json(jwks(), JWK_SET)


@require_safe
@cache_control(public=True, max_age=PUBLIC_MAX_AGE)
def status_list(request):
    """The BitstringStatusListCredential, signed like the credentials it covers (a VC-JWT)."""
    response = HttpResponse(credential_sign(status_list_build()), content_type=VC_JWT)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@cache_control(public=True, max_age=PUBLIC_MAX_AGE)
def achievement(request, achievement_key):
    """The Achievement as the latest certificate of it states it (nothing about any learner)."""
    certificate = Certificate.objects.filter(achievement_key=achievement_key).order_by("-issued_at").first()
    if certificate is None:
        raise Http404
    document = achievement_build(certificate)
    return _json({"@context": [VC_CONTEXT, OB_CONTEXT], **document}, LD_JSON)


class CredentialCheckForm(forms.Form):
    """Paste the credential or upload its file (one of the two)."""

    token = forms.CharField(
        label=gettext_lazy("Paste the credential"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
        help_text=gettext_lazy("The signed text, starting with “eyJ”."),
    )
    file = forms.FileField(
        label=gettext_lazy("Or choose its file"),
        required=False,
        help_text=gettext_lazy("A .jwt file downloaded from a certificate page, at most 64 KB."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > TOKEN_MAX_LENGTH:
            raise forms.ValidationError(_("This file is too large to be a credential (at most 64 KB)."))
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned.get("token") and cleaned.get("file"):
            raise forms.ValidationError(_("Paste a credential or choose a file, not both."))
        if not cleaned.get("token") and not cleaned.get("file"):
            raise forms.ValidationError(_("Paste a credential or choose its file."))
        return cleaned

    def credential(self) -> bytes | str:
        upload = self.cleaned_data.get("file")
        return upload.read(TOKEN_MAX_LENGTH + 1) if upload else self.cleaned_data["token"]


# No CSRF token: checking changes nothing, and a page that anyone may use from a link or a
# bookmark must not fail with "CSRF verification failed". Exempt also lets the view answer
# an oversized paste itself instead of Django's bare 400.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def credential_check(request):
    """Public: is this credential file genuine, and is it still valid?"""
    result, status = None, 200
    if request.method == "POST":
        try:
            form = CredentialCheckForm(request.POST, request.FILES)
            valid = form.is_valid()
        except RequestDataTooBig:
            form, valid, status = CredentialCheckForm(), False, 413
            result = CredentialCheck(outcome=CheckOutcome.INVALID, message=_("This is too large to be a credential."))
        if valid:
            result = credential_inspect(form.credential())
    else:
        form = CredentialCheckForm()
    response = render(request, "certificates/credential_check.html", {"form": form, "result": result}, status=status)
    response["Cache-Control"] = "no-store"
    return response
