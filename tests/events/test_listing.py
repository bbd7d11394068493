"""The events listing: upcoming first then past, filters, paging, partners' events, and its query guard."""

import datetime

import pytest

from events.models import EventPage
from tests.builders import make_event, make_image, make_partner
from tests.queries import assert_flat, page_queries

pytestmark = pytest.mark.django_db

LISTING_QUERIES = 4  # measured when written: the events, their images and renditions, the count
EVENT_QUERIES = 5  # measured when written: an anonymous visitor's event page (seats, partners…)


def titles(html, events):
    """The titles of `events` in the order the page shows them."""
    found = [(html.index(event.title), event.title) for event in events if event.title in html]
    return [title for _position, title in sorted(found)]


def test_upcoming_events_come_first_soonest_first_then_past_ones_latest_first(client, events_index):
    past_old = make_event(events_index, title="Past forum 2025", starts_in=-datetime.timedelta(days=300))
    past_recent = make_event(events_index, title="Past webinar last week", starts_in=-datetime.timedelta(days=7))
    soon = make_event(events_index, title="Workshop next week", starts_in=datetime.timedelta(days=7))
    later = make_event(events_index, title="Conference next year", starts_in=datetime.timedelta(days=300))
    html = client.get(events_index.url).content.decode()
    assert titles(html, [past_old, past_recent, soon, later]) == [
        "Workshop next week",
        "Conference next year",
        "Past webinar last week",
        "Past forum 2025",
    ]
    assert html.index("Upcoming events") < html.index("Past events")


def test_filters_by_kind_country_and_online_or_in_person(client, events_index):
    online = make_event(events_index, title="Online webinar on finance", kind="webinar", attendance="online")
    paris = make_event(
        events_index, title="Forum in Paris", kind="forum", attendance="in_person", country="FR", online_url=""
    )
    hybrid = make_event(
        events_index, title="Hybrid workshop in Tbilisi", kind="workshop", attendance="hybrid", country="GE"
    )
    everyone = [online, paris, hybrid]
    assert titles(client.get(events_index.url + "?kind=forum").content.decode(), everyone) == ["Forum in Paris"]
    assert titles(client.get(events_index.url + "?country=GE").content.decode(), everyone) == [
        "Hybrid workshop in Tbilisi"
    ]
    assert set(titles(client.get(events_index.url + "?attendance=online").content.decode(), everyone)) == {
        "Online webinar on finance",
        "Hybrid workshop in Tbilisi",
    }
    assert set(titles(client.get(events_index.url + "?attendance=in_person").content.decode(), everyone)) == {
        "Forum in Paris",
        "Hybrid workshop in Tbilisi",
    }


@pytest.mark.parametrize(
    "query",
    [
        "?kind=party",
        "?country=XX",
        "?attendance=%00",
        "?page=-1",
        "?page=abc",
        "?page=99999999999999999999",
        "?kind[]=x",
    ],
)
def test_bad_filter_values_are_dropped_with_a_message_never_a_500(client, events_index, query):
    make_event(events_index, title="Webinar that stays listed")
    response = client.get(events_index.url + query)
    assert response.status_code == 200
    assert "Webinar that stays listed" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, events_index):
    for i in range(13):
        make_event(events_index, title=f"Paged event {i:02d}", starts_in=datetime.timedelta(days=i + 1))
    html = client.get(events_index.url + "?page=9").content.decode()
    assert "Paged event 12" in html and "showing the last page" in html


def test_a_partners_event_appears_in_the_listing_and_on_the_partners_page(client, events_index, home):
    partner = make_partner(home, title="Lotus Bay University")
    event = make_event(partner, title="Office hours with Lotus Bay")
    assert "Office hours with Lotus Bay" in client.get(events_index.url).content.decode()
    assert "Events by Lotus Bay University" in client.get(partner.url).content.decode()
    assert event.get_parent().specific == partner


def test_drafts_do_not_appear(client, events_index):
    make_event(events_index, title="Draft event", live=False)
    assert "Draft event" not in client.get(events_index.url).content.decode()


def add_events(index, count):
    for i in range(count):
        make_event(
            index,
            title=f"Guarded event {i}",
            starts_in=datetime.timedelta(days=(i % 7) - 3),
            image=make_image() if i % 3 == 0 else None,
            country="KE",
        )


def test_listing_queries_do_not_grow_with_events(client, events_index):
    add_events(events_index, 3)
    before, after = assert_flat(client, events_index.url, lambda: add_events(events_index, 30), ceiling=LISTING_QUERIES)
    assert before.count('class="card event-card"') == 3
    assert after.count('class="card event-card"') == 12
    few, _ = page_queries(client, events_index.url)
    filtered, _ = page_queries(client, events_index.url + "?country=KE&attendance=online&page=2")
    assert filtered == few


def test_event_page_queries_do_not_grow_with_partners_and_registrations(client, learner_client, events_index, home):
    from events import services
    from tests.builders import make_learner

    event = make_event(events_index, capacity=100)

    def grow():
        for i in range(5):
            event.partners.add(make_partner(home, title=f"Partner {i}"))
            services.registration_create(user=make_learner(), event=event)
        event.save_revision().publish()

    assert_flat(client, event.url, grow, ceiling=EVENT_QUERIES)
    assert EventPage.objects.get(pk=event.pk).partners.count() == 5
