"""Every account form answers bad input with a field error (or allauth's neutral answer), never a 500."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.accounts.helpers import reauthenticate
from tests.builders import PASSWORD, make_learner

pytestmark = pytest.mark.django_db
User = get_user_model()

BAD = {
    "empty": "",
    "10,000 characters": "a" * 10_000,
    "NUL and control characters": "a\x00b\x07c\x1b",
    "right-to-left override": "\u202egro.elpmaxe@nimda",
    "emoji": "🙂🙂🙂@🙂.org",
    "mixed scripts": "аdmin@exаmple.org",  # Cyrillic а among Latin letters
    "10,000 characters of email": "a" * 9_990 + "@example.org",
}


def _errors_shown(response) -> bool:
    form = response.context.get("form") if response.context else None
    return bool(form is not None and form.errors)


@pytest.mark.parametrize("label", BAD)
def test_signup_refuses_bad_emails_with_a_field_error(client, label):
    response = client.post(reverse("account_signup"), {"email": BAD[label], "password1": "learning-by-doing-2026"})
    assert response.status_code == 200, label
    assert _errors_shown(response), label
    assert not User.objects.exists()


@pytest.mark.parametrize("label", BAD)
def test_signup_refuses_bad_passwords_with_a_field_error(client, label):
    response = client.post(reverse("account_signup"), {"email": "new@example.org", "password1": BAD[label]})
    if response.status_code == 302:  # a long odd passphrase is a fine password
        assert label in {"right-to-left override", "emoji", "mixed scripts"}
        return
    assert response.status_code == 200 and _errors_shown(response), label


def test_signup_with_an_email_taken_in_another_case_creates_no_second_account(client):
    make_learner(email="taken@example.org")
    response = client.post(
        reverse("account_signup"), {"email": "TAKEN@EXAMPLE.ORG", "password1": "learning-by-doing-2026"}
    )
    assert response.status_code == 302  # the same answer as for a new address (no enumeration)
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


@pytest.mark.parametrize("label", BAD)
def test_login_refuses_bad_input_with_an_error(client, label):
    make_learner(email="real@example.org")
    for data in ({"login": BAD[label], "password": PASSWORD}, {"login": "real@example.org", "password": BAD[label]}):
        response = client.post(reverse("account_login"), data)
        assert response.status_code == 200, label
        assert _errors_shown(response), label
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("label", BAD)
def test_password_reset_refuses_bad_input_or_answers_neutrally(client, label):
    response = client.post(reverse("account_reset_password"), {"email": BAD[label]})
    assert response.status_code in (200, 302), label
    if response.status_code == 200:
        assert _errors_shown(response)


@pytest.mark.parametrize("label", BAD)
@pytest.mark.parametrize("url_name", ["account_confirm_login_code", "account_email_verification_sent"])
def test_code_forms_refuse_bad_codes(client, label, url_name):
    make_learner(email="code@example.org")
    if url_name == "account_confirm_login_code":
        client.post(reverse("account_request_login_code"), {"email": "code@example.org"})
    else:
        client.post(reverse("account_signup"), {"email": "fresh@example.org", "password1": "learning-by-doing-2026"})
    response = client.post(reverse(url_name), {"code": BAD[label]})
    assert response.status_code in (200, 302), label
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("label", BAD)
def test_email_change_refuses_bad_addresses(client, label):
    learner = make_learner(email="mine@example.org")
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    reauthenticate(client)
    response = client.post(reverse("account_email"), {"action_add": "", "email": BAD[label]})
    assert response.status_code == 200, label
    assert _errors_shown(response), label
    assert list(learner.emailaddress_set.values_list("email", flat=True)) == ["mine@example.org"]


def test_email_change_to_an_address_taken_in_another_case_is_refused(client):
    make_learner(email="taken@example.org")
    learner = make_learner(email="mine@example.org")
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    reauthenticate(client)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "Taken@Example.ORG"})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert _errors_shown(response)
    assert list(learner.emailaddress_set.values_list("email", flat=True)) == ["mine@example.org"]


@pytest.mark.parametrize("label", BAD)
def test_reauthentication_and_password_change_refuse_bad_passwords(client, label):
    learner = make_learner()
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    response = client.post(reverse("account_reauthenticate"), {"password": BAD[label]})
    assert response.status_code == 200 and _errors_shown(response), label
    reauthenticate(client)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": BAD[label], "password2": BAD[label]},
    )
    if response.status_code == 302:
        assert label in {"right-to-left override", "emoji", "mixed scripts"}
    else:
        assert response.status_code == 200 and _errors_shown(response), label


@pytest.mark.parametrize("label", BAD)
def test_2fa_activation_refuses_bad_codes(client, label):
    learner = make_learner()
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    reauthenticate(client)
    response = client.post(reverse("mfa_activate_totp"), {"code": BAD[label]})
    assert response.status_code == 200 and _errors_shown(response), label
    assert not learner.authenticator_set.exists()


@pytest.mark.parametrize("label", BAD)
def test_account_deletion_refuses_anything_but_a_yes(client, label):
    learner = make_learner()
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    reauthenticate(client)
    response = client.post(reverse("accounts:delete"), {"confirm_typo": BAD[label]})
    assert response.status_code == 200 and _errors_shown(response), label
    learner.refresh_from_db()
    assert learner.deleted_at is None
