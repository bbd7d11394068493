"""Workers at once (16 threads): each message once, the weekly rule and the daily cap hold (SQLite, PostgreSQL)."""

import pytest

from nudges import services, tasks
from nudges.models import MessageKind, MessageSent
from tests.builders import make_course_index, make_home, make_learner
from tests.nudges.helpers import course_with_terms, mails_to, stalled
from tests.threads import THREADS, run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_welcome_task_run_by_16_workers_sends_one_mail():
    make_course_index(make_home())
    learner = make_learner()

    assert run_at_once(lambda i: tasks.welcome_send.call(user_id=learner.pk)) == []

    assert len(mails_to(learner)) == 1
    assert MessageSent.objects.filter(user=learner).count() == 1


def test_the_daily_scan_run_by_16_workers_reminds_of_one_course_once():
    catalog = make_course_index(make_home())
    learner = make_learner()
    stalled(learner, course_with_terms(catalog))
    stalled(learner, course_with_terms(catalog))

    assert run_at_once(lambda i: tasks.continue_scan.call()) == []

    assert len(mails_to(learner)) == 1
    assert MessageSent.objects.filter(user=learner, kind=MessageKind.CONTINUE).count() == 1


def test_16_different_messages_claimed_at_once_stop_at_the_daily_cap():
    learner = make_learner()

    assert run_at_once(lambda i: services.message_claim(user=learner, kind=MessageKind.NEW_COURSE, key=f"c{i}")) == []

    assert MessageSent.objects.filter(user=learner).count() == services.DAILY_CAP < THREADS


def test_one_message_claimed_by_16_workers_is_claimed_once():
    learner = make_learner()
    claims = []

    def claim(i):
        claims.append(services.message_claim(user=learner, kind=MessageKind.NEW_COURSE, key="same"))

    assert run_at_once(claim) == []

    assert len([row for row in claims if row is not None]) == 1
    assert MessageSent.objects.filter(user=learner).count() == 1


def test_a_publication_rolled_back_announces_nothing():
    from allauth.account.models import EmailAddress
    from allauth.account.signals import email_confirmed
    from django.db import transaction

    from taxonomy.models import Sector
    from tests.builders.taxonomy import make_term

    catalog = make_course_index(make_home())
    crafts = make_term(Sector, "Crafts")
    learner = make_learner(profile={"sector": crafts})
    services.preference_update(user=learner, data={"new_courses": True})

    with pytest.raises(RuntimeError), transaction.atomic():
        course_with_terms(catalog, sectors=[crafts])
        email_confirmed.send(sender=EmailAddress, request=None, email_address=EmailAddress.objects.get(user=learner))
        raise RuntimeError("rolled back")

    assert mails_to(learner) == [] and not MessageSent.objects.exists()
    course_with_terms(catalog, sectors=[crafts])  # committed: announced
    assert len(mails_to(learner)) == 1
