"""Writes for the reading list: saving twice, or from two tabs at once, keeps one row."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from base.pages import page_is_open
from library.models import ReadingListItem, ResourcePage

SAVE_ATTEMPTS = 5


class LibraryError(Exception):
    """A reading-list action that cannot be done, with a message for the learner."""


@transaction.atomic
def reading_list_add(*, user, resource: ResourcePage) -> ReadingListItem:
    """Save a live, public resource to the learner's reading list (idempotent)."""
    if not page_is_open(resource):
        raise LibraryError(_("This resource is not available."))
    # get_or_create re-raises its IntegrityError when a removal deletes the winner's row between
    # its insert and its second read; the unique constraint still holds, so simply try again.
    for attempt in range(SAVE_ATTEMPTS):
        try:
            with transaction.atomic():
                item, _created = ReadingListItem.objects.get_or_create(
                    user=user, resource_key=resource.translation_key, defaults={"resource": resource}
                )
            return item
        except IntegrityError:
            if attempt == SAVE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


@transaction.atomic
def reading_list_remove(*, user, resource: ResourcePage) -> int:
    """Remove the resource (in any language) from the learner's reading list; returns rows removed."""
    deleted, _details = ReadingListItem.objects.filter(user=user, resource_key=resource.translation_key).delete()
    return deleted
