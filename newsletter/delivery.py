"""The work of sending an issue, run by the tasks in newsletter/tasks.py; each step is safe to run twice.

1. `deliveries_create`: a NewsletterDelivery row per opted-in learner (the unique constraint on
   issue × learner makes a second run add only learners who opted in since), in their language.
2. `batch_deliver`: claim a batch's rows with one conditional UPDATE (`claimed_at` still empty),
   send to the rows this call claimed, mark them sent. A task run twice, or two workers on one
   batch, claim each row once: nobody gets the issue twice. A worker that dies between claim and
   send leaves rows claimed and unsent: that person misses this issue rather than risk a second copy.
"""

import logging
import uuid
from itertools import islice

from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from newsletter.emails import issue_message, issue_prepare
from newsletter.models import NewsletterDelivery, NewsletterIssuePage, NewsletterSend
from newsletter.selectors import issue_in_language_get, recipients_filter

logger = logging.getLogger(__name__)

BATCH_SIZE = 100  # emails per task: one SMTP connection each, short enough to retry


def chunks(values, size=None):
    size = size or BATCH_SIZE
    values = iter(values)
    while batch := list(islice(values, size)):
        yield batch


@transaction.atomic
def deliveries_create(*, send: NewsletterSend) -> list[int]:
    """Make the rows for every current recipient (existing rows stay), count them; the ids still to send."""
    recipients = recipients_filter(get_user_model().objects.all()).values_list("pk", "profile__preferred_language")
    rows = (
        NewsletterDelivery(send=send, issue_key=send.issue_key, user_id=pk, language=language or "")
        for pk, language in recipients.distinct()
    )
    for batch in chunks(rows, 500):
        NewsletterDelivery.objects.bulk_create(batch, ignore_conflicts=True)
    count = NewsletterDelivery.objects.filter(issue_key=send.issue_key).count()
    NewsletterSend.objects.filter(pk=send.pk).update(recipient_count=count)
    return list(
        NewsletterDelivery.objects.filter(send=send, claimed_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _claim(*, send: NewsletterSend, delivery_ids: list[int]) -> list[NewsletterDelivery]:
    """The rows of `delivery_ids` this call won: claimed now, by one UPDATE, if nobody had claimed them."""
    claim = uuid.uuid4()
    still_wanted = recipients_filter(get_user_model().objects.all()).values("pk")
    NewsletterDelivery.objects.filter(
        pk__in=delivery_ids, send=send, claimed_at__isnull=True, user_id__in=still_wanted
    ).update(claim=claim, claimed_at=timezone.now())
    return list(NewsletterDelivery.objects.filter(claim=claim).select_related("user").order_by("pk"))


def batch_deliver(*, send_id: int, delivery_ids: list[int]) -> int:
    """Send the issue to the rows of this batch nobody claimed yet; the number sent."""
    send = NewsletterSend.objects.select_related("issue").filter(pk=send_id).first()
    if send is None or send.issue is None:
        return 0
    claimed = _claim(send=send, delivery_ids=delivery_ids)
    if not claimed:
        return 0
    prepared = {}
    sent, failed = [], []
    with get_connection() as connection:
        for delivery in claimed:
            language = delivery.language or ""
            if language not in prepared:
                issue = issue_in_language_get(issue_key=send.issue_key, language=language, fallback=send.issue)
                prepared[language] = issue_prepare(issue=issue)
            try:
                issue_message(prepared=prepared[language], user=delivery.user, connection=connection).send()
            except Exception as error:  # one bad address or a refused recipient must not stop the batch
                logger.warning("newsletter: delivery %s failed: %s", delivery.pk, error)
                failed.append((delivery.pk, str(error)[:200]))
            else:
                sent.append(delivery.pk)
    NewsletterDelivery.objects.filter(pk__in=sent).update(sent_at=timezone.now())
    for pk, error in failed:
        NewsletterDelivery.objects.filter(pk=pk).update(error=error)
    return len(sent)


def test_deliver(*, issue_id: int, user_id: int) -> bool:
    """The issue's latest draft, to one editor only, marked as a test."""
    page = NewsletterIssuePage.objects.filter(pk=issue_id).select_related("locale").first()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if page is None or user is None:
        return False
    draft = page.get_latest_revision_as_object()
    issue_message(prepared=issue_prepare(issue=draft), user=user, test=True).send()
    return True
