"""Public documents for wallets and verifiers (no login, cacheable), and the check-a-credential page."""

from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from certificates.credentials import (
    OB_CONTEXT,
    VC_CONTEXT,
    achievement_build,
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
