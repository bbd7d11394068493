"""The opportunities board: offers and requests members post, the answers others send, reports and blocks.

An `Opportunity` is a plain model, not a page: members write it from the site, editors moderate it
in the admin, and the `OpportunityIndexPage` (a page, so it is in menus and translations) lists the
published ones and serves each one under it. An opportunity is shown as written, in its own
language (`language`, marked with `lang` on the page): the board lists every language, since a
network across countries reads posts from elsewhere.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page


class Direction(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class OpportunityKind(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership or business alliance")
    TECH_TRANSFER = "tech_transfer", _("Technology or licence transfer")
    RESEARCH = "research", _("Research collaboration")
    SUPPLIER = "supplier", _("Supplier sought")
    BUYER = "buyer", _("Buyer sought")
    EXPORT = "export", _("Export partner sought")
    MENTORING_OFFERED = "mentoring_offered", _("Mentoring offered")
    MENTORING_SOUGHT = "mentoring_sought", _("Mentoring sought")


class PartnerKind(models.TextChoices):
    ANY = "any", _("Any kind of partner")
    SME = "sme", _("Small or medium business")
    LARGE = "large", _("Large company")
    RESEARCH = "research", _("University or research centre")
    ASSOCIATION = "association", _("Association or chamber")
    PUBLIC = "public", _("Government or public agency")
    INVESTOR = "investor", _("Investor or funder")
    EXPERT = "expert", _("Expert or mentor")


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")
    REMOVED = "removed", _("Removed")
    HIDDEN = "hidden", _("Hidden after a report")


TITLE_MAX = 120
DESCRIPTION_MAX = 3000
ORGANISATION_MAX = 120
MESSAGE_MAX = 1000
REASON_MAX = 500


class OpportunityIndexPage(RoutablePageMixin, Page):
    """The board: published opportunities with filters, each one's page, the form to post, feeds."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("opportunities board")
        verbose_name_plural = _("opportunities boards")

    @path("")
    def board(self, request):
        from opportunities import views  # views read this model: a cycle within the app

        return views.board(request, self)

    @path("new/")
    def post_new(self, request):
        from opportunities import views

        return views.opportunity_new(request, self)

    @re_path(r"^(?P<opportunity_id>[0-9]{1,12})/$")
    def detail(self, request, opportunity_id):
        from opportunities import views

        return views.opportunity_detail(request, self, int(opportunity_id))

    @path("feed/rss/")
    def feed_rss(self, request):
        from opportunities import feeds

        return feeds.OpportunityRssFeed()(request, board=self)

    @path("feed/atom/")
    def feed_atom(self, request):
        from opportunities import feeds

        return feeds.OpportunityAtomFeed()(request, board=self)

    def opportunity_url(self, opportunity, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("detail", kwargs={"opportunity_id": opportunity.pk})

    def get_sitemap_urls(self, request=None):
        """The board, then each published opportunity (one query)."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = urls[0]["location"]
        for opportunity in Opportunity.objects.on_board().only("pk", "updated_at").order_by("pk"):
            urls.append(
                {
                    "location": base + self.reverse_subpage("detail", kwargs={"opportunity_id": opportunity.pk}),
                    "lastmod": opportunity.updated_at,
                }
            )
        return urls


class OpportunityQuerySet(models.QuerySet):
    def on_board(self):
        """What the public sees: published, and closed ones (shown as closed)."""
        return self.filter(status__in=[Status.PUBLISHED, Status.CLOSED])

    def open_on(self, day: datetime.date):
        return self.filter(status=Status.PUBLISHED).filter(Q(closes_on__isnull=True) | Q(closes_on__gte=day))

    def closed_on(self, day: datetime.date):
        return self.filter(Q(status=Status.CLOSED) | Q(status=Status.PUBLISHED, closes_on__lt=day))


class Opportunity(models.Model):
    """An offer or a request a verified member posted; public once an editor approves it."""

    poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opportunities", verbose_name=_("posted by")
    )
    direction = models.CharField(_("offer or request"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX)
    sector = models.ForeignKey(
        "taxonomy.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("sector")
    )
    topic = models.ForeignKey(
        "taxonomy.Topic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("topic")
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    partner_sought = models.CharField(
        _("kind of partner sought"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.ANY
    )
    closes_on = models.DateField(_("closing date"), null=True, blank=True)
    organisation = models.CharField(_("organisation"), max_length=ORGANISATION_MAX, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    review_message = models.TextField(_("message to the poster"), max_length=REASON_MAX * 2, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    rejection_notified_at = models.DateTimeField(_("rejection emailed"), null=True, blank=True, editable=False)
    submission_key = models.UUIDField(_("form submission"), editable=False)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["poster", "submission_key"], name="opportunities_opportunity_once_per_submission"
            ),
        ]
        indexes = [models.Index(fields=["status", "closes_on"], name="opportunities_status_closes")]

    def __str__(self):
        return self.title

    def is_open_on(self, day: datetime.date) -> bool:
        return self.status == Status.PUBLISHED and (self.closes_on is None or self.closes_on >= day)

    @property
    def is_open(self) -> bool:
        """Published and not past its closing date (computed at read time: no task needed to close it)."""
        return self.is_open_on(timezone.localdate())

    @property
    def is_on_board(self) -> bool:
        return self.status in (Status.PUBLISHED, Status.CLOSED)


class InterestStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted: contacts shared")


class Interest(models.Model):
    """A member's answer to an opportunity; contacts are shared only once the poster accepts it."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="interests", verbose_name=_("opportunity")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="opportunity_interests",
        verbose_name=_("member"),
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX)
    organisation = models.CharField(_("organisation"), max_length=ORGANISATION_MAX, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=InterestStatus.choices, default=InterestStatus.SENT)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    notified_at = models.DateTimeField(_("poster emailed"), null=True, blank=True, editable=False)
    contacts_sent_at = models.DateTimeField(_("contacts emailed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "member"], name="opportunities_interest_once_per_member_opportunity"
            ),
        ]

    def __str__(self):
        return f"{self.member_id} → {self.opportunity_id}"

    @property
    def is_accepted(self) -> bool:
        return self.status == InterestStatus.ACCEPTED


class OpportunityReport(models.Model):
    """A member's "report this": hides a published opportunity until an editor reviews it."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="reports", verbose_name=_("opportunity")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("reported by")
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "reporter"], name="opportunities_opportunityreport_once_per_member"
            ),
        ]

    def __str__(self):
        return f"{self.reporter_id} → {self.opportunity_id}"


class MemberStanding(models.Model):
    """What editors decided about one member on the board: blocked from posting or not."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="opportunity_standing",
        verbose_name=_("member"),
    )
    posting_blocked = models.BooleanField(_("blocked from posting"), default=False)
    note = models.TextField(_("editors' note"), max_length=REASON_MAX, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("member standing")
        verbose_name_plural = _("member standings")

    def __str__(self):
        return str(self.user)
