"""Small helpers that several apps' views share."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, fallback: str) -> str:
    """The form's `next` (POST, then GET) if it points at this site, else `fallback`.

    Never redirect to another host: an open redirect turns our domain into a phishing link.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def open_page_or_404(page_model, pk):
    """A live page of `page_model` that no view restriction hides, else 404 (drafts stay unrevealed)."""
    page = get_object_or_404(page_model.objects.live(), pk=pk)
    if page.get_view_restrictions().exists():
        raise Http404
    return page
