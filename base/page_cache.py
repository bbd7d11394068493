"""The anonymous page cache: whole public pages for visitors who are not signed in, dropped on any content change.

Built on Django's cache framework and Wagtail's signals rather than wagtail-cache, whose 3.0
release supports Wagtail up to 7.0 only (we run Wagtail 8). The cache is the site's default one:
Redis with `REDIS_URL`, so every process shares pages and their generation; local memory otherwise.

Every key holds a *generation* number kept in a store every process shares (the "generation"
cache: Redis, or a file on a single machine); any change to content (a page published,
unpublished, moved, deleted or translated; a menu, footer, taxonomy term, site, redirect, image or
document saved or deleted) bumps it, so every process stops reading the old pages at once. Content
changes are rare next to reads, so dropping the whole site's pages is cheaper than working out which
pages show what changed, and it cannot miss one. Fragments (navigation, taxonomy lists) key on the
same generation (`page_cache_generation`).
"""

import gzip
import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from base.signals import page_viewed

GENERATION_KEY = "page-cache:generation"

# Paths (after the language prefix) that are never cached: the admin, sign-in and account pages,
# a learner's own pages, files, APIs and health checks. Their views mostly say so themselves
# (never_cache, private); this list does not depend on them remembering.
SKIPPED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/api/",
    "/learning/",
    "/documents/",
    "/images/",
    "/media/",
    "/static/",
    "/credentials/",
    "/healthz/",
    "/_util/",
    "/sitemap.xml",
)
MAX_URL_LENGTH = 512  # longer addresses (long search queries, crafted filters) are served, not stored
MAX_BODY_BYTES = 1024 * 1024
NOT_SHARED = ("private", "no-store", "no-cache")
# What a stored page may vary on: the key holds the language, the visitor has no session, and a hit
# is sent gzipped or plain per Accept-Encoding. A page varying on anything else is not stored.
KEYED_VARY = {"cookie", "accept-language", "accept-encoding"}


# --- Generation ----------------------------------------------------------------------------


def _generations():
    """The store of the generation: shared by every process (Redis, or a file on one machine)."""
    return caches["generation"]


def page_cache_generation() -> int:
    """The current generation, created if missing (a new store, or the number evicted)."""
    generation = _generations().get(GENERATION_KEY)
    if generation is None:
        _generations().add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = _generations().get(GENERATION_KEY)
    return generation


def page_cache_seconds() -> int:
    """How long a page or fragment is kept at most (PAGE_CACHE_SECONDS; 0 keeps nothing)."""
    return settings.PAGE_CACHE_SECONDS


