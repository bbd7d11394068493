"""Which language a visitor reads in, and where the same page is in another language.

The language of a page is its address: English unprefixed, every other language under its prefix
(`/fr/…`). A visitor's choice lives in Django's language cookie; a first visit with no cookie
follows `Accept-Language`; a page with no translation in the chosen language is served in the
default language inside that language's chrome (the fallback), never a 404.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import (
    get_language,
    get_language_from_path,
    get_supported_language_variant,
    override,
)
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site

from base.page_cache import page_cache_get_or_set
from base.pages import pages_public

# Names of the views a first visit may be redirected from: pages and search. Never the admin,
# accounts, documents, feeds, the sitemap or files, which keep their address.
REDIRECTED_VIEWS = {"wagtail_serve", "search"}
# Crawlers index each language at its own address (the hreflang alternates tell them which).
BOT_AGENTS = re.compile(r"bot|crawl|spider|slurp|facebookexternalhit|preview", re.IGNORECASE)


def language_default() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def language_supported(code: str | None) -> str | None:
    """The site's language for `code` (`zh-CN` → `zh-hans`, `ar-EG` → `ar`), or None."""
    if not code:
        return None
    try:
        return get_supported_language_variant(code.lower())
    except LookupError:
        return None


def language_from_accept(header: str) -> str | None:
    """The supported language the `Accept-Language` header prefers most (q-values honoured), or None."""
    for code, _quality in parse_accept_lang_header(header or ""):
        if code == "*":
            return None
        if language := language_supported(code):
            return language
    return None


def language_hreflang(code: str) -> str:
    """The BCP 47 spelling search engines expect: `zh-hans` → `zh-Hans`, `pt-br` → `pt-BR`."""
    first, *rest = code.split("-")
    parts = [first.lower()]
    for part in rest:
        parts.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part)
    return "-".join(parts)


def path_unprefixed(path: str) -> str:
    """The path without its language prefix (`/fr/courses/` → `/courses/`)."""
    code = get_language_from_path(path)
    if code is None:
        return path
    return path[len(code) + 1 :] or "/"


def path_in_language(path: str, code: str) -> str:
    """The same path under `code`'s prefix (none for the default language)."""
    bare = path_unprefixed(path)
    return bare if code == language_default() else f"/{code}{bare}"


def path_translate(path: str, code: str) -> str | None:
    """`path_in_language`, when that address is the same view in `code`; None for /admin/ and the like."""
    source = get_language_from_path(path) or language_default()
    target = path_in_language(path, code)
    try:
        with override(source):
            before = resolve(path)
        with override(code):
            after = resolve(target)
    except Resolver404:
        return None
    return target if before.func == after.func else None


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- Pages in another language ---------------------------------------------------------------


def _route(root, request, path: str):
    if _CONTROL.search(path):  # no slug holds one, and PostgreSQL refuses NUL in a query
        return None
    try:
        return root.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


def page_route_fallback(request, path: str):
    """Wagtail's route for `path` in the default language's tree, for a page not in the active one.

    `path` is the part after the language prefix. None when the active language is the default,
    or when no page answers there either.
    """
    default = language_default()
    if get_language() == default:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale.language_code != default:
        root = root.get_translation_or_none(Locale.get_default())
        if root is None:
            return None
    return _route(root, request, path)


def page_route_any(request, path: str, code: str):
    """The page answering `path` (without prefix) in `code`'s tree, else in the default tree: (page, args, kwargs)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        locale = Locale.objects.get_for_language(code)
    except Locale.DoesNotExist:
        locale = None
    root = site.root_page.get_translation_or_none(locale) if locale else None
    route = _route(root, request, path) if root is not None else None
    if route is None and code != language_default():
        default_root = site.root_page
        if default_root.locale.language_code != language_default():
            default_root = default_root.get_translation_or_none(Locale.get_default())
        route = _route(default_root, request, path) if default_root is not None else None
    return route


def page_url_in_language(page, code: str, request) -> str:
    """The page's live translation into `code`, else the page at its fallback address in `code`."""
    if page.locale.language_code == code:
        return page.get_url(request)
    translation = page.get_translations().live().filter(locale__language_code=code).first()
    if translation is not None:
        return translation.get_url(request)
    # The fallback address: the default-language page's path under `code`'s prefix.
    source = page if page.locale.language_code == language_default() else page.get_default_locale_page()
    return path_in_language(source.get_url(request), code)


