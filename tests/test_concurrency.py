"""The database setup stands up to concurrent writers on SQLite as on PostgreSQL.

Later race tests (enrolments, completions, attempts) rely on this: 16 threads write at once
and nothing fails with "database is locked" or leaves a duplicate.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from tests.threads import THREADS, run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("repeat", range(3))
def test_sixteen_threads_creating_the_same_account_leave_one_row(repeat):
    def create(i):
        with transaction.atomic():
            get_user_model().objects.get_or_create(email="same.person@example.org")

    assert run_at_once(create) == []
    assert get_user_model().objects.filter(email="same.person@example.org").count() == 1


def test_sixteen_threads_creating_different_accounts_all_succeed():
    def create(i):
        with transaction.atomic():
            get_user_model().objects.create(email=f"person{i}@example.org")

    assert run_at_once(create) == []
    assert get_user_model().objects.count() == THREADS
