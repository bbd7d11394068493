"""Reads for the events listing, an event's page, a partner's events and a learner's registrations.

Each runs a fixed number of queries, whatever the number of events or registrations.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Case, F, IntegerField, Prefetch, Value, When
from wagtail.images import get_image_model

from accounts.models import LearnerProfile
from base.locales import in_locale_or_default, locales_active_and_default, one_per_key_active_first
from base.pages import pages_public
from base.pagination import page_or_last
from base.relations import related_ids
from events.models import Attendance, EventPage, EventRegistration, RegistrationStatus
from events.zones import zone_get
from partners.models import PartnerPage

EVENTS_PAGE_SIZE = 12
CARD_RENDITION = "fill-480x270|format-webp"


PROJECT_EVENT_COUNT = 6  # the newest events shown on a programme's page


def event_public_list(locales=None):
    """Live, public events in the active language, plus default-language ones not yet translated."""
    return in_locale_or_default(pages_public(EventPage.objects.live()), locales=locales)


def _cards(queryset):
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return queryset.select_related("locale").prefetch_related(Prefetch("image", queryset=images))


@dataclass
class EventListing:
    """One page of the events, upcoming first (soonest first), then past ones (latest first)."""

    events: list  # EventPages, each with .is_over set
    page_obj: Page
    paginator: Paginator
    messages: list[str]


def event_list(*, filters: dict, now: datetime.datetime, locales=None) -> EventListing:
    """The events matching `filters` (EventFilterForm.valid_filters), one page of them."""
    events = event_public_list(locales)
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("country"):
        events = events.filter(country=filters["country"])
    if filters.get("attendance") == Attendance.ONLINE:
        events = events.filter(attendance__in=[Attendance.ONLINE, Attendance.HYBRID])
    elif filters.get("attendance") == Attendance.IN_PERSON:
        events = events.filter(attendance__in=[Attendance.IN_PERSON, Attendance.HYBRID])
    events = events.annotate(
        over=Case(When(ends_at__lte=now, then=Value(1)), default=Value(0), output_field=IntegerField()),
        upcoming_start=Case(When(ends_at__gt=now, then=F("starts_at")), default=None),
        past_start=Case(When(ends_at__lte=now, then=F("starts_at")), default=None),
    ).order_by("over", F("upcoming_start").asc(nulls_last=True), F("past_start").desc(nulls_last=True), "pk")
    messages = []
    paginator = Paginator(_cards(events), EVENTS_PAGE_SIZE)
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    event_list = list(page_obj.object_list)
    for event in event_list:
        event.is_over = bool(event.over)
    return EventListing(events=event_list, page_obj=page_obj, paginator=paginator, messages=messages)


# --- One event ---------------------------------------------------------------------------


def wall_time(value: datetime.datetime, zone) -> datetime.datetime:
    """`value` as the clock on the wall reads it in `zone`, without its zone.

    Naive on purpose: Django's date filters would turn an aware time back into the site's zone (UTC).
    """
    return value.astimezone(zone).replace(tzinfo=None)


@dataclass
class EventWhen:
    """An event's start and end in its own zone, and in the viewer's when it differs (wall times)."""

    start: datetime.datetime
    end: datetime.datetime
    start_iso: str  # with its offset, for <time datetime>
    end_iso: str
    offset: str  # "+04:00"
    zone: str
    viewer_start: datetime.datetime | None  # None when the viewer's zone is the event's
    viewer_end: datetime.datetime | None
    viewer_zone: str

    @property
    def same_day(self) -> bool:
        return self.start.date() == self.end.date()


def viewer_zone_get(user) -> zoneinfo.ZoneInfo | None:
    """The learner's own time zone from their profile, if profiles have one and they set it."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not any(field.name == "time_zone" for field in LearnerProfile._meta.get_fields()):
        return None
    profile = getattr(user, "profile", None)
    return zone_get(getattr(profile, "time_zone", None))


