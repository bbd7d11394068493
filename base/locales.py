"""The language a visitor reads in, and the default language that fills the gaps."""

from operator import attrgetter

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from base.page_cache import page_cache_get_or_set


def _active_locale() -> Locale:
    """Locale.get_active(), kept in the cache: a locale changes only with content (the generation)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return page_cache_get_or_set(f"locale:active:{language}", Locale.get_active)


def page_localized(page):
    """`page.localized`: its live translation in the active language, else itself.

    No query when the page is in that language already; Wagtail's own asks the database for the
    active locale each time, once per link on a page.
    """
    if page is None or page.locale_id == _active_locale().pk:
        return page
    return page.localized


def locales_active_and_default() -> tuple[Locale, Locale]:
    """The active language's locale and the default one (the same object twice when they agree).

    Read from the cache; on a miss, one query when the visitor reads the default language, as most
    do, two otherwise.
    """
    active = _active_locale()
    if active.language_code == get_supported_content_language_variant(settings.LANGUAGE_CODE):
        return active, active
    return active, page_cache_get_or_set("locale:default", Locale.get_default)


def in_locale_or_default(queryset, *, locales=None, for_search: bool = False):
    """Rows of `queryset` in the active language, plus default-language rows not translated into it.

    `queryset` holds translatable rows (pages or snippets): a learner reading in French sees French
    courses, and English ones not translated yet (or whose translation `queryset` leaves out, such
    as a draft), never the same course twice. `for_search` names the default-language rows by id
    (two queries now), since a search backend filters only on the fields it indexes.
    """
    active, default = locales or locales_active_and_default()
    if active.pk == default.pk:
        return queryset.filter(locale=active)
    if for_search:
        translated = list(queryset.filter(locale=active).values_list("translation_key", flat=True))
        fallback = list(
            queryset.filter(locale=default).exclude(translation_key__in=translated).values_list("pk", flat=True)
        )
        return queryset.filter(Q(locale=active) | Q(id__in=fallback))
    translated = queryset.filter(locale=active).values("translation_key")
    return queryset.filter(Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def one_per_key_active_first(queryset, *, key=attrgetter("translation_key"), locales=None) -> dict:
    """Rows of `queryset` in the active or default language, one per `key`: the active language's where it has one.

    By default the key is the translation key, so each page or snippet comes once, translated
    where it can be. Keys keep the order in which `queryset` first gives them.
    """
    active, default = locales or locales_active_and_default()
    chosen = {}
    for row in queryset.filter(locale__in=[active, default]):
        row_key = key(row)
        if row_key not in chosen or row.locale_id == active.pk:
            chosen[row_key] = row
    return chosen
