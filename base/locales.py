"""The language a visitor reads in, and the default language that fills the gaps."""

from django.db.models import Q
from wagtail.models import Locale


def locales_active_and_default() -> tuple[Locale, Locale]:
    """The active language's locale and the default one (the same object twice when they agree)."""
    active = Locale.get_active()
    default = Locale.get_default()
    return active, default


def in_locale_or_default(queryset, *, locales=None):
    """Rows of `queryset` in the active language, plus default-language rows not translated into it.

    `queryset` holds translatable rows (pages or snippets): a learner reading in French sees French
    courses, and English ones not translated yet (or whose translation `queryset` leaves out, such
    as a draft), never the same course twice.
    """
    active, default = locales or locales_active_and_default()
    if active.pk == default.pk:
        return queryset.filter(locale=active)
    translated = queryset.filter(locale=active).values("translation_key")
    return queryset.filter(Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated)))
