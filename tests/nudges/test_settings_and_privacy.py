"""The message settings (on "My account" and their own page), the data export, account deletion."""

import json

import pytest
from django.urls import reverse

from accounts import services as account_services
from nudges import services
from nudges.models import MessageKind, MessagePreference, MessageSent
from taxonomy.models import Topic
from tests.builders import make_learner
from tests.builders.taxonomy import make_term

pytestmark = pytest.mark.django_db
SETTINGS = "/accounts/me/messages/"


def test_my_account_shows_the_message_settings_with_their_defaults(client, finance):
    client.force_login(make_learner())

    html = client.get(reverse("accounts:account")).content.decode()

    assert 'id="messages-heading"' in html and f'action="{SETTINGS}"' in html

    def box(name):
        return html.split(f'name="{name}"')[1].split(">")[0]

    assert all("checked" in box(name) for name in ("welcome", "continue_learning", "course_complete"))
    assert "checked" not in box("new_courses")  # off until asked for
    assert "Finance" in html


def test_saving_the_form_stores_the_choice_and_returns_to_my_account(client, finance):
    learner = make_learner()
    client.force_login(learner)

    response = client.post(
        SETTINGS, {"course_complete": "on", "new_courses": "on", "topics": [finance.pk], "next": "/accounts/me/"}
    )

    assert response.status_code == 302 and response["Location"] == "/accounts/me/"
    preference = MessagePreference.objects.get(user=learner)
    assert (preference.welcome, preference.continue_learning) == (False, False)
    assert (preference.course_complete, preference.new_courses) == (True, True)
    assert list(preference.topics.all()) == [finance]


@pytest.mark.parametrize(
    "data",
    [
        {"topics": ["999999"]},
        {"topics": ["not-a-number"]},
        {"topics": ["1\x00"]},
        {"topics": ["x" * 100_000]},
        {"new_courses": "\x00\x1f", "topics": ["-1"]},
    ],
)
def test_bad_input_is_answered_with_a_message_and_saves_nothing(client, finance, data):
    learner = make_learner()
    client.force_login(learner)

    response = client.post(SETTINGS, data)

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not MessagePreference.objects.filter(user=learner).exists()


def test_a_topic_of_another_language_is_refused(client):
    from tests.builders.translations import make_locale

    french = Topic.objects.create(name="Finances", slug="finances", locale=make_locale("fr"))
    learner = make_learner()
    client.force_login(learner)

    assert client.post(SETTINGS, {"topics": [french.pk]}).status_code == 200
    assert not MessagePreference.objects.filter(user=learner).exists()


def test_the_settings_need_a_login_and_never_redirect_off_site(client):
    assert client.get(SETTINGS)["Location"].startswith(reverse("account_login"))
    assert client.post(SETTINGS, {})["Location"].startswith(reverse("account_login"))
    client.force_login(make_learner())
    assert client.get(SETTINGS).status_code == 200
    assert client.post(SETTINGS, {"next": "//evil.example/"})["Location"] == SETTINGS


def test_the_export_lists_preferences_and_messages_sent_and_deletion_removes_them(client):
    learner, other = make_learner(), make_learner()
    topic = make_term(Topic, "Export")
    services.preference_update(user=learner, data={"new_courses": True, "topics": [topic]})
    services.message_claim(user=learner, kind=MessageKind.WELCOME, language="fr")
    services.message_claim(user=other, kind=MessageKind.WELCOME)
    client.force_login(learner)

    data = json.loads(client.post(reverse("accounts:export")).content)

    assert data["messages"]["preferences"]["new_courses"] is True
    assert data["messages"]["preferences"]["topics"] == ["Export"]
    assert [(row["kind"], row["language"]) for row in data["messages"]["sent"]] == [("welcome", "fr")]

    account_services.account_delete(user=learner)
    assert not MessageSent.objects.filter(user=learner).exists()
    assert not MessagePreference.objects.filter(user=learner).exists()
    assert MessageSent.objects.filter(user=other).exists()
