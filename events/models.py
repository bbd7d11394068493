"""Events: forums, conferences, webinars, workshops and office hours, and who registered for them.

An EventPage may sit under the EventIndexPage or in a partner's subtree (through the review
workflow); the index is a query across the tree. Start and end are stored in UTC, with the
event's IANA time zone kept beside them: editors type local times in that zone
(`events.forms.EventPageForm` converts them, and refuses a time that does not exist or happens
twice there). Registrations are plain records keyed by the event's translation key, so an
event is one event in every language.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.blocks import ContentStreamBlock
from base.models import CardMixin
from events.admin_forms import EventPageForm
from events.blocks import MaterialsBlock, ProgrammeBlock, SpeakersBlock
from events.zones import time_zone_validate, zone_get


class EventKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    OFFICE_HOURS = "office_hours", _("Office hours")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("In person and online")


class EventIndexPage(Page):
    """The events: every live, public event in the current language, wherever it lives; upcoming first."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def get_context(self, request, *args, **kwargs):
        from events import selectors  # events.selectors reads these models: a cycle within the app
        from events.forms import EventFilterForm  # the form reads this module's choices

        context = super().get_context(request, *args, **kwargs)
        form = EventFilterForm(request.GET or None)
        filters, messages = form.valid_filters()
        listing = selectors.event_list(filters=filters, now=timezone.now())
        context.update(
            filter_form=form,
            filter_messages=messages + listing.messages,
            events=listing.events,
            page_obj=listing.page_obj,
            paginator=listing.paginator,
            filter_query=form.query_string(),
            is_filtered=form.is_filtering(filters),
        )
        return context


class EventPage(CardMixin, Page):
    """A forum, conference, webinar, workshop or office hours: when, where, who, and sign-up."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.WEBINAR)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("A cancelled event stays on the site, marked cancelled, and takes no sign-ups."),
    )
    summary = models.TextField(_("summary"), max_length=600)
    starts_at = models.DateTimeField(_("starts at (UTC)"), db_index=True)
    ends_at = models.DateTimeField(_("ends at (UTC)"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Paris",
        validators=[time_zone_validate],
        help_text=_("The event's own time zone, as an IANA name (Europe/Paris, Asia/Tbilisi…)."),
    )
    attendance = models.CharField(_("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.ONLINE)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown to registered participants and sent in their reminder."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), max_length=500, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True, help_text=_("Where it takes place, if in person."))
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    partners = ParentalManyToManyField(
        "partners.PartnerPage", blank=True, related_name="events", verbose_name=_("partners")
    )
    projects = ParentalManyToManyField(
        "projects.ProjectPage", blank=True, related_name="events", verbose_name=_("programmes")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Seats for registered participants; leave blank for no limit. Beyond it, a waiting list."),
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("description"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    speakers = StreamField(SpeakersBlock(), blank=True, verbose_name=_("speakers"))
    materials = StreamField(
        MaterialsBlock(),
        blank=True,
        verbose_name=_("materials and recordings"),
        help_text=_("Shown once the event is over, in place of the sign-up."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("status"),
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start_local"), FieldPanel("end_local")]),
            ],
            heading=_("When"),
            help_text=_("Type the times as they are in the event's time zone."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("online_url"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("city"),
                FieldPanel("country"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("capacity"),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("partners"), FieldPanel("projects")], heading=_("Organisers")
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
        FieldPanel("speakers"),
        FieldPanel("materials"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("organiser"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["events.EventIndexPage", "partners.PartnerPage"]
    subpage_types = []

    card_image_field = "image"
    base_form_class = EventPageForm
    # The same in every language, never offered to translators (wagtail-localize would translate
    # any text field): a time zone name and a meeting link.
    override_translatable_fields = [SynchronizedField("time_zone"), SynchronizedField("online_url")]

    class Meta:
        verbose_name = _("event")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="events_eventpage_ends_after_start"
            ),
        ]

    @property
    def card_summary(self):
        return self.summary

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zone_get(self.time_zone) or zoneinfo.ZoneInfo("UTC")

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    def is_past(self, now=None) -> bool:
        return self.ends_at is not None and self.ends_at <= (now or timezone.now())

    @property
    def is_online(self) -> bool:
        return self.attendance in (Attendance.ONLINE, Attendance.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.attendance in (Attendance.IN_PERSON, Attendance.HYBRID)

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(_("The event cannot end before it starts."))

    def cdn_listing_pages(self):
        """The events indexes, in every language, for base/cdn.py to purge with the event."""
        return EventIndexPage.objects.live()

    def get_context(self, request, *args, **kwargs):
        from events import selectors  # events.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = selectors.event_detail_get(event=self, user=request.user, now=timezone.now())
        return context


class EventRoster(models.Model):
    """One row per event (translation key): locked by every sign-up and cancellation, so they
    happen one at a time, and numbering arrivals for the waiting list's order."""

    event_key = models.UUIDField(_("event translation key"), unique=True)
    last_number = models.PositiveIntegerField(_("last arrival number"), default=0)

    class Meta:
        verbose_name = _("event roster")

    def __str__(self):
        return f"{self.event_key}: {self.last_number}"


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class EventRegistration(models.Model):
    """A learner's place at an event (in every language of it): registered, waiting or cancelled."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("learner"),
    )
    event_key = models.UUIDField(_("event translation key"), db_index=True)
    event = models.ForeignKey(
        EventPage, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("event")
    )
    event_title = models.CharField(_("event title"), max_length=255)  # kept if the page is deleted
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    number = models.PositiveIntegerField(_("arrival number"))  # order of the waiting list
    language = models.CharField(_("language"), max_length=10, blank=True)  # of the emails
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list at"), null=True, blank=True)
    promotion_notified_at = models.DateTimeField(_("told of the free seat at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event_key"], name="events_eventregistration_once_per_learner_event"
            ),
            models.UniqueConstraint(
                fields=["event_key", "number"], name="events_eventregistration_number_unique_per_event"
            ),
        ]
        indexes = [models.Index(fields=["event_key", "status", "number"], name="events_reg_event_status_idx")]

    def __str__(self):
        return f"{self.user} → {self.event_title} ({self.status})"
