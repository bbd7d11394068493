"""Purge a CDN in front of the site when a page changes: Wagtail's frontend-cache backends, run in a task.

Anonymous pages carry `s-maxage=PAGE_CACHE_SECONDS` (base/page_cache.py), so a CDN may keep them
that long. When a page is published, unpublished (deletion unpublishes first), or moved, its
addresses on every site, those of its ancestors (its index, a partner's page, the home page of its
locale) and of the pages that list it from elsewhere in the tree (a page's `cdn_listing_pages()`:
the catalogs for a course, the libraries for a resource) are purged by `cdn_urls_purge`, a
django-tasks task enqueued once the change commits, so the editor never waits on the CDN and a
rollback purges nothing. Other pages showing the change (search results, programs) refresh when
their `s-maxage` runs out.

Nothing happens unless `WAGTAILFRONTENDCACHE` is set (settings.py builds it from the environment).
Wagtail's own handlers are disconnected (`cdn_connect`): they purge the page alone, on publish and
unpublish only, and enqueue inside the publishing transaction, so they would purge twice and miss
the listings and moves.
"""

import logging
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_tasks import task
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purge_handlers
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def cdn_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


# --- Which addresses -------------------------------------------------------------------------


def _urls_for_path(url_path: str, site_root_paths) -> set[str]:
    """The full addresses a page at `url_path` (Wagtail's tree path) has on every site that holds it."""
    urls = set()
    for site_root in site_root_paths:
        if not url_path.startswith(site_root.root_path):
            continue
        try:
            with translation.override(site_root.language_code):
                path = reverse("wagtail_serve", args=(url_path[len(site_root.root_path) :],))
        except NoReverseMatch:
            continue
        urls.add(site_root.root_url + path)
    return urls


def _page_urls(page: Page, url_path: str, site_root_paths) -> set[str]:
    """A page's addresses, with the extra paths it declares (`get_cached_paths`, routable pages)."""
    urls = set()
    for url in _urls_for_path(url_path, site_root_paths):
        urls.update(url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths())
    return urls


def cdn_page_urls(page: Page, *, old_url_path: str | None = None) -> list[str]:
    """What to purge when `page` changed: the page (and, after a move, its old place), its
    descendants after a move, its ancestors and the pages that list it."""
    site_root_paths = Site.get_site_root_paths()
    urls = _page_urls(page, page.url_path, site_root_paths)
    related = list(page.get_ancestors().filter(depth__gt=1))
    listing = getattr(page.specific_deferred, "cdn_listing_pages", None)
    if listing is not None:
        related.extend(listing())
    if old_url_path is not None and old_url_path != page.url_path:
        urls |= _page_urls(page, old_url_path, site_root_paths)
        # Every descendant's address changed with the page's: both the new and the old one.
        for descendant in page.get_descendants():
            old_path = old_url_path + descendant.url_path[len(page.url_path) :]
            urls |= _page_urls(descendant, descendant.url_path, site_root_paths)
            urls |= _page_urls(descendant, old_path, site_root_paths)
    for other in related:
        urls |= _page_urls(other, other.url_path, site_root_paths)
    return sorted(urls)


# --- Sending ---------------------------------------------------------------------------------


class TimeoutHTTPBackend(HTTPBackend):
    """Wagtail's HTTPBackend (a PURGE request per address to LOCATION), with a timeout.

    Wagtail's waits forever on a CDN that does not answer, holding a task worker; this one gives up
    after TIMEOUT seconds (10 by default) and logs a warning for any failure.
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT", 10)
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]),
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache"},
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 (LOCATION comes from settings)
                pass
        except HTTPError as error:
            logger.warning("CDN purge of %s failed: HTTP %s %s", url, error.code, error.reason)
        except OSError as error:  # URLError, a refused connection, a timeout
            logger.warning("CDN purge of %s failed: %s", url, getattr(error, "reason", error))


@task()
def cdn_urls_purge(*, urls: list[str]) -> None:
    """Purge `urls` from every configured frontend cache whose hostnames cover them; never raises."""
    try:
        backends = get_backends()
    except Exception:
        logger.warning("CDN purge skipped: the frontend cache settings are wrong", exc_info=True)
        return
    for name, backend in backends.items():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if not mine:
            continue
        try:
            backend.purge_batch(mine)
        except Exception:  # a CDN's API down or refusing: the content is published all the same
            logger.warning("CDN purge through %r failed for %d addresses", name, len(mine), exc_info=True)


def cdn_purge_after_commit(urls: list[str]) -> None:
    """Enqueue the purge of `urls` once the current transaction commits (at once outside one)."""
    if urls:
        transaction.on_commit(lambda: cdn_urls_purge.enqueue(urls=urls), robust=True)


# --- Wiring ----------------------------------------------------------------------------------


def _on_publish_or_unpublish(sender, instance, **kwargs):
    if cdn_configured():
        cdn_purge_after_commit(cdn_page_urls(instance))


def _on_move(sender, instance, url_path_before, **kwargs):
    if cdn_configured():
        cdn_purge_after_commit(cdn_page_urls(instance, old_url_path=url_path_before))


def cdn_connect() -> None:
    """Purge through our task, and not Wagtail's handlers as well (from BaseConfig.ready)."""
    for model in {Page, *get_page_models()}:
        page_published.disconnect(wagtail_purge_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_purge_handlers.page_unpublished_signal_handler, sender=model)
    page_published.connect(_on_publish_or_unpublish, dispatch_uid="cdn:published", weak=False)
    page_unpublished.connect(_on_publish_or_unpublish, dispatch_uid="cdn:unpublished", weak=False)
    post_page_move.connect(_on_move, dispatch_uid="cdn:moved", weak=False)
