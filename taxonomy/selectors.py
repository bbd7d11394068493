"""Reads of the shared taxonomy: topics, sectors and business stages."""

from base.locales import one_per_key_active_first


def term_list(model, locales=None):
    """Taxonomy terms in the active language, falling back to the default language's terms.

    `locales` is an (active, default) pair when the caller already has it.
    """
    terms = one_per_key_active_first(model.objects.order_by("name"), locales=locales)
    return sorted(terms.values(), key=lambda term: term.name.casefold())
