"""The newsletter: an archive page of issues, issues composed from the site's pages, and who got each one.

An issue is a page (editorial, items, translations through wagtail-localize). What was sent is
kept apart from the page, in NewsletterSend (one per issue, in every language) and
NewsletterDelivery (one per issue × learner, the "sent once" guard): publishing a page again
copies its revision over the page's own fields, so a page field would forget a send.
"""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import RICH_TEXT_FEATURES
from base.models import CardMixin
from newsletter.blocks import NewsletterItemsBlock

ISSUES_PER_PAGE = 12


def _today():
    return timezone.localdate()


class NewsletterIndexPage(Page):
    """The archive of past issues: every live, public issue in the current language, newest first."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def get_context(self, request, *args, **kwargs):
        from newsletter import selectors  # selectors read these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context["archive"] = selectors.archive_get(index=self, page_number=request.GET.get("page"))
        return context


class NewsletterIssuePage(CardMixin, Page):
    """One issue: an editorial and a list of pages from the site; sent from the admin ("Send")."""

    issue_date = models.DateField(_("issue date"), default=_today)
    editorial = RichTextField(_("editorial"), features=RICH_TEXT_FEATURES, blank=True)
    items = StreamField(
        NewsletterItemsBlock(),
        blank=True,
        verbose_name=_("items"),
        help_text=_("Recent courses, resources, news and events to point readers to."),
    )

    content_panels = Page.content_panels + [FieldPanel("issue_date"), FieldPanel("editorial"), FieldPanel("items")]
    search_fields = Page.search_fields + [index.SearchField("editorial")]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    preview_modes = [("", _("Web page")), ("email", _("Email"))]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def cdn_listing_pages(self):
        """The archives in every language, for base/cdn.py to purge with the issue."""
        return NewsletterIndexPage.objects.live()

    def get_context(self, request, *args, **kwargs):
        from newsletter import selectors  # selectors read these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context["items"] = selectors.issue_items_get(issue=self)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from newsletter.emails import issue_email_preview  # emails render this page: a cycle within the app

            return HttpResponse(issue_email_preview(issue=self))
        return super().serve_preview(request, mode_name)


class NewsletterSend(models.Model):
    """An issue's sending, asked for once by an editor: when, by whom, to how many learners."""

    issue_key = models.UUIDField(_("issue translation key"), unique=True)
    issue = models.ForeignKey(
        NewsletterIssuePage, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("issue")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sent by")
    )
    requested_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("newsletter sending")
        verbose_name_plural = _("newsletter sendings")

    def __str__(self):
        return f"{self.issue_key} ({self.requested_at:%Y-%m-%d})"


class NewsletterDelivery(models.Model):
    """One learner's copy of one issue: claimed before the email goes, so nobody gets it twice."""

    send = models.ForeignKey(
        NewsletterSend, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("sending")
    )
    issue_key = models.UUIDField(_("issue translation key"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("learner")
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claim = models.UUIDField(_("claimed by"), null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue_key", "user"], name="newsletter_newsletterdelivery_once_per_issue_user"
            ),
        ]
        indexes = [models.Index(fields=["send", "claimed_at"], name="newsletter_delivery_pending")]

    def __str__(self):
        return f"{self.issue_key} → {self.user_id}"
