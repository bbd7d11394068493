"""accounts.services.user_create_verified: an account that can log in at once, or not at all."""

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.services import user_create_verified
from tests.builders import PASSWORD, make_learner

pytestmark = pytest.mark.django_db


def test_a_verified_user_logs_in_with_the_password_given(client):
    user = user_create_verified(email="zanele@example.org", password=PASSWORD, first_name="Zanele", last_name="Dube")

    response = client.post(reverse("account_login"), {"login": "zanele@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)
    assert EmailAddress.objects.filter(user=user, email="zanele@example.org", primary=True, verified=True).count() == 1
    assert (user.first_name, user.last_name) == ("Zanele", "Dube")


def test_a_verified_user_without_a_password_cannot_log_in_until_they_set_one():
    user = user_create_verified(email="editor@example.org")

    assert not user.has_usable_password()


def test_an_email_taken_in_another_case_creates_nothing():
    make_learner(email="taken@example.org")

    with pytest.raises(ValidationError):
        user_create_verified(email="TAKEN@example.org")

    assert EmailAddress.objects.filter(email__iexact="taken@example.org").count() == 1
