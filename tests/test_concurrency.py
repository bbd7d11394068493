"""The database setup stands up to concurrent writers on SQLite as on PostgreSQL.

Later race tests (enrolments, completions, attempts) rely on this: 16 threads write at once
and nothing fails with "database is locked" or leaves a duplicate.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 16


def run_at_once(work):
    """Run work(i) in THREADS threads released together; return the exceptions raised."""
    barrier = threading.Barrier(THREADS)
    errors = []

    def runner(i):
        try:
            barrier.wait(timeout=10)
            work(i)
        except Exception as error:  # noqa: BLE001 (collected and asserted on)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


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
