"""One-click unsubscribe (RFC 8058): signed tokens, a button on GET, a POST without login or CSRF."""

import time

import pytest
from django.core import mail, signing
from django.test import Client

from accounts import services as account_services
from accounts.models import LearnerProfile
from accounts.unsubscribe import NEWSLETTER, TOKEN_MAX_AGE, unsubscribe_token_make
from newsletter.emails import unsubscribe_url_get
from tests.builders import make_learner, signed_in_client

pytestmark = pytest.mark.django_db

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


def subscriber(**extra):
    return make_learner(profile={"newsletter": True}, **extra)


def is_subscribed(user) -> bool:
    return LearnerProfile.objects.get(user=user).newsletter


def url_for(user) -> str:
    return f"/newsletter/unsubscribe/{unsubscribe_token_make(user=user, list_name=NEWSLETTER)}/"


@pytest.fixture
def mail_client():
    """The mail client's POST: no session, no cookie, CSRF checks on as in production."""
    return Client(enforce_csrf_checks=True)


def test_a_get_shows_a_button_and_unsubscribes_nobody(client):
    learner = subscriber()
    response = client.get(url_for(learner))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="post"' in html and 'name="List-Unsubscribe" value="One-Click"' in html
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert is_subscribed(learner)


def test_the_one_click_post_unsubscribes_without_login_or_csrf_and_answers_200(mail_client):
    learner, other = subscriber(), subscriber()
    response = mail_client.post(url_for(learner), ONE_CLICK)
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert not is_subscribed(learner)
    assert is_subscribed(other)
    # Pressed again (a second mail client, a retry): the same answer, nothing else changes.
    assert mail_client.post(url_for(learner), ONE_CLICK).status_code == 200
    assert not is_subscribed(learner) and is_subscribed(other)


def test_a_multipart_post_works_too(mail_client):
    learner = subscriber()
    response = mail_client.post(url_for(learner), ONE_CLICK)  # the test client posts multipart/form-data
    urlencoded = mail_client.post(
        url_for(subscriber()), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == urlencoded.status_code == 200
    assert not is_subscribed(learner)


def test_a_post_without_the_one_click_body_changes_nothing(mail_client):
    learner = subscriber()
    for data in ({}, {"List-Unsubscribe": "yes"}, {"List-Unsubscribe": "One-Click\x00"}):
        assert mail_client.post(url_for(learner), data).status_code == 400
    assert is_subscribed(learner)


def test_a_tampered_token_is_refused_with_a_clear_page(mail_client):
    learner = subscriber()
    token = unsubscribe_token_make(user=learner, list_name=NEWSLETTER)
    for bad in (
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "x" + token,
        "junk",
        "a" * 5000,
        "%00",
        "..:",
    ):
        response = mail_client.post(f"/newsletter/unsubscribe/{bad}/", ONE_CLICK)
        assert response.status_code in (400, 404), (bad, response.status_code)
        assert "not valid" in response.content.decode() or response.status_code == 404
    assert is_subscribed(learner)


def test_another_users_token_cannot_be_made_from_mine(mail_client):
    """Change the user id inside a valid token: the signature no longer matches."""
    mine, theirs = subscriber(), subscriber()
    token = unsubscribe_token_make(user=mine, list_name=NEWSLETTER)
    value, rest = token.split(":", 1)
    payload = signing.b64_decode(value.encode()).decode().replace(f'"u":{mine.pk}', f'"u":{theirs.pk}')
    forged = signing.b64_encode(payload.encode()).decode() + ":" + rest
    assert mail_client.post(f"/newsletter/unsubscribe/{forged}/", ONE_CLICK).status_code == 400
    # Signed with our key but for someone else's address digest: refused as well.
    signer = signing.TimestampSigner(salt="accounts.unsubscribe")
    other = signer.sign_object({"u": theirs.pk, "l": NEWSLETTER, "d": "0" * 16}, compress=False)
    assert mail_client.post(f"/newsletter/unsubscribe/{other}/", ONE_CLICK).status_code == 404
    assert is_subscribed(theirs) and is_subscribed(mine)


def test_a_token_for_another_list_does_not_work_here(mail_client):
    learner = subscriber()
    signer = signing.TimestampSigner(salt="accounts.unsubscribe")
    token = signer.sign_object({"u": learner.pk, "l": "reminders", "d": "x"}, compress=False)
    assert mail_client.post(f"/newsletter/unsubscribe/{token}/", ONE_CLICK).status_code == 400
    assert is_subscribed(learner)


def test_an_expired_token_is_refused(mail_client, monkeypatch):
    learner = subscriber()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - TOKEN_MAX_AGE.total_seconds() - 60)
    old = unsubscribe_token_make(user=learner, list_name=NEWSLETTER)
    monkeypatch.setattr(time, "time", real_time)
    response = mail_client.post(f"/newsletter/unsubscribe/{old}/", ONE_CLICK)
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert is_subscribed(learner)
    # Still inside the year: accepted.
    monkeypatch.setattr(time, "time", lambda: real_time() - TOKEN_MAX_AGE.total_seconds() + 3600)
    recent = unsubscribe_token_make(user=learner, list_name=NEWSLETTER)
    monkeypatch.setattr(time, "time", real_time)
    assert mail_client.post(f"/newsletter/unsubscribe/{recent}/", ONE_CLICK).status_code == 200


def test_a_deleted_account_or_a_changed_address_makes_the_token_unknown(mail_client):
    gone, moved = subscriber(), subscriber()
    gone_url, moved_url = url_for(gone), url_for(moved)
    account_services.account_delete(user=gone)
    moved.email = "new.address@example.org"
    moved.save()
    assert mail_client.get(gone_url).status_code == 404
    assert mail_client.post(moved_url, ONE_CLICK).status_code == 404
    assert is_subscribed(moved)


def test_other_methods_are_refused(mail_client):
    learner = subscriber()
    assert mail_client.put(url_for(learner)).status_code == 405
    assert is_subscribed(learner)


def test_my_account_shows_the_box_unticked_after_an_unsubscribe(mail_client):
    learner = subscriber()
    browser = signed_in_client(learner)
    before = browser.get("/accounts/me/").content.decode()
    assert _newsletter_checked(before)
    mail_client.post(url_for(learner), ONE_CLICK)
    after = browser.get("/accounts/me/").content.decode()
    assert not _newsletter_checked(after)
    # And ticking it again there subscribes again.
    response = browser.post("/accounts/me/", {"newsletter": "on"})
    assert response.status_code == 302 and is_subscribed(learner)


def _newsletter_checked(html: str) -> bool:
    start = html.index('name="newsletter"')
    tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
    return "checked" in tag


def test_the_address_in_the_email_is_the_one_that_works(mail_client):
    learner = subscriber()
    url = unsubscribe_url_get(learner)
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert mail_client.post("/" + path, ONE_CLICK).status_code == 200
    assert not is_subscribed(learner)
    assert mail.outbox == []
