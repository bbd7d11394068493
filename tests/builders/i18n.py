"""Translations of pages, made as an editor makes them: a copy for the locale, then published."""

from wagtail.models import Locale


def make_translation(page, language_code, *, live=True, **fields):
    """`page` copied into `language_code` (the locale made if missing), with `fields` set, published unless live=False.

    The parent must be translated first (make_translation(home, "fr") before its children), as in
    the editor.
    """
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    if live:
        translation.save_revision().publish()
        translation.refresh_from_db()
    return translation
