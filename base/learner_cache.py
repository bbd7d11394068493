"""The per-learner page cache: a signed-in learner's own lesson, course and dashboard pages, kept for them alone.

A learner reads the same lesson and dashboard again and again, and nothing on them changes until
they (or an editor) do something. So the whole response is kept per learner, as mature sites do,
and a hit skips the view and the templates; authentication still runs (the session and user are
loaded), and so do the outer middleware (security headers, CSP, gzip).

The key holds the learner's id, the address (scheme, host, path and query), the active language,
the anonymous page cache's content generation (any publish drops every learner's pages too), the
learner's own **version**, and a hash of the session's CSRF secret (each page embeds a CSRF token
valid for that secret: a new session never reuses another session's page). The version is bumped
by every write that changes what the learner sees: each app registers its models with
`learner_cache_bump_on`, the user and their profile, logins, logouts and password changes are
wired here, and services that update rows with a query (no signal) call `learner_cache_bump`.
Like `page_cache_bump`, a bump happens at once and again once the transaction commits, so a page
built from the old rows by a concurrent request cannot be stored under the new version.

Views opt in with `learner_cache_allow(response)`. Never stored: another status than 200, a
method other than GET, previews, anyone who may open the admin (staff, editors), a response that
sets a cookie, writes the session or shows a message. No hit is served while a message waits to be
shown. Responses stay `private` with `Vary: Cookie`. A page whose script carries the request's CSP
nonce (a lesson with a video) is stored with that nonce noted and served with a fresh one: the new
nonce replaces the old in the body and goes into the CSP header, as a new response would have it
(the old one is 128 random bits, so it stands nowhere else in the page). Other pages are stored
gzipped once, with GZipMiddleware's random bytes, and sent as stored to clients that accept gzip.
"""

import gzip
import hashlib
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language

from base import page_cache
from base.page_cache import (
    GENERATION_KEY,
    MAX_BODY_BYTES,
    MAX_URL_LENGTH,
    _generations,
    _send_page_viewed,
    _unprefixed_path,
    page_cache_generation,
    page_cache_get_or_set,
    request_wrote_session_or_messages,
)

VERSION_PREFIX = "learner-cache:version:"
# Never looked up: what the anonymous page cache skips (pages that are not a learner's reading,
# and files), except the learner's own pages under /learning/ (the dashboard).
SKIPPED_PREFIXES = tuple(prefix for prefix in page_cache.SKIPPED_PREFIXES if prefix != "/learning/")
ALLOWED_ATTRIBUTE = "learner_cache_allowed"


# --- Versions ---------------------------------------------------------------------------------


def _version_key(user_id) -> str:
    return f"{VERSION_PREFIX}{user_id}"


def _bump(user_id) -> None:
    """A new version: the clock in nanoseconds, never one used before (see page_cache._bump)."""
    _generations().set(_version_key(user_id), time.time_ns(), timeout=None)


def learner_cache_bump(user_id) -> None:
    """Drop every page kept for this learner: now, and again once the current transaction commits."""
    if user_id is None:
        return
    _bump(user_id)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(user_id), robust=True)


def _versions(user_id) -> tuple[int, int]:
    """The content generation and the learner's version, in one round trip (made when missing)."""
    key = _version_key(user_id)
    found = _generations().get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = page_cache_generation()
    version = found.get(key)
    if version is None:
        _generations().add(key, time.time_ns(), timeout=None)
        version = _generations().get(key)
    return generation, version


def learner_cache_bump_on(model, user_of) -> None:
    """Bump the learner `user_of(instance)` (a user id) whenever a row of `model` is saved or deleted."""

    def receiver(sender, instance, **kwargs):
        learner_cache_bump(user_of(instance))

    uid = f"learner-cache:{model._meta.label}"
    post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}:save", weak=False)
    post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}:delete", weak=False)


def _bump_on_auth(sender, user=None, **kwargs):
    if user is not None:
        learner_cache_bump(user.pk)


def learner_cache_connect(user_model) -> None:
    """Wire the user's own row and sign-ins and sign-outs (from BaseConfig.ready).

    A password change saves the user; group and permission changes drop every page already (they
    bump the page cache's generation, which is in the key).
    """
    learner_cache_bump_on(user_model, lambda user: user.pk)
    user_logged_in.connect(_bump_on_auth, dispatch_uid="learner-cache:logged-in", weak=False)
    user_logged_out.connect(_bump_on_auth, dispatch_uid="learner-cache:logged-out", weak=False)


# --- Views ------------------------------------------------------------------------------------


