"""Filling a translation as a translator does in wagtail-localize's editor: one string at a time."""

from wagtail.models import DraftStateMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.builders.translations import target_save, translate


def in_french(text: str) -> str:
    """The test's 'French': visible, reversible, and valid inside the HTML of a rich-text segment."""
    return f"FR {text}"


def segments_of(instance):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return list(StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"))


def strings_translate(translation: Translation, *, user=None, write=in_french):
    """A StringTranslation for every string segment of the translation's source, as the editor saves them."""
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": write(segment.string.data), "last_translated_by": user},
        )


def translate_fully(instance, locale, *, user=None, write=in_french):
    """Translate every string of `instance` into `locale` and publish: returns (target, Translation)."""
    # A draft first where the model has drafts (pages); snippets without drafts are saved live.
    _target, translation = translate(instance, locale, user=user, publish=not isinstance(instance, DraftStateMixin))
    strings_translate(translation, user=user, write=write)
    target_save(translation, user=user, publish=True)
    target = type(instance).objects.get(translation_key=instance.translation_key, locale=locale)
    return target, translation


def translate_tree_fully(page, locale, *, user=None, write=in_french):
    """`page`'s ancestors below the root (if missing), `page` and its descendants, every string filled."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.has_translation(locale):
            translate_fully(ancestor, locale, user=user, write=write)
    target, _translation = translate_fully(page, locale, user=user, write=write)
    for descendant in page.get_descendants().order_by("path").specific():
        translate_fully(descendant, locale, user=user, write=write)
    return target
