"""Small helpers that several apps' views share."""

from urllib.parse import urlsplit

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from base.pages import page_is_open


def safe_path(value) -> str | None:
    """`value` if it is a path on this site ("/…", no scheme, host, backslash or control character), else None.

    A bare word such as `foo` is refused too: Django's `redirect()` would try it as a URL name.
    """
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//"):
        return None
    if "\\" in value or not value.isprintable():
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return None
    return value


def safe_next_url(request, fallback: str) -> str:
    """The form's `next` (POST, then GET) if it is a path on this site, else `fallback`.

    Never redirect to another host: an open redirect turns our domain into a phishing link.
    """
    return safe_path(request.POST.get("next")) or safe_path(request.GET.get("next")) or fallback


def redirect_to(url: str) -> HttpResponseRedirect:
    """A redirect to a URL we built or checked; never resolved as a URL name (unlike `redirect()`)."""
    return HttpResponseRedirect(url)


def open_page_url(request, page, *, fallback: str) -> str:
    """The page's URL if anyone may see it (live, under live pages, no view restriction), else `fallback`.

    Redirecting to a draft's or a private page's URL would reveal its address.
    """
    if not page_is_open(page, under_live_pages=True):
        return fallback
    return page.get_url(request) or fallback


def open_page_or_404(page_model, pk):
    """A live page of `page_model` that no view restriction hides, else 404 (drafts stay unrevealed)."""
    page = get_object_or_404(page_model.objects.live(), pk=pk)
    if not page_is_open(page):
        raise Http404
    return page


# An uploaded or generated file may hold anything a person typed: served, it never runs script,
# never has its type guessed, and never reaches the site's pages' privileges.
FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"


def file_response_harden(response):
    """Set the headers every served file carries (sandboxing CSP, nosniff); returns `response`."""
    response["Content-Security-Policy"] = FILE_CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response
