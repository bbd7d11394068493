"""Two tabs, double taps: the profile and the deletion hold under 16 threads, on SQLite and PostgreSQL."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from accounts import services
from accounts.models import LearnerProfile
from tests.builders import make_learner
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("repeat", range(3))
def test_the_first_profile_saved_from_16_threads_makes_one_row(repeat):
    learner = make_learner()
    errors = run_at_once(lambda i: services.profile_update(user=learner, data={"display_name": f"Name {i}"}))
    assert errors == []
    assert LearnerProfile.objects.filter(user=learner).count() == 1
    assert LearnerProfile.objects.get(user=learner).display_name.startswith("Name ")


@pytest.mark.parametrize("repeat", range(3))
def test_an_account_deleted_from_16_threads_is_deleted_once(repeat):
    learner = make_learner(email=f"twice{repeat}@example.org")
    mail.outbox = []
    assert run_at_once(lambda i: services.account_delete(user=learner)) == []
    learner = get_user_model().objects.get(pk=learner.pk)
    assert learner.deleted_at is not None and learner.email.endswith("@deleted.invalid")
    assert [m.to for m in mail.outbox] == [[f"twice{repeat}@example.org"]]
