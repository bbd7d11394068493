"""Academic partners: each PartnerPage is the root of a partner's own subtree."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import CardMixin


class PartnerIndexPage(Page):
    """The list of academic partners."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        logos = get_image_model().objects.prefetch_renditions("max-240x96")
        context["partners"] = (
            PartnerPage.objects.child_of(self).live().public().prefetch_related(Prefetch("logo", queryset=logos)).order_by("title")
        )
        return context


class PartnerPage(CardMixin, Page):
    """A university, business school or institute that publishes courses and know-how here."""

    KINDS = [
        ("university", _("University")),
        ("business_school", _("Business school")),
        ("training_institute", _("Training institute")),
        ("chamber", _("Chamber of commerce")),
        ("agency", _("Development agency")),
    ]

    kind = models.CharField(_("type"), max_length=30, choices=KINDS, default="university")
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("short description"), max_length=600, blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("country"), FieldPanel("city")], heading=_("Who")),
        FieldPanel("logo"),
        FieldPanel("intro"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("description")]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = ["courses.CoursePage", "library.ResourcePage"]

    card_image_field = "logo"

    class Meta:
        verbose_name = _("partner page")

    @property
    def card_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from courses import selectors  # courses depends on partners, not the reverse, at import time

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = selectors.course_cards_under(self)
        return context
