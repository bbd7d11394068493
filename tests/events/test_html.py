"""The events pages are valid HTML (W3C Nu checker): the listing, and an event as a visitor and a learner see it."""

import datetime

import pytest

from events import services
from tests.builders import make_event, make_learner, signed_in_client
from tests.test_html_valid import _vnu

pytestmark = [pytest.mark.django_db, pytest.mark.html]


def test_events_pages_are_valid_html(client, events_index, tmp_path):
    upcoming = make_event(
        events_index,
        capacity=1,
        attendance="hybrid",
        venue_name="Haliç Congress Centre",
        venue_address="Karaağaç Caddesi 3\nSütlüce",
        city="Istanbul",
        country="TR",
        organiser="SME federation",
        programme=[
            ("item", {"starts": datetime.time(9, 30), "title": "Opening", "description": "", "speakers": "A. B."})
        ],
        speakers=[("speaker", {"name": "Selin Aydın", "role": "Trade policy", "bio": "Leads.", "photo": None})],
    )
    past = make_event(
        events_index,
        starts_in=-datetime.timedelta(days=3),
        materials=[("link", {"title": "Recording", "url": "https://video.example.org/r"})],
    )
    seated, waiting = make_learner(), make_learner()
    services.registration_create(user=seated, event=upcoming)
    services.registration_create(user=waiting, event=upcoming)
    pages = {
        "index": client.get(events_index.url + "?kind=forum&attendance=online"),
        "index-all": client.get(events_index.url),
        "event": client.get(upcoming.url),
        "past": client.get(past.url),
        "seated": signed_in_client(seated).get(upcoming.url),
        "waiting": signed_in_client(waiting).get(upcoming.url),
        "other": signed_in_client(make_learner()).get(upcoming.url),
    }
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    assert _vnu(files) == []
