"""Background work after the network's transactions commit (django-tasks); each is safe to run twice."""

from django_tasks import task

from network import notifications


@task()
def application_decision_announce(*, application_id: int) -> None:
    """Tell an applicant, in the form's language, that their organisation was accepted or not (once)."""
    notifications.application_decision_send(application_id=application_id)


@task()
def expert_contact_announce(*, contact_id: int) -> None:
    """Tell an expert, in their language, that a member wrote to them (once)."""
    notifications.expert_contact_send_mail(contact_id=contact_id)


@task()
def expert_contact_share(*, contact_id: int) -> None:
    """Send both sides of an accepted message each other's contact details (once)."""
    notifications.expert_contact_share_mail(contact_id=contact_id)
