"""Email login, sign-up verified by code, and one rate-limited login form for everyone."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.builders import PASSWORD, give_totp, make_admin_user, make_learner, totp_code

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_email_is_unique_ignoring_case_in_the_database():
    User.objects.create_user(email="Amina.Diallo@Example.org", password=PASSWORD)
    with pytest.raises(IntegrityError), transaction.atomic():
        User(email="amina.diallo@example.ORG").save()
    assert User.objects.count() == 1


def test_creating_a_user_with_the_same_email_in_another_case_is_a_validation_error():
    User.objects.create_user(email="nino@example.org", password=PASSWORD)
    with pytest.raises(ValidationError) as error:
        User.objects.create_user(email="NINO@example.org", password=PASSWORD)
    assert "already exists" in str(error.value)


def test_login_finds_the_user_whatever_the_case_of_the_email(client):
    make_learner(email="carlos@example.org")
    response = client.post(reverse("account_login"), {"login": "CARLOS@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def signup(client, email, password="learning-by-doing-2026"):
    return client.post(reverse("account_signup"), {"email": email, "password1": password})


def test_signup_is_verified_by_a_code_sent_by_email(client):
    response = signup(client, "fatima@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@example.org"]
    code = re.search(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]{4,})?)\s*$", mail.outbox[0].body, re.MULTILINE).group(1)
    assert not EmailAddress.objects.get(email="fatima@example.org").verified

    page = client.get(reverse("account_email_verification_sent"))
    assert page.status_code == 200 and 'name="code"' in page.content.decode()
    response = client.post(reverse("account_email_verification_sent"), {"code": code})

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="fatima@example.org").verified
    assert int(client.session["_auth_user_id"]) == User.objects.get(email="fatima@example.org").pk


def test_a_wrong_code_is_refused_with_a_message(client):
    signup(client, "oleg@example.org")
    response = client.post(reverse("account_email_verification_sent"), {"code": "WRONG-CODE"})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert not EmailAddress.objects.get(email="oleg@example.org").verified


def test_signup_with_a_taken_email_looks_the_same_and_creates_nothing(client, settings):
    make_learner(email="taken@example.org")
    response = signup(client, "TAKEN@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_a_weak_password_gets_a_field_error(client):
    response = signup(client, "weak@example.org", password="password")
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.filter(email="weak@example.org").exists()


def test_wagtail_admin_sends_visitors_to_the_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=/admin/")


def test_the_wagtail_admin_login_form_is_not_a_second_way_in(client):
    admin = make_admin_user(email="editor@example.org", superuser=True, totp=False)
    response = client.post("/admin/login/", {"username": admin.email, "password": PASSWORD})
    assert response.status_code in (301, 302)
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_staff_log_in_to_the_admin_through_allauth(client):
    admin = make_admin_user(email="editor@example.org", superuser=True, totp=False)
    secret = give_totp(admin)
    response = client.post(reverse("account_login") + "?next=/admin/", {"login": admin.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_repeated_failed_logins_are_rate_limited_on_a_real_cache(client):
    make_learner(email="target@example.org")
    for _ in range(5):
        response = client.post(reverse("account_login"), {"login": "target@example.org", "password": "wrong-guess"})
        assert response.status_code == 200
    # Even the right password is refused while the limit holds.
    response = client.post(reverse("account_login"), {"login": "target@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()
