"""The event page and its sign-up: what visitors and learners see, clear messages, never a 500."""

import datetime

import pytest
from django.contrib.messages import get_messages

from events import services
from events.models import EventRegistration, RegistrationStatus
from tests.builders import make_event, make_learner, signed_in_client

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_visitor_sees_seats_left_and_a_log_in_link_and_the_page_is_cached_without_anyones_state(client, events_index):
    event = make_event(events_index, capacity=3, title="Webinar: selling on marketplaces")
    services.registration_create(user=make_learner(), event=event)

    first = client.get(event.url)
    html = first.content.decode()
    assert "2 seats left" in html
    assert "Log in to sign up" in html
    assert "csrfmiddlewaretoken" not in html
    assert first["X-Cache"] == "miss"
    second = client.get(event.url)
    assert second["X-Cache"] == "hit"
    assert "You are registered" not in second.content.decode()


def test_a_registered_learner_sees_their_place_and_the_online_link_never_from_the_anonymous_cache(client, events_index):
    event = make_event(events_index, capacity=3, online_url="https://meet.example.org/secret-room")
    client.get(event.url)  # the anonymous copy is stored
    learner = make_learner()
    services.registration_create(user=learner, event=event)
    html = signed_in_client(learner).get(event.url).content.decode()
    assert "You are registered" in html
    assert "https://meet.example.org/secret-room" in html
    assert "Cancel my place" in html
    anonymous = client.get(event.url).content.decode()
    assert "secret-room" not in anonymous and "You are registered" not in anonymous


def test_signing_up_by_post_registers_and_says_so(learner_client, events_index):
    event = make_event(events_index, capacity=2)
    response = learner_client.post(f"/events/{event.pk}/register/", {"next": event.url})
    assert response.status_code == 302 and response["Location"] == event.url
    assert messages_of(response) == ["You are registered. We will email you a reminder the day before."]
    assert EventRegistration.objects.get(user=learner_client.learner).status == RegistrationStatus.REGISTERED


def test_a_full_event_puts_the_learner_on_the_waiting_list_with_their_number(learner_client, events_index):
    event = make_event(events_index, capacity=1)
    services.registration_create(user=make_learner(), event=event)
    page = learner_client.get(event.url).content.decode()
    assert "This event is full" in page and "Join the waiting list" in page
    response = learner_client.post(f"/events/{event.pk}/register/")
    assert "waiting list" in messages_of(response)[0]
    assert "You are on the waiting list, number 1." in learner_client.get(event.url).content.decode()


def test_a_second_tab_signing_up_again_is_told_nothing_changed(learner_client, events_index):
    event = make_event(events_index)
    learner_client.post(f"/events/{event.pk}/register/")
    response = learner_client.post(f"/events/{event.pk}/register/")
    assert messages_of(response)[-1] == "You are already registered for this event."
    assert EventRegistration.objects.filter(user=learner_client.learner).count() == 1


def test_cancelling_without_a_place_is_told_so(learner_client, events_index):
    event = make_event(events_index)
    response = learner_client.post(f"/events/{event.pk}/cancel/")
    assert response.status_code == 302
    assert messages_of(response) == ["You are not registered for this event, so there was nothing to cancel."]


def test_cancelling_frees_the_place(learner_client, events_index):
    event = make_event(events_index)
    learner_client.post(f"/events/{event.pk}/register/")
    response = learner_client.post(f"/events/{event.pk}/cancel/", {"next": "https://evil.example.org/"})
    assert response["Location"] == event.url  # never off-site
    assert EventRegistration.objects.get(user=learner_client.learner).status == RegistrationStatus.CANCELLED


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_in": -datetime.timedelta(days=2)}, "This event is over"),
        ({"status": "cancelled"}, "This event has been cancelled"),
    ],
)
def test_past_and_cancelled_events_answer_a_sign_up_with_a_message(learner_client, events_index, fields, message):
    event = make_event(events_index, **fields)
    response = learner_client.post(f"/events/{event.pk}/register/")
    assert response.status_code == 302
    assert messages_of(response)[0].startswith(message)
    assert not EventRegistration.objects.exists()


