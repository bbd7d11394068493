"""An "Enrol" or "Save" pressed while signed out survives sign-up or log-in and is done once (issue 20)."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from accounts.intents import SALT, SESSION_KEY, Intent, intent_sign
from courses.models import Enrollment
from library.models import ReadingListItem
from tests.accounts.helpers import last_code
from tests.builders import (
    PASSWORD,
    course_lessons,
    make_course,
    make_course_index,
    make_home,
    make_learner,
    make_library,
    make_private,
    make_resource,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    home = make_home()
    return make_course_index(home, title="Courses", slug="courses")


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Keep simple books", lessons=2)


def intent_link(action, target_id, to, next_url):
    return f"{reverse('accounts:intent_start', args=[action, target_id])}?to={to}&next={next_url}"


def sign_up_with_code(client, email):
    client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD})
    return client.post(reverse("account_email_verification_sent"), {"code": last_code()}, follow=True)


def log_in(client, email, **follow):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD}, **follow)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_course_page_offers_sign_up_and_log_in_that_remember_the_enrolment(client, course):
    html = client.get(course.url).content.decode()
    assert f'href="/accounts/intent/enroll/{course.pk}/?to=signup&amp;next={course.url}' in html
    assert f'href="/accounts/intent/enroll/{course.pk}/?to=login&amp;next={course.url}' in html


def test_enrol_while_signed_out_then_sign_up_with_the_code_lands_enrolled_on_the_first_lesson(client, course):
    response = client.get(intent_link("enroll", course.pk, "signup", course.url))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_signup')}?next={course.url.replace('/', '%2F')}"
    assert not Enrollment.objects.exists()  # nothing is done before the login

    response = sign_up_with_code(client, "amina@example.org")

    first_lesson = course_lessons(course)[0]
    assert response.redirect_chain[-1][0] == first_lesson.url
    assert "You are enrolled in “Keep simple books”. Your progress is saved after each lesson." in messages_of(response)
    assert Enrollment.objects.filter(user__email="amina@example.org", course=course, left_at=None).count() == 1
    assert SESSION_KEY not in client.session


def test_enrol_then_log_in_enrols_once_and_a_second_login_does_nothing_more(client, course):
    learner = make_learner(email="kofi@example.org")
    client.get(intent_link("enroll", course.pk, "login", course.url))
    response = log_in(client, "kofi@example.org")
    assert response["Location"] == course_lessons(course)[0].url
    client.logout()
    response = log_in(client, "kofi@example.org")
    assert response["Location"] == "/"  # nothing left to do: the usual landing
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_a_replayed_intent_does_not_enrol_twice(client, course):
    learner = make_learner(email="replay@example.org")
    token = intent_sign(Intent(action="enroll", target_id=course.pk))
    for _ in range(2):
        session = client.session
        session[SESSION_KEY] = token
        session.save()
        log_in(client, learner.email)
        client.logout()
    assert Enrollment.objects.filter(user=learner).count() == 1


def put_in_session(client, value):
    session = client.session
    session[SESSION_KEY] = value
    session.save()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # a changed signature
        lambda token: signing.dumps({"action": "enroll", "target": 1}, salt="another salt"),  # not ours
        lambda token: signing.dumps({"action": "delete-account", "target": 1}, salt=SALT),  # unknown action
        lambda token: signing.dumps({"action": "enroll", "target": "1"}, salt=SALT),  # not an id
        lambda token: signing.dumps(["enroll", 1], salt=SALT),
        lambda token: 42,
    ],
)
def test_a_tampered_intent_is_dropped_with_a_message_and_no_enrolment(client, course, tamper):
    learner = make_learner(email="mallory@example.org")
    put_in_session(client, tamper(intent_sign(Intent(action="enroll", target_id=course.pk))))
    response = log_in(client, learner.email, follow=True)
    assert response.status_code == 200
    assert any("could not be read, so nothing was done" in message for message in messages_of(response))
    assert not Enrollment.objects.exists()


def test_a_stale_intent_is_dropped_with_a_message(client, course, monkeypatch):
    learner = make_learner(email="late@example.org")
    put_in_session(client, intent_sign(Intent(action="enroll", target_id=course.pk)))
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3 * 60 * 60)  # the clock, the outside world
    response = log_in(client, learner.email, follow=True)
    assert any("had expired" in message for message in messages_of(response))
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("hide", ["draft", "private", "missing"])
def test_a_crafted_intent_cannot_enrol_in_a_draft_private_or_missing_course(client, catalog, hide):
    learner = make_learner(email="crafty@example.org")
    hidden = make_course(catalog, title="Not for you", live=hide != "draft")
    if hide == "private":
        make_private(hidden)
    target = hidden.pk if hide != "missing" else hidden.pk + 1000
    client.get(intent_link("enroll", target, "login", "/"))
    response = log_in(client, learner.email, follow=True)
    assert response.status_code == 200
    assert "This course is not open for enrolment." in messages_of(response)
    assert response.redirect_chain[-1][0] == "/"
    assert not Enrollment.objects.exists()


def test_an_unknown_action_is_not_found_and_a_signed_in_learner_is_only_sent_back(client, course):
    assert client.get(intent_link("delete", course.pk, "login", "/")).status_code == 404
    learner = make_learner()
    client.force_login(learner)
    response = client.get(intent_link("enroll", course.pk, "login", course.url))
    assert response["Location"] == course.url
    assert not Enrollment.objects.exists()  # a GET never enrols: a link elsewhere cannot do it
    response = client.get(intent_link("enroll", course.pk, "login", "https://evil.example/"))
    assert response["Location"] == "/"


def test_save_while_signed_out_then_log_in_saves_to_the_reading_list(client):
    home = make_home()
    library = make_library(home, title="Know-how", slug="know-how")
    resource = make_resource(library, title="Pricing guide")
    learner = make_learner(email="saver@example.org")
    html = client.get(resource.url).content.decode()
    link = f"/accounts/intent/save/{resource.pk}/?to=login&amp;next="
    assert link in html

    client.get(intent_link("save", resource.pk, "login", resource.url))
    response = log_in(client, learner.email, follow=True)
    assert response.redirect_chain[-1][0] == resource.url
    assert "Saved to your reading list." in messages_of(response)
    assert ReadingListItem.objects.filter(user=learner, resource=resource).count() == 1
