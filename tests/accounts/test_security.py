"""Enumeration, brute force on both login paths, proxies, 2FA for the admin, cookies, email change."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import last_code, reauthenticate
from tests.builders import PASSWORD, give_totp, make_learner, totp_code

pytestmark = pytest.mark.django_db
User = get_user_model()


def _page(response):
    return response.content.decode()


# --- Enumeration -------------------------------------------------------------------


def test_signup_with_an_existing_or_a_new_email_gives_the_same_response(client):
    make_learner(email="known@example.org")
    responses = []
    for email in ("known@example.org", "unknown@example.org"):
        client.cookies.clear()
        responses.append(
            client.post(reverse("account_signup"), {"email": email, "password1": "learning-by-doing-2026"})
        )
    assert [r.status_code for r in responses] == [302, 302]
    assert responses[0]["Location"] == responses[1]["Location"] == reverse("account_email_verification_sent")
    # Both get one email: the owner of the known address is told someone tried to sign up.
    assert sorted(m.to[0] for m in mail.outbox) == ["known@example.org", "unknown@example.org"]


def test_password_reset_for_an_existing_or_a_new_email_gives_the_same_response(client):
    make_learner(email="known@example.org")
    pages = []
    for email in ("known@example.org", "nobody@example.org"):
        client.cookies.clear()
        response = client.post(reverse("account_reset_password"), {"email": email})
        assert response.status_code == 302
        pages.append((response["Location"], client.get(response["Location"]).status_code))
    assert pages[0] == pages[1]
    assert mail.outbox[0].to == ["known@example.org"]


# --- Passwords ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("short1", False),  # under 8 characters
        ("password123", False),  # a common password
        ("qwertyuiop", False),  # common too
        ("trees grow slowly", True),  # a passphrase: no digits, capitals or symbols needed
        ("73950184627391", True),  # all digits is fine if long and uncommon
    ],
)
def test_passwords_need_length_and_must_not_be_common_but_have_no_composition_rules(client, password, accepted):
    response = client.post(reverse("account_signup"), {"email": "pw@example.org", "password1": password})
    assert (response.status_code == 302) is accepted, _page(response)[:500]
    assert User.objects.filter(email="pw@example.org").exists() is accepted


# --- Brute force -------------------------------------------------------------------


def _hammer(client, url, *, times, **extra):
    statuses = []
    for n in range(times):
        response = client.post(url, {"login": f"victim{n}@example.org", "password": "guess-123456"}, **extra)
        statuses.append(response.status_code)
    return statuses


def test_failed_logins_from_one_address_end_in_429_on_the_login_page(client):
    statuses = _hammer(client, reverse("account_login"), times=35)
    assert 429 in statuses
    assert statuses[-1] == 429
    assert "_auth_user_id" not in client.session


def test_failed_logins_through_the_admin_login_end_in_429(client):
    learner = make_learner(email="editor@example.org")
    # The admin's own login form is not there: it sends every request to allauth's.
    response = client.post("/admin/login/?next=/admin/", {"username": learner.email, "password": "guess"})
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith(reverse("account_login"))
    statuses = [
        client.post(login_url, {"login": learner.email, "password": f"guess-{n}"}).status_code for n in range(35)
    ]
    assert statuses[-1] == 429
    # Even the right password is refused while the limit holds.
    response = client.post(login_url, {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 429 and "_auth_user_id" not in client.session


def test_a_forged_x_forwarded_for_does_not_escape_the_limit_without_a_trusted_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    statuses = [
        client.post(
            reverse("account_login"),
            {"login": f"v{n}@example.org", "password": "guess-123456"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(35)
    ]
    assert statuses[-1] == 429


def test_behind_one_trusted_proxy_the_limit_keys_on_the_client_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    statuses = _hammer(client, reverse("account_login"), times=35, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert statuses[-1] == 429
    # Another client behind the same proxy is not locked out by the first one.
    other = client.post(
        reverse("account_login"),
        {"login": "someone@example.org", "password": "guess-123456"},
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert other.status_code == 200


def test_signup_from_one_address_is_rate_limited(client):
    statuses = [
        client.post(reverse("account_signup"), {"email": f"s{n}@example.org", "password1": "short"}).status_code
        for n in range(25)
    ]
    assert statuses[-1] == 429


def test_password_reset_requests_are_rate_limited(client):
    make_learner(email="reset@example.org")
    statuses = [
        client.post(reverse("account_reset_password"), {"email": "reset@example.org"}).status_code for _ in range(8)
    ]
    assert 429 in statuses
    assert len(mail.outbox) < 8


def test_login_codes_are_rate_limited_per_address(client):
    make_learner(email="code@example.org")
    pages = []
    for _ in range(6):
        client.cookies.clear()  # a fresh visitor each time, as a script would be
        pages.append(client.post(reverse("account_request_login_code"), {"email": "code@example.org"}))
    assert [p.status_code for p in pages] == [302, 302, 302, 200, 200, 200]
    assert "Too many" in _page(pages[-1])
    assert len(mail.outbox) == 3


def test_a_login_code_stops_working_after_three_wrong_guesses(client):
    learner = make_learner(email="guess@example.org")
    client.post(reverse("account_request_login_code"), {"email": learner.email})
    code = last_code()
    for _ in range(3):
        client.post(reverse("account_confirm_login_code"), {"code": "AAAA-BBBB"})
    client.post(reverse("account_confirm_login_code"), {"code": code})
    assert "_auth_user_id" not in client.session


def test_a_wrong_email_verification_code_cannot_be_guessed_quickly(client):
    client.post(reverse("account_signup"), {"email": "new@example.org", "password1": "learning-by-doing-2026"})
    code = last_code()
    for _ in range(3):
        client.post(reverse("account_email_verification_sent"), {"code": "AAAA-BBBB"})
    client.post(reverse("account_email_verification_sent"), {"code": code})
    assert not EmailAddress.objects.get(email="new@example.org").verified


# --- Two-factor authentication for the admin ---------------------------------------------


@pytest.fixture
def partner_editor():
    group = Group.objects.create(name="Partner: University X")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user = make_learner(email="partner@example.org")
    user.groups.add(group)
    return user


def test_the_admin_refuses_a_partner_editor_without_2fa_and_sends_them_to_set_it_up(client, partner_editor):
    client.force_login(partner_editor)
    for url in ("/admin/", "/admin/pages/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"), follow=True)
    assert "The admin needs two-factor authentication" in _page(page)


def test_a_partner_editor_activates_2fa_and_is_admitted(client, partner_editor):
    client.post(reverse("account_login"), {"login": partner_editor.email, "password": PASSWORD})
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")
    # Turning 2FA on asks for the password again first.
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(reverse("account_reauthenticate"))
    reauthenticate(client)
    form = client.get(reverse("mfa_activate_totp"))
    assert form.status_code == 200
    secret = form.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=partner_editor, type="totp").exists()
    assert Authenticator.objects.filter(user=partner_editor, type="recovery_codes").exists()
    assert client.get("/admin/").status_code == 200


def test_a_partner_editor_with_2fa_must_give_the_code_to_log_in(client, partner_editor):
    secret = give_totp(partner_editor)
    response = client.post(
        reverse("account_login") + "?next=/admin/", {"login": partner_editor.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_without_2fa_are_refused_too(client):
    staff = make_learner(email="staff@example.org", is_staff=True)
    client.force_login(staff)
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


def test_the_requirement_can_be_switched_off(client, settings, partner_editor):
    settings.ADMIN_REQUIRE_MFA = False
    client.force_login(partner_editor)
    assert client.get("/admin/").status_code == 200


def test_learners_are_not_asked_for_2fa_but_may_turn_it_on(client):
    learner = make_learner()
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert client.get(reverse("home:dashboard")).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200
    reauthenticate(client)
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_the_setting_follows_the_environment(monkeypatch):
    import importlib

    from trainingsite import settings as site_settings

    for raw, expected in ((None, True), ("0", False), ("false", False), ("1", True)):
        if raw is None:
            monkeypatch.delenv("ADMIN_REQUIRE_MFA", raising=False)
        else:
            monkeypatch.setenv("ADMIN_REQUIRE_MFA", raw)
        monkeypatch.setenv("SECRET_KEY", "x" * 50)
        assert importlib.reload(site_settings).ADMIN_REQUIRE_MFA is expected
    monkeypatch.delenv("ADMIN_REQUIRE_MFA", raising=False)
    importlib.reload(site_settings)


# --- Email change, sessions, cookies -------------------------------------------------


def test_changing_the_email_asks_for_the_password_then_a_code_sent_to_the_new_address(client):
    learner = make_learner(email="old@example.org")
    client.force_login(learner)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="new@example.org").exists()

    response = client.post(response["Location"], {"password": PASSWORD}, follow=True)
    assert mail.outbox[-1].to == ["new@example.org"]
    response = client.post(reverse("account_email_verification_sent"), {"code": last_code()})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.email == "new@example.org"
    assert list(EmailAddress.objects.filter(user=learner).values_list("email", flat=True)) == ["new@example.org"]


def test_a_pending_email_change_page_has_no_style_attribute_the_csp_would_refuse(client):
    learner = make_learner(email="pending.old@example.org")
    EmailAddress.objects.create(user=learner, email="pending.new@example.org", verified=False, primary=False)
    client.force_login(learner)
    html = client.get(reverse("account_email")).content.decode()
    assert 'id="pending-email"' in html
    assert "style=" not in html


def test_an_email_taken_in_another_case_is_not_added(client):
    make_learner(email="taken@example.org")
    learner = make_learner(email="mine@example.org")
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    response = client.post(reverse("account_email"), {"action_add": "", "email": "TAKEN@Example.org"})
    assert response.status_code in (200, 302)
    assert not EmailAddress.objects.filter(user=learner, email__iexact="taken@example.org").exists()


def test_a_learner_sees_their_other_sessions_and_ends_them(client, django_user_model):
    from django.test import Client

    learner = make_learner()
    phone = Client(HTTP_USER_AGENT="PhoneBrowser/1.0")
    phone.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    laptop = client
    laptop.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD}, HTTP_USER_AGENT="Laptop/2.0")
    page = laptop.get(reverse("usersessions_list"))
    assert page.status_code == 200 and "PhoneBrowser/1.0" in _page(page)

    laptop.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = laptop.post(reverse("usersessions_list"))
    assert response.status_code == 302
    assert phone.get(reverse("home:dashboard")).status_code == 302  # logged out there
    assert laptop.get(reverse("home:dashboard")).status_code == 200


def test_session_and_csrf_cookies_are_httponly_and_secure_on_https(client, settings):
    learner = make_learner()
    page = client.get(reverse("account_login"))
    assert page.cookies["csrftoken"]["httponly"]
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert client.cookies["sessionid"]["httponly"]
    assert client.cookies["sessionid"]["samesite"] == "Lax"
    assert not client.cookies["sessionid"]["secure"]  # SITE_URL is http in tests

    import importlib
    import os

    from trainingsite import settings as site_settings

    old = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = "https://academy.example.org"
    try:
        production = importlib.reload(site_settings)
        assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
        assert production.SESSION_COOKIE_HTTPONLY and production.CSRF_COOKIE_HTTPONLY
    finally:
        if old is None:
            os.environ.pop("SITE_URL")
        else:
            os.environ["SITE_URL"] = old
        importlib.reload(site_settings)