def test_a_past_event_shows_its_materials_and_no_sign_up(client, events_index):
    event = make_event(
        events_index,
        starts_in=-datetime.timedelta(days=5),
        materials=[("link", {"title": "Recording of the forum", "url": "https://video.example.org/forum"})],
    )
    html = client.get(event.url).content.decode()
    assert "Recording of the forum" in html and "This event is over" in html
    assert "Log in to sign up" not in html and "/register/" not in html


def test_materials_stay_hidden_before_the_event(client, events_index):
    event = make_event(
        events_index, materials=[("link", {"title": "Recording of the forum", "url": "https://video.example.org/f"})]
    )
    assert "Recording of the forum" not in client.get(event.url).content.decode()


def test_times_are_shown_in_the_events_zone_with_the_zone_named(client, events_index):
    starts = datetime.datetime(2030, 7, 1, 12, 0, tzinfo=datetime.UTC)
    event = make_event(
        events_index, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), time_zone="Asia/Tbilisi"
    )
    html = client.get(event.url).content.decode()
    assert "16:00" in html and "18:00" in html  # UTC+4
    assert "Asia/Tbilisi time" in html
    assert 'data-event-start="2030-07-01T16:00:00+04:00"' in html and "UTC+04:00" in html


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_sign_up_is_post_only(learner_client, events_index, method):
    event = make_event(events_index)
    assert getattr(learner_client, method)(f"/events/{event.pk}/register/").status_code == 405


def test_a_visitor_posting_a_sign_up_is_sent_to_log_in(client, events_index):
    event = make_event(events_index)
    response = client.post(f"/events/{event.pk}/register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize("event_id", ["999999", "9" * 40, "0"])
def test_tampered_event_ids_are_404s(learner_client, events_index, event_id):
    learner_client.raise_request_exception = False
    response = learner_client.post(f"/events/{event_id}/register/")
    assert response.status_code == 404


def test_a_draft_event_cannot_be_signed_up_for(learner_client, events_index):
    event = make_event(events_index, live=False)
    assert learner_client.post(f"/events/{event.pk}/register/").status_code == 404


def test_the_calendar_file_is_rfc5545(client, events_index):
    starts = datetime.datetime(2030, 3, 3, 13, 0, tzinfo=datetime.UTC)
    event = make_event(
        events_index,
        title="Forum; trade, finance\\and recovery",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        attendance="in_person",
        venue_name="Palais des congrès",
        city="Paris",
        country="FR",
    )
    response = client.get(f"/events/{event.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert f"UID:{event.translation_key}@" in text
    assert "DTSTART:20300303T130000Z\r\n" in text and "DTEND:20300303T160000Z\r\n" in text
    assert "SUMMARY:Forum\\; trade\\, finance\\\\and recovery\r\n" in text
    assert "LOCATION:Palais des congrès\\, Paris\\, France\r\n" in text
    assert "DTSTAMP:" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    from events.ics import ics_line_fold, ics_text_escape

    line = "SUMMARY:" + ics_text_escape("Форум малого бизнеса, " * 10)
    folded = ics_line_fold(line)
    lines = folded.split("\r\n")
    assert len(lines) > 1 and all(len(piece.encode()) <= 75 for piece in lines)
    assert all(piece.startswith(" ") for piece in lines[1:])
    assert "".join([lines[0], *(piece[1:] for piece in lines[1:])]) == line
    assert ics_text_escape("a\r\nb\x00c") == "a\\nbc"


def test_a_draft_events_calendar_file_is_a_404(client, events_index):
    event = make_event(events_index, live=False)
    assert client.get(f"/events/{event.pk}/calendar.ics").status_code == 404


def test_a_place_taken_on_the_french_page_is_the_same_place_on_the_english_one(learner_client, home, events_index):
    from tests.builders import make_translation

    event = make_event(events_index, capacity=1, title="Webinar on export finance")
    make_translation(home, "fr")
    make_translation(events_index, "fr")
    french = make_translation(event, "fr", title="Webinaire sur le financement à l'export")
    learner_client.post(f"/events/{french.pk}/register/")
    assert "You are registered" in learner_client.get(event.url).content.decode()
    response = learner_client.post(f"/events/{event.pk}/register/")
    assert messages_of(response)[-1] == "You are already registered for this event."
    assert EventRegistration.objects.filter(user=learner_client.learner).count() == 1
    # One seat in all: the English page is full too.
    assert "This event is full" in signed_in_client(make_learner()).get(event.url).content.decode()
