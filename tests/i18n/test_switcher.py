"""The switcher: the same page in the other language or its fallback, remembered in the cookie and the profile."""

from django.conf import settings
from django.test import Client

from accounts.models import LearnerProfile
from tests.builders import make_learner


def test_choosing_a_language_goes_to_the_same_page_in_it_and_sets_the_cookie(client, site, about_fr):
    response = client.post("/language/", {"language": "fr", "next": "/about/"})
    assert response.status_code == 302 and response["Location"] == "/fr/a-propos/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert "private" in response["Cache-Control"]


def test_choosing_a_language_the_page_lacks_goes_to_its_fallback(client, site):
    response = client.post("/language/", {"language": "es", "next": "/courses/bookkeeping/"}, follow=True)
    assert response.redirect_chain == [("/es/courses/bookkeeping/", 302)]
    assert "language-fallback-note" in response.content.decode()


def test_back_to_english_from_a_translation_and_from_a_fallback(client, site, about_fr):
    assert client.post("/language/", {"language": "en", "next": "/fr/a-propos/"})["Location"] == "/about/"
    assert client.post("/language/", {"language": "en", "next": "/fr/courses/bookkeeping/"})["Location"] == (
        "/courses/bookkeeping/"
    )


def test_other_addresses_keep_their_path_and_query(client, site):
    response = client.post("/language/", {"language": "ar", "next": "/search/?q=tax"})
    assert response["Location"] == "/ar/search/?q=tax"


def test_the_choice_is_remembered_over_the_browser_language(client, site):
    client.post("/language/", {"language": "en", "next": "/fr/"})
    response = client.get("/about/", headers={"accept-language": "fr"})
    assert response.status_code == 200  # no redirect to French: English was chosen


def test_a_foreign_next_address_or_unknown_language_changes_nothing_dangerous(client, site):
    assert client.post("/language/", {"language": "fr", "next": "https://evil.example/"})["Location"] == "/fr/"
    response = client.post("/language/", {"language": "klingon", "next": "/about/"})
    assert response["Location"] == "/about/" and settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_control_characters_in_the_next_address_or_the_path_are_refused_not_a_500(client, site):
    # PostgreSQL refuses NUL in a query: the address must be dropped before any lookup.
    response = client.post("/language/", {"language": "fr", "next": "/ab\x00out/"})
    assert response.status_code == 302 and response["Location"] == "/fr/"
    assert client.get("/fr/ab%00out/").status_code == 404
    assert client.get("/ab%00out/").status_code == 404


def test_choosing_is_a_post(client, site):
    assert client.get("/language/?language=fr&next=/about/").status_code == 405


def test_a_signed_in_choice_is_saved_as_the_preferred_language_behind_csrf(site):
    learner = make_learner()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    assert browser.post("/language/", {"language": "ar", "next": "/about/"}).status_code == 403
    assert not LearnerProfile.objects.filter(user=learner, preferred_language="ar").exists()

    browser.get("/about/")  # the switcher form carries the token for a signed-in learner
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value
    response = browser.post("/language/", {"language": "ar", "next": "/about/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == "/ar/about/"
    assert LearnerProfile.objects.get(user=learner).preferred_language == "ar"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"


def test_the_switcher_marks_the_current_language_and_keeps_anonymous_pages_cacheable(client, site):
    first = client.get("/fr/")
    html = first.content.decode()
    assert 'value="fr" lang="fr" aria-current="true"' in html
    assert 'value="en" lang="en">English</button>' in html
    assert "csrfmiddlewaretoken" not in html
    assert client.get("/fr/")["X-Cache"] == "hit"


def test_a_signed_in_switcher_carries_the_csrf_token(client, site):
    client.force_login(make_learner())
    html = client.get("/about/").content.decode()
    form = html[html.index('action="/language/"') :]
    assert 'name="csrfmiddlewaretoken"' in form[: form.index("</form>")]
