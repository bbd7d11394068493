"""Every write of nudges: a learner's preferences and the claim of a message before it is sent."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from nudges.models import MessageKind, MessagePreference, MessageSent

# At most this many messages a learner in any 24 hours. A reminder over the cap waits for the
# next daily scan (nothing is claimed); a new-course announcement over the cap is dropped (the
# course is in the catalog, and a late announcement is noise). The welcome and the course-complete
# message (it carries the certificate the learner just earned) are never held back, but count.
DAILY_CAP = 2
UNCAPPED = frozenset({MessageKind.WELCOME, MessageKind.COURSE_COMPLETE})
# At most one "continue where you left off" a week, whatever the course.
CONTINUE_EVERY = timedelta(days=7)


def preference_get(*, user) -> MessagePreference:
    """The learner's preferences, or an unsaved row holding the defaults."""
    return MessagePreference.objects.filter(user=user).first() or MessagePreference(user=user)


@transaction.atomic
def preference_update(*, user, data: dict) -> MessagePreference:
    """Save the learner's choice of messages (`data`: the form's cleaned data)."""
    preference, _created = MessagePreference.objects.get_or_create(user=user)
    for field in ("welcome", "continue_learning", "course_complete", "new_courses"):
        if field in data:
            setattr(preference, field, bool(data[field]))
    preference.full_clean(exclude=["user"])
    preference.save()
    if "topics" in data:
        preference.topics.set(data["topics"])
    return preference


@transaction.atomic
def preference_kind_stop(*, user, kind: str) -> MessagePreference:
    """Turn one kind of message off (the one-click unsubscribe); doing it twice changes nothing more."""
    preference, _created = MessagePreference.objects.select_for_update().get_or_create(user=user)
    field = MessagePreference.FIELDS[kind]
    if getattr(preference, field):
        setattr(preference, field, False)
        preference.save(update_fields=[field, "updated_at"])
    return preference


@transaction.atomic
def message_claim(*, user, kind: str, key: str = "", language: str = "", now=None) -> MessageSent | None:
    """Claim the message `kind` about `key` for `user`; None if it was sent already or is not allowed now.

    The learner's row is locked first, so the rules that count rows (the daily cap, one reminder
    a week) hold when two workers claim for one learner at once; the unique constraint stops a
    second claim of the same message even so. Claimed means sent: the email goes out after this
    commits, so a crash between the two loses one message rather than sending it twice.
    """
    now = now or timezone.now()
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    mine = MessageSent.objects.filter(user=user)
    if mine.filter(kind=kind, key=key).exists():
        return None
    if kind == MessageKind.CONTINUE and mine.filter(kind=kind, sent_at__gt=now - CONTINUE_EVERY).exists():
        return None
    if kind not in UNCAPPED and mine.filter(sent_at__gt=now - timedelta(days=1)).count() >= DAILY_CAP:
        return None
    try:
        with transaction.atomic():
            return MessageSent.objects.create(user=user, kind=kind, key=key, language=language, sent_at=now)
    except IntegrityError:
        return None


@transaction.atomic
def messages_on_account_deleted(sender, *, user, **kwargs):
    """Receiver of accounts' `account_deleted`: forget the learner's choices and the messages sent."""
    MessageSent.objects.filter(user=user).delete()
    MessagePreference.objects.filter(user=user).delete()
