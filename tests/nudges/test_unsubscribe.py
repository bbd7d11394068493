"""Every message to a learner carries a one-click unsubscribe (RFC 8058) that turns off that kind only."""

import re

import pytest
from django.test import Client

from nudges import services, tasks
from nudges.models import MessagePreference
from tests.builders import make_learner
from tests.nudges.helpers import mails_to

pytestmark = pytest.mark.django_db

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


def welcome_unsubscribe_path(learner) -> str:
    tasks.welcome_send.call(user_id=learner.pk)
    [message] = mails_to(learner)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(https?://[^>]+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert url.startswith("http://127.0.0.1:8000/messages/unsubscribe/")
    return url.removeprefix("http://127.0.0.1:8000")


def test_one_click_turns_off_welcomes_only_without_signing_in(catalog):
    learner = make_learner(profile={"display_name": "Amina"})
    path = welcome_unsubscribe_path(learner)

    page = Client().get(path)  # a link scanner opening it changes nothing
    assert page.status_code == 200 and services.preference_get(user=learner).welcome

    response = Client(enforce_csrf_checks=True).post(path, ONE_CLICK)
    again = Client(enforce_csrf_checks=True).post(path, ONE_CLICK)

    assert response.status_code == 200 and again.status_code == 200
    preference = MessagePreference.objects.get(user=learner)
    assert not preference.welcome
    assert preference.continue_learning and preference.course_complete  # the other kinds stay as they were


def test_a_tampered_link_changes_nobody(catalog):
    amina, bola = make_learner(profile={"display_name": "Amina"}), make_learner(profile={"display_name": "Bola"})
    path = welcome_unsubscribe_path(amina)

    response = Client().post(path[:-3] + "xyz/", ONE_CLICK)

    assert response.status_code == 400
    assert services.preference_get(user=amina).welcome and services.preference_get(user=bola).welcome
    assert not MessagePreference.objects.exists()