def learner_cache_allow(response):
    """Let the per-learner cache keep `response` (a view's opt-in); the middleware checks the rest."""
    setattr(response, ALLOWED_ATTRIBUTE, True)
    return response


# --- The middleware ---------------------------------------------------------------------------


def _csrf_secret(request) -> str | None:
    """The CSRF secret of this browser's session (set by CsrfViewMiddleware), or None."""
    return request.META.get("CSRF_COOKIE")


def _cache_key(request, user_id, generation, version, secret) -> str:
    address = "\n".join(
        [
            str(user_id),
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            get_language() or "",
            str(generation),
            str(version),
            secret,
        ]
    )
    return f"learner-cache:{user_id}:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_access_admin(user) -> bool:
    """Staff, superusers and editors: never cached (kept per user as base/templatetags/editor_tags does)."""
    if user.is_staff or user.is_superuser:
        return True
    return page_cache_get_or_set(f"may-access-admin:{user.pk}", lambda: user.has_perm("wagtailadmin.access_admin"))


class LearnerPageCacheMiddleware:
    """Serve a signed-in learner's own pages from the per-learner cache, without running the view.

    After the session, CSRF, authentication and message middleware (it reads all four) and before
    the first-visit language, anonymous page cache and allauth middleware, which a hit skips (none
    of them acts on a signed-in learner's GET of a page).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._request_cacheable(request):
            return self.get_response(request)
        user_id = request.user.pk
        generation, version = _versions(user_id)
        secret = _csrf_secret(request)
        if secret:
            entry = cache.get(_cache_key(request, user_id, generation, version, secret))
            response = self._hit(request, entry) if entry is not None else None
            if response is not None:
                return response

        response = self.get_response(request)

        # The versions read before the view: a write while it ran bumped them, so a page built
        # from the old rows is stored under a key no one reads again.
        secret = _csrf_secret(request)  # the view may have made the first one
        if secret and request.method == "GET" and self._response_cacheable(request, response):
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
            headers = list(response.items())
            viewed = getattr(request, "_page_cache_viewed", None)
            nonce = getattr(request, "_csp_nonce", None)  # a str once the page used it
            nonce = nonce if isinstance(nonce, str) else None
            # Gzipped once, with GZipMiddleware's random bytes (BREACH), unless a nonce goes in on each hit.
            body = response.content if nonce else compress_string(response.content, max_random_bytes=100)
            entry = (body, not nonce, headers, viewed, nonce)
            cache.set(_cache_key(request, user_id, generation, version, secret), entry, settings.PAGE_CACHE_SECONDS)
            response["X-Learner-Cache"] = "miss"
        return response

    @staticmethod
    def _hit(request, entry):
        """The stored page, with this request's CSP nonce where the stored one stood; None for a miss."""
        if len(entry) != 5:  # stored by an older release
            return None
        body, gzipped, headers, viewed, stored_nonce = entry
        if stored_nonce:
            if getattr(request, "csp_nonce", None) is None:  # no CSP middleware to put a nonce in the header
                return None
            body = body.replace(stored_nonce.encode(), str(request.csp_nonce).encode())
        send_gzipped = gzipped and bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        response = HttpResponse(body if send_gzipped or not gzipped else gzip.decompress(body))
        for name, value in headers:
            response[name] = value
        if send_gzipped:  # GZipMiddleware leaves a response with a Content-Encoding alone
            response["Content-Encoding"] = "gzip"
            patch_vary_headers(response, ("Accept-Encoding",))
        if viewed and request.method == "GET":  # the view counts a page view: a hit does too
            _send_page_viewed(request, viewed)
        response["X-Learner-Cache"] = "hit"
        return response

    @staticmethod
    def _request_cacheable(request) -> bool:
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
            return False
        if len(request.get_full_path()) > MAX_URL_LENGTH:
            return False
        if _unprefixed_path(request.path_info).startswith(SKIPPED_PREFIXES):
            return False
        user = request.user
        if not user.is_authenticated or user.is_staff or user.is_superuser:
            return False
        return not len(get_messages(request))  # a waiting message is shown once, by the view

    @staticmethod
    def _response_cacheable(request, response) -> bool:
        if not getattr(response, ALLOWED_ATTRIBUTE, False):
            return False
        if response.status_code != 200 or response.streaming:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        if response.cookies or len(response.content) > MAX_BODY_BYTES:
            return False
        if "*" in response.get("Vary", ""):
            return False
        if request_wrote_session_or_messages(request):
            return False
        if not request.user.is_authenticated:
            return False
        return not _may_access_admin(request.user)
