"""Background work for events (django-tasks; `manage.py db_worker` runs it).

Each task takes a registration's id, reads the row afresh and is safe to run twice: the email
is claimed by a conditional UPDATE before it is sent.
"""

from django_tasks import task

from events import notifications
from events.models import EventRegistration


@task()
def registration_promoted_announce(*, registration_id: int) -> None:
    """Tell a learner moved up from the waiting list that they have a seat (once)."""
    registration = EventRegistration.objects.filter(pk=registration_id).select_related("user", "event").first()
    if registration is not None:
        notifications.promotion_send(registration=registration)


@task()
def event_reminder_send(*, registration_id: int) -> None:
    """Remind a registered learner of their event the day before (once)."""
    registration = EventRegistration.objects.filter(pk=registration_id).select_related("user", "event").first()
    if registration is not None:
        notifications.reminder_send(registration=registration)
