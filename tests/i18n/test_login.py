"""On sign-in the learner's preferred language takes over: the cookie and the next address."""

from django.conf import settings

from accounts.services import profile_language_set
from tests.builders import PASSWORD, make_admin_user, make_learner


def test_signing_in_switches_to_the_preferred_language(client, site):
    learner = make_learner(profile={"preferred_language": "fr"})
    response = client.post("/accounts/login/?next=/about/", {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/fr/about/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_the_preferred_language_is_remembered_on_the_next_visits(client, site):
    learner = make_learner(profile={"preferred_language": "ka"})
    response = client.post("/accounts/login/", {"login": learner.email, "password": PASSWORD})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ka" and cookie["max-age"] == 365 * 24 * 60 * 60  # not a session cookie
    assert response["Location"] == "/ka/"


def test_without_a_preferred_language_nothing_changes(client, site):
    learner = make_learner()
    response = client.post("/accounts/login/?next=/about/", {"login": learner.email, "password": PASSWORD})
    assert response["Location"] == "/about/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_an_address_outside_the_languages_keeps_its_path(client, site):
    editor = make_admin_user(email="editor.fr@example.org", totp=False)
    profile_language_set(user=editor, language="fr")
    response = client.post("/accounts/login/?next=/admin/", {"login": editor.email, "password": PASSWORD})
    assert response["Location"] == "/admin/"