def page_cache_bump() -> None:
    """Drop every cached page and fragment: now, and again once the current transaction commits.

    The bump after the commit is the one that matters: a request between the first bump and the
    commit could store a page built from the old rows. The first one lets a change made inside a
    transaction that is never committed here (a test) be seen at once; a rollback only costs a
    refill.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump, robust=True)


_MISSING = object()


def page_cache_get_or_set(key: str, compute, *, keep_none: bool = True):
    """`compute()`, kept under `key` until content changes (the generation) or PAGE_CACHE_SECONDS pass.

    For what is the same for every visitor and learner (a route, a course's outline, a locale): the
    caller puts in `key` whatever else the value depends on (language, host). The value is pickled,
    so each request gets its own copy. `keep_none=False` stores nothing when `compute()` is None (a
    404 for any address typed would otherwise fill the cache).
    """
    seconds = page_cache_seconds()
    if seconds <= 0:
        return compute()
    full_key = f"{key}:{page_cache_generation()}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        if value is not None or keep_none:
            cache.set(full_key, value, seconds)
    return value


def page_cache_get_or_set_many(keys: dict, compute) -> dict:
    """`page_cache_get_or_set` for many values at once: `keys` maps each item to its key.

    `compute` gets the items not in the cache and returns {item: value}; one round trip to the cache either way.
    """
    seconds = page_cache_seconds()
    if seconds <= 0:
        return compute(list(keys))
    generation = page_cache_generation()
    full_keys = {item: f"{key}:{generation}" for item, key in keys.items()}
    found = cache.get_many(list(full_keys.values()))
    values = {item: found[full_key] for item, full_key in full_keys.items() if full_key in found}
    missing = [item for item in keys if item not in values]
    if missing:
        computed = compute(missing)
        cache.set_many({full_keys[item]: value for item, value in computed.items()}, seconds)
        values.update(computed)
    return values


def _bump():
    """A new generation: the clock in nanoseconds, never a number used before.

    A plain write, not `incr`: it needs no atomic increment (the file store has none), two racing
    bumps each leave a new number whichever lands last, and a generation evicted and made again
    cannot fall back on an older one whose pages are still stored. Only "different" matters, not
    "larger", so machines' clocks need not agree.
    """
    _generations().set(GENERATION_KEY, time.time_ns(), timeout=None)


def _bump_on_signal(sender, **kwargs):
    page_cache_bump()


def page_cache_drop_on(*models) -> None:
    """Drop the cache whenever a row of one of `models` is saved or deleted (menus, terms, settings…)."""
    for model in models:
        uid = f"page-cache:{model._meta.label}"
        post_save.connect(_bump_on_signal, sender=model, dispatch_uid=f"{uid}:save", weak=False)
        post_delete.connect(_bump_on_signal, sender=model, dispatch_uid=f"{uid}:delete", weak=False)


def page_cache_connect() -> None:
    """Wire Wagtail's page signals and the shared models (from BaseConfig.ready, once every model exists).

    Each app adds its own snippets with `page_cache_drop_on` from its `ready()`.
    """
    # Publishing covers wagtail-localize's translations too: it publishes the translated page once
    # its transaction commits.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_bump_on_signal, dispatch_uid=f"page-cache:{id(signal)}", weak=False)
    # Saves and deletions of every page type: deleting, and saves that bypass publishing (imports,
    # scripts). Django sends post_save with the concrete class only, so Page alone would not do.
    page_cache_drop_on(*{Page, *get_page_models()})
    page_cache_drop_on(Site, Locale, Redirect, PageViewRestriction, get_image_model(), get_document_model())
    page_viewed.connect(_note_viewed_page, dispatch_uid="page-cache:viewed", weak=False)
    # Who may open the admin (base/templatetags/editor_tags.py): groups and permissions change rarely.
    page_cache_drop_on(Group)
    user_model = get_user_model()
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        uid = f"page-cache:{through._meta.label}"
        m2m_changed.connect(_bump_on_signal, sender=through, dispatch_uid=uid, weak=False)


# --- Page views on hits ----------------------------------------------------------------------


def _note_viewed_page(sender, *, pk, page_key, request, **kwargs):
    """Remember which page a stored response counts as a view of, to count hits on it too."""
    request._page_cache_viewed = (sender._meta.label, pk, page_key)


def _send_page_viewed(request, viewed) -> None:
    """Count a hit as `serve` would have, from the page's class and key (no query, no page built)."""
    label, pk, page_key = viewed
    page_viewed.send(sender=apps.get_model(label), pk=pk, page_key=page_key, request=request)


# --- The middleware --------------------------------------------------------------------------


def request_wrote_session_or_messages(request) -> bool:
    """Whether this request changed its session or showed or queued a message: its page is its own."""
    if getattr(request, "session", None) is not None and request.session.modified:
        return True
    storage = get_messages(request)
    return bool(getattr(storage, "used", False) or len(storage))


def _unprefixed_path(path: str) -> str:
    """The path without its language prefix (`/fr/accounts/` → `/accounts/`)."""
    first, _, rest = path.lstrip("/").partition("/")
    if first in {code for code, _name in settings.LANGUAGES}:
        return "/" + rest
    return path


def _cache_key(request, generation: int) -> str:
    address = "\n".join([request.scheme, request.get_host(), request.get_full_path(), get_language() or ""])
    return f"page-cache:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


class AnonymousPageCacheMiddleware:
    """Serve public pages to visitors who are not signed in from the cache, without running the view.

    Placed after the session, authentication and message middleware (it reads all three), so a
    hit still gets the outer middleware's headers (CSP, security headers, Vary, gzip). A visitor is
    served from and stored into the cache only when: the request is GET (HEAD is served, never
    stored), no one is signed in, no session cookie is sent (a session may hold a passed page
    password or a sign-in under way), no message is waiting, it is not a preview, and the path is
    not under SKIPPED_PREFIXES. The key is the exact address with its query string (hashed; at most
    MAX_URL_LENGTH), the host, the scheme and the active language. A response is stored only when
    it is a 200 HTML page that is not private, sets no cookie, used no CSRF token and no CSP nonce
    (both are per visitor), wrote nothing to the session, showed no message and is not behind a
    view restriction.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        candidate = seconds > 0 and self._request_cacheable(request)
        key = None
        if candidate:
            key = _cache_key(request, page_cache_generation())
            entry = cache.get(key)
            response = self._hit(request, entry) if entry is not None else None
            if response is not None:
                return response

        response = self.get_response(request)

        if request.user.is_authenticated:
            if "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-cache"
            return response
        if candidate and request.method == "GET" and self._response_cacheable(request, response):
            if "Cache-Control" not in response:
                response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
            if "ETag" not in response:  # browsers revalidate (max-age=0): a hit may answer 304
                response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["X-Cache"] = "miss"
            headers = [(name, value) for name, value in response.items() if name != "X-Cache"]
            viewed = getattr(request, "_page_cache_viewed", None)
            cache.set(key, (compress_string(response.content), "gzip", headers, viewed), seconds)
        elif candidate and "Cache-Control" not in response and self._is_html(response):
            # A page made for this visitor (a CSRF token, a message) is not for a shared cache either.
            response["Cache-Control"] = "private, no-cache"
        return response

    def _hit(self, request, entry):
        """The stored page: its gzipped body as stored to a client that accepts gzip, unzipped to others.

        The body is compressed once, when stored, not on every hit by GZipMiddleware (which leaves
        a response that has a Content-Encoding alone). A stored page holds nothing secret (no CSRF
        token, no nonce, no session), so it needs none of GZipMiddleware's random bytes (BREACH).
        """
        if len(entry) != 4:  # stored by an older release: a miss
            return None
        body, encoding, headers, viewed = entry
        gzipped = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        response = HttpResponse(body if gzipped else gzip.decompress(body))
        for name, value in headers:
            response[name] = value
        if gzipped:
            response["Content-Encoding"] = encoding
            etag = response.get("ETag")
            if etag and etag.startswith('"'):  # a strong ETag names the plain body (RFC 9110 8.8.1)
                response["ETag"] = f"W/{etag}"
        # The session middleware adds Vary: Cookie only when the view reads the session.
        patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
        if viewed and request.method == "GET":  # a revalidated page is read again too
            _send_page_viewed(request, viewed)
        response = get_conditional_response(request, etag=response.get("ETag"), response=response)
        response["X-Cache"] = "hit"
        return response

    @staticmethod
    def _request_cacheable(request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        if len(request.get_full_path()) > MAX_URL_LENGTH:
            return False
        if _unprefixed_path(request.path_info).startswith(SKIPPED_PREFIXES):
            return False
        if request.user.is_authenticated:
            return False
        return not len(get_messages(request))

    @staticmethod
    def _is_html(response) -> bool:
        return response.get("Content-Type", "").startswith("text/html")

    def _response_cacheable(self, request, response) -> bool:
        if response.status_code != 200 or response.streaming or not self._is_html(response):
            return False
        if any(word in response.get("Cache-Control", "").lower() for word in NOT_SHARED):
            return False
        if response.cookies or len(response.content) > MAX_BODY_BYTES:
            return False
        varies = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
        if varies - KEYED_VARY:  # "*" included
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        if isinstance(getattr(request, "_csp_nonce", None), str):  # the page carries this request's nonce
            return False
        if request_wrote_session_or_messages(request):
            return False
        return not self._restricted(request)

    @staticmethod
    def _restricted(request) -> bool:
        """The Wagtail page served is behind a login, group or password restriction."""
        route = getattr(request, "_wagtail_route_for_request", None)  # set by Wagtail's serve view
        if not route:
            return False
        page = route[0]
        return bool(page.get_view_restrictions())
