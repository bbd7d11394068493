"""Reads for the site chrome and the home page, each a constant number of queries."""

from dataclasses import dataclass
from operator import attrgetter

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Page

from base.locales import locales_active_and_default, one_per_key_active_first
from base.page_cache import page_cache_generation, page_cache_seconds
from base.pages import pages_public

CARD_RENDITION = "fill-480x270|format-webp"
LOGO_RENDITION = "max-240x96"


def card_pages_get(page_ids) -> dict:
    """Live, public pages by id, as their specific type, with card images and renditions loaded.

    A page type takes part by naming its image field in `card_image_field` and giving a
    `card_summary`; drafts, private pages and deleted pages simply drop out.
    """
    page_ids = [pk for pk in page_ids if pk]
    if not page_ids:
        return {}
    pages = list(pages_public(Page.objects.live()).filter(pk__in=page_ids).specific())
    fields = {page.pk: getattr(page, "card_image_field", None) for page in pages}
    image_ids = {getattr(page, f"{fields[page.pk]}_id") for page in pages if fields[page.pk]} - {None}
    # Every card's image and its rendition in two queries, whatever the mix of page types.
    images = image_renditions_get_by_id(image_ids, CARD_RENDITION)
    for page in pages:
        if fields[page.pk]:
            setattr(page, fields[page.pk], images.get(getattr(page, f"{fields[page.pk]}_id")))
    return {page.pk: page for page in pages}


def stream_card_pages_get(stream_value) -> dict:
    """Every page chosen in the stream's featured-pages sections, fetched at once."""
    ids = []
    for block in stream_value.raw_data:
        if block.get("type") == "featured_pages":
            ids += [item.get("value") for item in block["value"].get("pages", [])]
    return card_pages_get(ids)


def image_renditions_get(images, spec) -> dict:
    """The given images by id with the rendition `spec` prefetched: one query, not one per image."""
    return image_renditions_get_by_id({image.pk for image in images if image}, spec)


def image_renditions_get_by_id(ids, spec) -> dict:
    """The images of these ids with the rendition `spec` prefetched (two queries, none without ids)."""
    if not ids:
        return {}
    return {image.pk: image for image in get_image_model().objects.filter(pk__in=ids).prefetch_renditions(spec)}


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    is_current: bool = False


@dataclass(frozen=True)
class Navigation:
    main: list
    footer: list
    footer_text: str


def navigation_get(request) -> Navigation:
    """The main menu, footer menu and footer text in the active language, memoised per request.

    Falls back to the default locale's menus where a translation is missing; a linked page
    is shown in the active locale when a live translation of it exists. The links are cached per
    site, language and content generation (base/page_cache.py), so a signed-in page does not query
    them each time; only "which link is the current page" is worked out per request.
    """
    cached = getattr(request, "_navigation", None)
    if cached is not None:
        return cached
    key = f"navigation:{page_cache_generation()}:{request.scheme}:{request.get_host()}:{get_language()}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _navigation_build(request, locales_active_and_default())
        cache.set(key, chrome, page_cache_seconds())
    main, footer, footer_text = chrome
    navigation = Navigation(
        main=[NavLink(label=label, url=url, is_current=url == request.path) for label, url in main],
        footer=[NavLink(label=label, url=url, is_current=url == request.path) for label, url in footer],
        footer_text=footer_text,
    )
    request._navigation = navigation
    return navigation


def _navigation_build(request, locales) -> tuple:
    """(main links, footer links, footer text) as plain (label, url) pairs, fit for the cache."""
    from home.models import FooterText, MenuPlace, NavigationMenu  # avoid a circular import with models

    active, default = locales
    menus = one_per_key_active_first(NavigationMenu.objects.all(), key=attrgetter("place"), locales=locales)
    footer_text = ""
    for text in FooterText.objects.filter(locale__in=[active, default]):
        if not footer_text or text.locale_id == active.pk:
            footer_text = text.body

    raw_items = {place: [item["value"] for item in menu.items.raw_data] for place, menu in menus.items()}
    pages = _localized_pages({item.get("page") for items in raw_items.values() for item in items}, active)
    return (
        _links(raw_items.get(MenuPlace.MAIN, []), pages, request),
        _links(raw_items.get(MenuPlace.FOOTER, []), pages, request),
        footer_text,
    )


def _localized_pages(page_ids, locale) -> dict:
    """Live, public pages by the id an editor chose, swapped for their translation in `locale`."""
    page_ids = [pk for pk in page_ids if pk]
    if not page_ids:
        return {}
    chosen = {page.pk: page for page in Page.objects.live().public().filter(pk__in=page_ids)}
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=[page.translation_key for page in chosen.values()])
    }
    return {pk: translated.get(page.translation_key, page) for pk, page in chosen.items()}


def _links(items, pages, request) -> list:
    links = []
    for item in items:
        if item.get("page"):
            page = pages.get(item["page"])
            if page is None:  # unpublished, private or deleted: leave it out
                continue
            url = page.get_url(request)
            label = item.get("label") or page.title
        else:
            url, label = item.get("url"), item.get("label")
        if not url or not label:
            continue
        links.append((label, url))
    return links
