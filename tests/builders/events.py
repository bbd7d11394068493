"""Events: the events index and event pages, dated relative to now unless told."""

import datetime

from django.utils import timezone

from events.models import EventIndexPage, EventPage
from tests.builders.pages import publish
from tests.builders.unique import unique


def make_event_index(home, **fields):
    index = EventIndexPage(
        title=fields.pop("title", "Events"),
        slug=fields.pop("slug", f"events-{unique()}"),
        intro=fields.pop("intro", "Forums, webinars and workshops."),
        **fields,
    )
    home.add_child(instance=index)
    return publish(index)


def make_event(parent, *, title=None, starts_in=datetime.timedelta(days=10), hours=2, live=True, **fields):
    """An event under `parent` (the index or a partner page) starting `starts_in` from now.

    Published unless live=False.
    """
    n = unique()
    starts_at = fields.pop("starts_at", None) or (timezone.now() + starts_in).replace(microsecond=0)
    event = EventPage(
        title=title or f"Event {n}",
        slug=fields.pop("slug", f"event-{n}"),
        summary=fields.pop("summary", "What the event is about."),
        kind=fields.pop("kind", "webinar"),
        starts_at=starts_at,
        ends_at=fields.pop("ends_at", None) or starts_at + datetime.timedelta(hours=hours),
        time_zone=fields.pop("time_zone", "Europe/Paris"),
        attendance=fields.pop("attendance", "online"),
        online_url=fields.pop("online_url", "https://meet.example.org/room-42"),
        **fields,
    )
    parent.add_child(instance=event)
    if not live:
        event.save_revision()
        event.live = False
        event.save(update_fields=["live"])
        return event
    return publish(event)
