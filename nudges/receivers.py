"""What nudges does when others act: a learner confirms their email, a course is first published,
a certificate is ready. Each queues a task after the commit, or claims the message at once."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend

from base.pages import page_is_open
from courses.models import CoursePage
from nudges import services, tasks
from nudges.emails import message_email_build
from nudges.models import MessageKind
from nudges.selectors import language_pick

# The welcome waits a little so that the profile step (sector, language) that follows the
# confirmation is usually done and the suggested course fits; the ImmediateBackend of the
# tests cannot wait, and sends at once.
WELCOME_DELAY = timedelta(minutes=30)
# A confirmed address of an account older than this is an email change, not a sign-up.
SIGN_UP_WINDOW = timedelta(days=7)


def welcome_on_email_confirmed(sender, *, email_address, **kwargs):
    """Receiver of allauth's `email_confirmed`: queue the welcome of a new account (sent once)."""
    user = email_address.user
    if user.date_joined < timezone.now() - SIGN_UP_WINDOW:
        return
    welcome = tasks.welcome_send
    if default_task_backend.supports_defer:
        welcome = welcome.using(run_after=timezone.now() + WELCOME_DELAY)
    transaction.on_commit(lambda: welcome.enqueue(user_id=user.pk))


def new_course_on_page_published(sender, *, instance, **kwargs):
    """Receiver of Wagtail's `page_published`: announce a course on its first publication in any language."""
    if not isinstance(instance, CoursePage) or instance.first_published_at != instance.last_published_at:
        return
    earlier = CoursePage.objects.filter(
        translation_key=instance.translation_key, first_published_at__lt=instance.first_published_at
    ).exclude(pk=instance.pk)
    if earlier.exists() or not page_is_open(instance):
        return
    course_id = instance.pk
    transaction.on_commit(lambda: tasks.new_course_announce.enqueue(course_id=course_id))


def course_complete_send(*, certificate, context: dict) -> bool:
    """certificates' "ready" sender: the course-complete message, if the learner wants it; once.

    The certificate's own claim (its `notified_at`) already makes it once per certificate; the
    ledger row makes it once per achievement, and counts towards the learner's daily cap.
    """
    user = certificate.user
    if not services.preference_get(user=user).allows(MessageKind.COURSE_COMPLETE):
        return False
    language = language_pick(certificate.language)  # the certificate's, as its own email was
    key = str(certificate.achievement_key)
    if services.message_claim(user=user, kind=MessageKind.COURSE_COMPLETE, key=key, language=language) is None:
        return False
    message_email_build(
        user=user,
        kind=MessageKind.COURSE_COMPLETE,
        language=language,
        template="nudges/email/course_complete",
        context=context,
    ).send()
    return True
