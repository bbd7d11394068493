"""Translations through wagtail-localize's own machinery: a source, a translation, the target saved."""

from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def make_locale(language_code):
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    return locale


def target_save(translation, *, user=None, publish=True):
    """`Translation.save_target`, with the publish it defers to the commit run now (tests never commit)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=publish)


def translate(instance, locale, *, user=None, publish=True):
    """The `locale` translation of a page or snippet, made or refreshed from its source as an editor would.

    Returns (translated instance, Translation). Pages: the parents must be translated first.
    """
    if isinstance(locale, str):
        locale = make_locale(locale)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()  # the source changed since it was last translated: "Sync"
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    target_save(translation, user=user, publish=publish)
    target = instance.get_translation(locale)
    return (target.specific if isinstance(target, Page) else target), translation


def translate_tree(page, locale, *, user=None, publish=True):
    """`page` and all its descendants, parents first; returns the translated `page`."""
    target, _translation = translate(page, locale, user=user, publish=publish)
    for descendant in page.get_descendants().order_by("path").specific():
        translate(descendant, locale, user=user, publish=publish)
    return target
