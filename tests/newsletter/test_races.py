"""Send pressed in 16 tabs, a batch run by 16 workers: one send, one email per learner (SQLite and PostgreSQL)."""

import pytest
from django.core import mail

from newsletter import delivery, services
from newsletter.models import NewsletterDelivery, NewsletterSend
from tests.builders import (
    make_course,
    make_course_index,
    make_editor,
    make_home,
    make_issue,
    make_learner,
    make_newsletter_index,
    root_collection,
)
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def setup(learners=5):
    home = make_home()
    course = make_course(make_course_index(home), lessons=1)
    issue = make_issue(make_newsletter_index(home), pages=[course])
    people = [make_learner(profile={"newsletter": True}) for _ in range(learners)]
    root_collection()  # a transactional test before this one emptied the table
    return issue, people, make_editor()


def one_each(people):
    sent = sorted(address for message in mail.outbox for address in message.to)
    assert sent == sorted(person.email for person in people)


@pytest.mark.parametrize("repeat", range(2))
def test_send_pressed_16_times_at_once_sends_once(repeat):
    issue, people, editor = setup()
    errors = run_at_once(lambda i: services.issue_send(issue=issue, by=editor))
    assert len(errors) == 15 and all(isinstance(error, services.NewsletterError) for error in errors), errors
    assert NewsletterSend.objects.count() == 1
    one_each(people)


@pytest.mark.parametrize("repeat", range(2))
def test_one_batch_run_by_16_workers_at_once_reaches_each_learner_once(repeat):
    issue, people, _editor = setup()
    send = NewsletterSend.objects.create(issue_key=issue.translation_key, issue=issue)
    ids = delivery.deliveries_create(send=send)
    assert run_at_once(lambda i: delivery.batch_deliver(send_id=send.pk, delivery_ids=ids)) == []
    one_each(people)
    assert NewsletterDelivery.objects.filter(sent_at__isnull=False).count() == len(people)
