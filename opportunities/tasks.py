"""Background work after the board's transactions commit (django-tasks; `manage.py db_worker` runs it).

Each task takes an id, reads the row afresh and is safe to run twice (the emails are claimed once).
"""

from django_tasks import task

from opportunities import notifications


@task()
def interest_received_announce(*, interest_id: int) -> None:
    notifications.interest_received_send(interest_id=interest_id)


@task()
def contacts_shared_announce(*, interest_id: int) -> None:
    notifications.contacts_shared_send(interest_id=interest_id)


@task()
def opportunity_rejected_announce(*, opportunity_id: int) -> None:
    notifications.opportunity_rejected_send(opportunity_id=opportunity_id)


@task()
def opportunities_close_daily() -> int:
    """Flip published opportunities past their date to closed (the board shows them closed already)."""
    from opportunities.services import opportunities_close_past  # services enqueue these tasks: a cycle

    return opportunities_close_past()