def url_in_language(request, url: str, code: str) -> str:
    """The same address in `code`: a page's translation or fallback, any other view under `code`'s prefix."""
    path, sep, query = url.partition("?")
    source = get_language_from_path(path) or language_default()
    route = page_route_any(request, path_unprefixed(path), source)
    if route is not None and not route[1] and not route[2]:  # a page itself, not a sub-route of it
        target = page_url_in_language(route[0], code, request)
    else:
        target = path_in_language(path, code)
    return target + sep + query


# --- The language of a visit -------------------------------------------------------------------


def language_for_first_visit(request) -> str | None:
    """The language to send a first, anonymous visit of an English address to, or None to stay.

    Only a GET of a page or search, by a visitor who is not signed in, has no language cookie, is
    not a crawler, and whose `Accept-Language` prefers another language the site has.
    """
    if request.method != "GET" or settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return None
    if get_language_from_path(request.path_info) is not None:
        return None
    header = request.headers.get("Accept-Language", "")
    if not header or BOT_AGENTS.search(request.headers.get("User-Agent", "")):
        return None
    code = language_from_accept(header)
    if code is None or code == language_default():
        return None
    if request.user.is_authenticated:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name not in REDIRECTED_VIEWS and match.namespace not in REDIRECTED_VIEWS:
        return None
    return code


def response_no_shared_cache(response):
    """Mark a response made from this visitor's headers or cookies as theirs alone."""
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, private=True, no_cache=True)
    return response


class FirstVisitLanguageMiddleware:
    """Send a first visit of an English address to the language `Accept-Language` prefers (302).

    Placed after authentication and before the page cache, so the redirect is never stored and an
    English reader's hits are untouched: the redirect only runs for a header that prefers another
    language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = language_for_first_visit(request)
        if code is None:
            return self.get_response(request)
        target = url_in_language(request, request.get_full_path(), code)
        return response_no_shared_cache(HttpResponseRedirect(target))


def language_cookie_set(response, code: str) -> None:
    """Remember the visitor's language in Django's language cookie (read by LocaleMiddleware too)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def next_url_safe(request, url: str | None) -> str | None:
    """`url` when it stays on this site and holds no control character, else None."""
    hosts = {request.get_host()}
    if (
        url
        and not _CONTROL.search(url)
        and url_has_allowed_host_and_scheme(url, allowed_hosts=hosts, require_https=request.is_secure())
    ):
        return url
    return None


# --- Alternates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alternate:
    code: str
    hreflang: str
    url: str


@dataclass(frozen=True)
class PageLanguages:
    alternates: list[Alternate]
    x_default: str | None
    canonical: str | None  # set on a fallback page: the default-language page's address


def page_languages_get(page, request) -> PageLanguages | None:
    """The addresses of a public page's live translations, for hreflang links; None for a page not public.

    The same for every visitor of the page in a language on a host, so kept with the page cache's
    generation (a translation published, a page moved or restricted bumps it): a page rendered
    again pays no query for them. A preview is worked out afresh. Otherwise a fixed number of
    queries whatever the number of languages: the restriction check and the translations.
    """
    if page is None or not getattr(page, "pk", None) or not page.live:
        return None
    if getattr(request, "is_preview", False):
        return _page_languages(page, request)
    key = f"page-languages:{page.pk}:{get_language()}:{request.scheme}:{request.get_host()}"
    return page_cache_get_or_set(key, lambda: _page_languages(page, request))


def _page_languages(page, request) -> PageLanguages | None:
    if page.get_view_restrictions().exists():
        return None
    translations = list(pages_public(page.get_translations(inclusive=True).live()).select_related("locale"))
    default = language_default()
    alternates = []
    x_default = canonical = None
    for translation in sorted(translations, key=lambda p: p.locale.language_code):
        url = translation.get_full_url(request)
        code = translation.locale.language_code
        alternates.append(Alternate(code=code, hreflang=language_hreflang(code), url=url))
        if code == default:
            x_default = url
    if page.locale.language_code != get_language():
        canonical = page.get_full_url(request)
    return PageLanguages(alternates=alternates, x_default=x_default, canonical=canonical)
