"""The daily scan reads a fixed number of queries per batch, and sending costs a fixed number per learner."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nudges import selectors, tasks
from tests.builders import make_learner
from tests.nudges.helpers import course_with_terms, stalled

pytestmark = pytest.mark.django_db

SCAN_QUERIES = 2  # the enrolments due, then the reminders already sent to them
SEND_QUERIES_PER_LEARNER = 8  # the ledger claim (lock, two checks, the cap, a savepoint, the insert), the mail


def learners_away(course, n):
    for _ in range(n):
        stalled(make_learner(profile={"display_name": "Amina"}), course)


def scan_queries():
    with CaptureQueriesContext(connection) as context:
        due, _after = selectors.continue_due_list(now=timezone.now())
    return len(context), len(due)


def test_a_batch_of_the_scan_costs_the_same_queries_for_2_or_8_learners(catalog):
    course = course_with_terms(catalog)
    learners_away(course, 2)
    few, found = scan_queries()
    assert found == 2
    learners_away(course, 6)
    many, found = scan_queries()
    assert found == 8
    print(f"\n[queries] continue scan batch: {few} with 2 learners due, {many} with 8")
    assert few == many <= SCAN_QUERIES


def test_the_scan_with_its_sends_grows_by_a_fixed_number_per_learner(catalog):
    course = course_with_terms(catalog)
    learners_away(course, 2)
    with CaptureQueriesContext(connection) as two:
        assert tasks.continue_scan.call() == 2
    learners_away(course, 4)  # four more; the first two are reminded already
    with CaptureQueriesContext(connection) as four:
        assert tasks.continue_scan.call() == 4
    per_learner = (len(four) - len(two)) / 2
    print(f"\n[queries] continue scan and send: {len(two)} for 2 learners, {len(four)} for 4")
    assert per_learner <= SEND_QUERIES_PER_LEARNER
    assert len(two) - 2 * per_learner <= 10  # the fixed part: the batches and the course pages
