""" "Enrol" chosen while signed out, completed after sign-up or log-in (issue 20; see accounts/intents.py)."""

from django.contrib import messages
from django.utils.translation import gettext as _

from accounts.intents import IntentOutcome
from base.pages import page_is_open
from courses import selectors, services
from courses.models import CoursePage

ENROLL = "enroll"


def enrollment_intent_complete(*, user, target_id: int) -> IntentOutcome:
    """Enrol through the enrolment service (once, whatever the replays); a draft or private course is refused."""
    course = CoursePage.objects.live().filter(pk=target_id).first()
    if course is None or not page_is_open(course, under_live_pages=True):
        return IntentOutcome(url="/", message=_("This course is not open for enrolment."), level=messages.ERROR)
    try:
        services.enrollment_create(user=user, course=course)
    except services.LearningError as error:
        return IntentOutcome(url=course.url, message=str(error), level=messages.ERROR)
    step = selectors.course_detail_get(course=course, user=user).progress.next_step
    return IntentOutcome(
        url=(step or course).url,
        message=_("You are enrolled in “%(course)s”. Your progress is saved after each lesson.")
        % {"course": course.title},
        level=messages.SUCCESS,
    )
