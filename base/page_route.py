"""Wagtail's page routing, kept in the cache: which site, which page and which view restrictions an address means.

Wagtail finds a page by walking the tree from the site's root, one query per level for the child
and one more for its specific type, then asks for the ancestors' view restrictions: about a dozen
queries for a lesson, the same for every visitor and learner. Here the answer (the site, the
specific page with its parents and locale, and the view restrictions that apply to it) is kept
under the page cache's generation, so publishing, moving or deleting a page, or changing a site, a
locale or a restriction, makes every process route afresh. Only the answer is shared: whether this
visitor may see the page is still decided for each request by Wagtail's `check_view_restrictions`
hook, against the cached restrictions. Previews never go through here.
"""

from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from base.page_cache import MAX_URL_LENGTH, page_cache_get_or_set


class ViewRestrictions(list):
    """A page's view restrictions, read once: iterable like the queryset Wagtail returns, with its `exists()`."""

    def exists(self) -> bool:
        return bool(self)


def _host_key(request) -> str:
    hostname = split_domain_port(request._get_raw_host())[0]
    return f"{hostname}:{request.get_port()}"


def site_for_request(request):
    """Site.find_for_request, with the answer kept in the cache (and on the request, as Wagtail does)."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = page_cache_get_or_set(
            f"page-route:site:{_host_key(request)}", lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def _route_uncached(request, path):
    """(page, args, kwargs, restrictions) as Wagtail routes `path`, or None for a 404."""
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page, args, kwargs = route
    page.locale  # noqa: B018  (read now, so that it is kept with the page)
    return page, args, kwargs, list(page.get_view_restrictions())


def page_route_resolve(request, path: str) -> None:
    """Route `path` from the cache, and leave the answer where Wagtail looks for it (`_wagtail_route_for_request`)."""
    if hasattr(request, "_wagtail_route_for_request") or len(path) > MAX_URL_LENGTH:
        return
    site = site_for_request(request)
    if site is None:
        return
    key = f"page-route:{_host_key(request)}:{get_language()}:{path}"
    answer = page_cache_get_or_set(key, lambda: _route_uncached(request, path), keep_none=False)
    if answer is None:
        request._wagtail_route_for_request = None
        return
    page, args, kwargs, restrictions = answer
    # Shadows the method on this copy of the page: Wagtail's hook and base.pages read them from here.
    page.get_view_restrictions = lambda: ViewRestrictions(restrictions)
    request._wagtail_route_for_request = RouteResult(page, args=args, kwargs=kwargs)