def event_when_get(event: EventPage, viewer_zone: zoneinfo.ZoneInfo | None = None) -> EventWhen:
    zone = event.zone
    viewer = viewer_zone if viewer_zone is not None and viewer_zone.key != zone.key else None
    start = event.starts_at.astimezone(zone)
    return EventWhen(
        start=wall_time(event.starts_at, zone),
        end=wall_time(event.ends_at, zone),
        start_iso=start.isoformat(),
        end_iso=event.ends_at.astimezone(zone).isoformat(),
        offset=start.isoformat()[19:] or "+00:00",
        zone=zone.key,
        viewer_start=wall_time(event.starts_at, viewer) if viewer else None,
        viewer_end=wall_time(event.ends_at, viewer) if viewer else None,
        viewer_zone=viewer.key if viewer else "",
    )


@dataclass
class EventDetail:
    """What an event page shows beside its own fields."""

    when: EventWhen
    is_over: bool
    is_cancelled: bool
    can_register: bool  # open for sign-up (not over, not cancelled, saved)
    registration: EventRegistration | None  # the learner's, registered or waiting (not cancelled)
    waiting_position: int | None  # 1 for the first on the waiting list
    seats_left: int | None  # None: no limit
    partners: list


def seats_taken_count(event_key) -> int:
    return EventRegistration.objects.filter(event_key=event_key, status=RegistrationStatus.REGISTERED).count()


def event_detail_get(*, event: EventPage, user, now: datetime.datetime) -> EventDetail:
    """Times, sign-up state and partners of `event` (a preview or draft too) for `user`."""
    registration = None
    position = None
    if getattr(user, "is_authenticated", False) and event.pk:
        registration = (
            EventRegistration.objects.filter(user=user, event_key=event.translation_key)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
        if registration is not None and registration.status == RegistrationStatus.WAITING:
            position = EventRegistration.objects.filter(
                event_key=event.translation_key,
                status=RegistrationStatus.WAITING,
                number__lte=registration.number,
            ).count()
    seats_left = None
    if event.capacity is not None:
        taken = seats_taken_count(event.translation_key) if event.pk else 0
        seats_left = max(0, event.capacity - taken)
    is_over = event.is_past(now)
    return EventDetail(
        when=event_when_get(event, viewer_zone_get(user)),
        is_over=is_over,
        is_cancelled=event.is_cancelled,
        can_register=bool(event.pk) and not is_over and not event.is_cancelled,
        registration=registration,
        waiting_position=position,
        seats_left=seats_left,
        partners=list(
            pages_public(PartnerPage.objects.live()).filter(pk__in=related_ids(event.partners)).order_by("title")
        ),
    )


def partner_event_list(partner_page, locale=None) -> list:
    """A partner's live, public events (in `locale` if given), soonest first, as cards."""
    events = pages_public(EventPage.objects.live()).descendant_of(partner_page)
    if locale is not None:
        events = events.filter(locale=locale)
    return list(_cards(events.order_by("-starts_at", "pk")))


def project_event_list(project) -> list:
    """The live, public events naming a programme, in the visitor's language where translated, latest first
    (projects.sections): a fixed number of queries."""
    events = event_public_list().filter(projects__translation_key=project.translation_key).distinct()
    return list(_cards(events.order_by("-starts_at", "pk")[:PROJECT_EVENT_COUNT]))


# --- A learner's registrations ------------------------------------------------------------


def upcoming_registration_list(*, user, now: datetime.datetime) -> list:
    """The learner's upcoming events (registered or waiting), soonest first, in their language where translated.

    Each row is (registration, event page).
    """
    registrations = list(
        EventRegistration.objects.filter(
            user=user,
            status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING],
            event__ends_at__gt=now,
        )
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )
    if not registrations:
        return []
    keys = [registration.event_key for registration in registrations]
    localized = one_per_key_active_first(
        pages_public(EventPage.objects.live()).filter(translation_key__in=keys), locales=locales_active_and_default()
    )
    return [
        (registration, localized[registration.event_key])
        for registration in registrations
        if registration.event_key in localized
    ]


def registration_export_list(user) -> list:
    """Every event registration of the learner, for their data export."""
    rows = EventRegistration.objects.filter(user=user).order_by("created_at", "pk")
    return [
        {
            "event": row.event_title,
            "event_key": str(row.event_key),
            "status": row.status,
            "signed_up_at": row.created_at.isoformat(),
            "moved_up_from_waiting_list_at": row.promoted_at.isoformat() if row.promoted_at else None,
            "reminded_at": row.reminded_at.isoformat() if row.reminded_at else None,
            "language": row.language,
        }
        for row in rows
    ]
