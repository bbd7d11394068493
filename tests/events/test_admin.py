"""Editors type an event's times in its own zone: stored in UTC, and DST gaps are a form error, never a 500."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.models import EventPage
from tests.builders import make_admin_user, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_admin_user(email="events.editor@example.org", superuser=True))
    client.raise_request_exception = False
    return client


def event_form(**fields):
    data = {
        "title": "Forum on SME finance",
        "slug": "forum-on-sme-finance",
        "kind": "forum",
        "status": "scheduled",
        "summary": "Delegates from thirty countries.",
        "time_zone": "Europe/Paris",
        "start_local": "2027-06-10 14:00",
        "end_local": "2027-06-10 17:30",
        "attendance": "hybrid",
        "online_url": "https://meet.example.org/forum",
        "venue_name": "",
        "venue_address": "",
        "city": "Paris",
        "country": "FR",
        "capacity": "120",
        "organiser": "",
        "body": streamfield([]),
        "programme": streamfield([]),
        "speakers": streamfield([]),
        "materials": streamfield([]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_an_event_typed_in_paris_summer_time_is_stored_in_utc(admin_client, events_index):
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events_index.pk}/", event_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="forum-on-sme-finance")
    assert event.starts_at == datetime.datetime(2027, 6, 10, 12, 0, tzinfo=datetime.UTC)  # CEST is UTC+2
    assert event.ends_at == datetime.datetime(2027, 6, 10, 15, 30, tzinfo=datetime.UTC)
    # The edit form shows the times as typed, in the event's zone.
    page = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="2027-06-10 14:00"' in page


def test_a_time_in_the_spring_forward_gap_is_a_clear_form_error(admin_client, events_index):
    # 28 March 2027: Paris clocks jump from 02:00 to 03:00, so 02:30 does not exist.
    data = event_form(start_local="2027-03-28 02:30", end_local="2027-03-28 04:00")
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events_index.pk}/", data)
    assert response.status_code == 200
    assert "does not exist in Europe/Paris" in response.content.decode()
    assert not Page.objects.type(EventPage).exists()


def test_a_time_that_happens_twice_in_autumn_is_a_clear_form_error(admin_client, events_index):
    data = event_form(start_local="2027-10-31 02:30", end_local="2027-10-31 04:00")
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events_index.pk}/", data)
    assert response.status_code == 200
    assert "happens twice in Europe/Paris" in response.content.decode()


@pytest.mark.parametrize(
    "fields",
    [
        {"time_zone": "Mars/Olympus"},
        {"start_local": "not a date"},
        {"start_local": "2027-06-10 18:00", "end_local": "2027-06-10 09:00"},
        {"start_local": "9999-99-99 99:99"},
        {"capacity": "-3"},
        {"time_zone": "Europe/Paris\x00"},
    ],
)
def test_bad_times_and_zones_are_form_errors_not_500s(admin_client, events_index, fields):
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events_index.pk}/", event_form(**fields))
    assert response.status_code == 200
    assert not Page.objects.type(EventPage).exists()


def test_a_partner_may_add_an_event_in_their_own_section(admin_client, home):
    partner = make_partner(home, title="Riverbend University")
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{partner.pk}/")
    assert response.status_code == 200


def test_a_partners_event_goes_live_in_the_listing_only_after_an_editor_approves(
    client, home, events_index, django_capture_on_commit_callbacks
):
    from django.test import Client
    from wagtail.models import TaskState, WorkflowState

    from tests.builders import make_editor, make_partner_index, onboard

    make_partner_index(home)
    partner, partner_user = onboard("Kilimo University", email="dean@kilimo.example")
    editor = make_editor()
    client.force_login(partner_user)
    data = event_form(title="Kilimo office hours", slug="kilimo-office-hours")
    data["action-submit"] = "Submit"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/add/events/eventpage/{partner.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="kilimo-office-hours")
    assert not event.live
    assert "Kilimo office hours" not in Client().get(events_index.url).content.decode()

    state = WorkflowState.objects.get(object_id=str(event.pk))
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    client.force_login(editor)
    client.post(f"/admin/pages/workflow/action/{event.pk}/approve/{task_state.pk}/", {"comment": "Approved."})
    event.refresh_from_db()
    assert event.live
    assert "Kilimo office hours" in Client().get(events_index.url).content.decode()
