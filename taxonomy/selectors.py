"""Reads of the shared taxonomy: topics, sectors and business stages."""

from base.locales import locales_active_and_default


def terms_for_locale(model, locales=None):
    """Taxonomy terms in the active language, falling back to the default language's terms.

    `locales` is an (active, default) pair when the caller already has it.
    """
    active, default = locales or locales_active_and_default()
    terms = {}
    for term in model.objects.filter(locale__in=[active, default]).order_by("name"):
        if term.translation_key not in terms or term.locale_id == active.pk:
            terms[term.translation_key] = term
    return sorted(terms.values(), key=lambda term: term.name.casefold())
