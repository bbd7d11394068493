"""Reads of the shared taxonomy: topics, sectors and business stages."""

from django.core.cache import cache
from django.utils.translation import get_language

from base.locales import one_per_key_active_first
from base.page_cache import page_cache_generation, page_cache_seconds


def term_list(model, locales=None):
    """Taxonomy terms in the active language, falling back to the default language's terms.

    `locales` is an (active, default) pair when the caller already has it. Cached per language and
    content generation (base/page_cache.py): saving or deleting a term starts a new generation.
    """
    language = locales[0].language_code if locales else get_language()
    key = f"terms:{page_cache_generation()}:{model._meta.label}:{language}"
    terms = cache.get(key)
    if terms is None:
        terms = one_per_key_active_first(model.objects.order_by("name"), locales=locales)
        terms = sorted(terms.values(), key=lambda term: term.name.casefold())
        cache.set(key, terms, page_cache_seconds())
    return terms
