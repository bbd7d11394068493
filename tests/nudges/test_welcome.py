"""The welcome after sign-up: sent once, in the learner's language, with a first course from their profile."""

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.contrib.auth import get_user_model

from nudges import services, tasks
from nudges.models import MessageKind, MessageSent
from tests.builders import make_learner, make_translation
from tests.nudges.helpers import course_with_terms, days_ago, mails_to

pytestmark = pytest.mark.django_db


def confirm(user, django_capture_on_commit_callbacks):
    """Send allauth's signal as its email confirmation does, and run what it queued after the commit."""
    with django_capture_on_commit_callbacks(execute=True):
        email_confirmed.send(sender=EmailAddress, request=None, email_address=EmailAddress.objects.get(user=user))


def test_a_confirmed_sign_up_is_welcomed_once_with_a_course_of_their_sector(
    catalog, crafts, django_capture_on_commit_callbacks
):
    course_with_terms(catalog, title="Pricing basics")
    mine = course_with_terms(catalog, title="Selling handmade goods", sectors=[crafts])
    learner = make_learner(profile={"sector": crafts, "display_name": "Amina"})

    confirm(learner, django_capture_on_commit_callbacks)
    confirm(learner, django_capture_on_commit_callbacks)  # a replayed signal
    tasks.welcome_send.call(user_id=learner.pk)  # a retried task

    [message] = mails_to(learner)
    assert "Welcome" in message.subject
    assert "Hello Amina," in message.body
    assert "Selling handmade goods" in message.body and "Pricing basics" not in message.body
    assert f"http://127.0.0.1:8000{mine.url}" in message.body
    assert "http://127.0.0.1:8000/accounts/me/messages/" in message.body
    assert MessageSent.objects.filter(user=learner, kind=MessageKind.WELCOME).count() == 1


def test_the_welcome_speaks_the_learners_language_and_names_the_course_in_it(
    catalog, crafts, django_capture_on_commit_callbacks
):
    course = course_with_terms(catalog, title="Selling handmade goods", sectors=[crafts])
    make_translation(catalog.get_parent(), "fr")
    make_translation(catalog, "fr")
    french = make_translation(course, "fr", title="Vendre l’artisanat", slug="vendre")
    learner = make_learner(profile={"sector": crafts, "preferred_language": "fr"})

    confirm(learner, django_capture_on_commit_callbacks)

    [message] = mails_to(learner)
    assert message.extra_headers["Content-Language"] == "fr"
    assert "Vendre l’artisanat" in message.body and "Selling handmade goods" not in message.body
    assert french.url in message.body
    assert "http://127.0.0.1:8000/fr/accounts/me/messages/" in message.body


def test_a_learner_already_enrolled_is_suggested_another_course(catalog, crafts):
    from courses import services as course_services

    taken = course_with_terms(catalog, title="Selling handmade goods", sectors=[crafts])
    course_with_terms(catalog, title="Bookkeeping", level="beginner")
    learner = make_learner(profile={"sector": crafts})
    course_services.enrollment_create(user=learner, course=taken)

    tasks.welcome_send.call(user_id=learner.pk)

    [message] = mails_to(learner)
    assert "Bookkeeping" in message.body and "Selling handmade goods" not in message.body


def test_no_welcome_when_turned_off_or_for_an_old_account_changing_its_email(
    catalog, django_capture_on_commit_callbacks
):
    quiet = make_learner()
    services.preference_update(user=quiet, data={"welcome": False})
    confirm(quiet, django_capture_on_commit_callbacks)

    old = make_learner()
    get_user_model().objects.filter(pk=old.pk).update(date_joined=days_ago(30))
    confirm(old, django_capture_on_commit_callbacks)

    assert mails_to(quiet) == [] and mails_to(old) == []
    assert not MessageSent.objects.exists()


def test_the_welcome_is_not_sent_to_a_deleted_account(catalog):
    from accounts import services as account_services

    learner = make_learner()
    account_services.account_delete(user=learner)

    assert tasks.welcome_send.call(user_id=learner.pk) is False
    assert mails_to(learner) == []


def test_the_welcome_is_not_held_back_by_the_daily_cap(catalog):
    learner = make_learner()
    for n in range(services.DAILY_CAP):
        MessageSent.objects.create(user=learner, kind=MessageKind.NEW_COURSE, key=f"course-{n}")

    assert tasks.welcome_send.call(user_id=learner.pk) is True
    assert services.DAILY_CAP < MessageSent.objects.filter(user=learner).count()
