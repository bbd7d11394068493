"""The messages that bring learners back, sent by the task worker (`manage.py db_worker`).

Each task reads its rows afresh and claims every message in the ledger (`services.message_claim`)
before the email goes out, so a task run twice, a replayed signal or two workers send it once.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django_tasks import task

from courses.models import CoursePage
from nudges import selectors, services
from nudges.emails import message_email_build
from nudges.models import MessageKind


def _send(*, user, kind: str, key: str, language: str, template: str, context: dict) -> bool:
    """Claim the message, then send it; True if this call sent it."""
    if services.message_claim(user=user, kind=kind, key=key, language=language) is None:
        return False
    message_email_build(user=user, kind=kind, language=language, template=template, context=context).send()
    return True


def _allowed(user, kind: str) -> bool:
    return user.is_active and user.deleted_at is None and services.preference_get(user=user).allows(kind)


@task()
def welcome_send(*, user_id: int) -> bool:
    """Welcome a new learner with a first course picked from their profile, in their language."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not _allowed(user, MessageKind.WELCOME):
        return False
    language = selectors.learner_language_get(user)
    course = selectors.course_suggestion_get(user=user, language=language)
    with translation.override(language):
        context = {
            "name": selectors.learner_name_get(user, user.profile if selectors.profile_has(user) else None),
            "course": course.title if course else "",
            "course_summary": course.summary if course else "",
            "course_url": selectors.page_address(course) if course else "",
        }
    return _send(
        user=user, kind=MessageKind.WELCOME, key="", language=language, template="nudges/email/welcome", context=context
    )


def continue_send(due: selectors.ContinueDue, courses: dict) -> bool:
    """Remind one learner of the course they left, named and linked in their language."""
    key = due.enrollment.course_key
    course = courses.get((key, due.language)) or courses.get((key, due.enrollment.course.locale.language_code))
    course = course or due.enrollment.course
    with translation.override(due.language):
        context = {"name": due.name, "course": course.title, "course_url": selectors.page_address(course)}
    return _send(
        user=due.user,
        kind=MessageKind.CONTINUE,
        key=selectors.course_key_text(key),
        language=due.language,
        template="nudges/email/continue",
        context=context,
    )


@task()
def continue_scan() -> int:
    """The daily scan: remind every learner who left an unfinished course alone for a week; the count sent."""
    now, after, sent = timezone.now(), 0, 0
    while True:
        batch, after = selectors.continue_due_list(now=now, after_user_id=after)
        if not batch:
            return sent
        courses = selectors.courses_by_key_and_language({due.enrollment.course_key for due in batch})
        sent += sum(continue_send(due, courses) for due in batch)


@task()
def new_course_announce(*, course_id: int) -> int:
    """Tell the learners who asked that a course in their sector or topics is out; the count sent."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None or not course.live:
        return 0
    key, after, sent = course.translation_key, 0, 0
    while True:
        batch, after = selectors.new_course_audience_list(course=course, after_user_id=after)
        if not batch:
            return sent
        courses = selectors.courses_by_key_and_language({key})
        for recipient in batch:
            page = courses.get((key, recipient.language)) or courses.get((key, course.locale.language_code))
            if page is None:
                return sent  # unpublished or closed since: announce nothing more
            with translation.override(recipient.language):
                context = {
                    "name": recipient.name,
                    "course": page.title,
                    "course_summary": page.summary,
                    "course_url": selectors.page_address(page),
                }
            sent += _send(
                user=recipient.user,
                kind=MessageKind.NEW_COURSE,
                key=selectors.course_key_text(key),
                language=recipient.language,
                template="nudges/email/new_course",
                context=context,
            )
