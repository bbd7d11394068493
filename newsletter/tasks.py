"""Background work for the newsletter (django-tasks; `manage.py db_worker` runs it). Safe to run twice."""

from django.db import transaction
from django_tasks import task

from newsletter import delivery
from newsletter.models import NewsletterSend


@task()
def newsletter_issue_send(*, send_id: int) -> None:
    """Make an issue's deliveries, then one task per batch to send them."""
    send = NewsletterSend.objects.filter(pk=send_id).first()
    if send is None:
        return
    pending = delivery.deliveries_create(send=send)
    for batch in delivery.chunks(pending):
        transaction.on_commit(lambda batch=batch: newsletter_batch_send.enqueue(send_id=send_id, delivery_ids=batch))


@task()
def newsletter_batch_send(*, send_id: int, delivery_ids: list[int]) -> None:
    delivery.batch_deliver(send_id=send_id, delivery_ids=delivery_ids)


@task()
def newsletter_test_send(*, issue_id: int, user_id: int) -> None:
    delivery.test_deliver(issue_id=issue_id, user_id=user_id)
