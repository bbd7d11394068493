"""The best-practice and know-how libraries: ResourcePages wherever they live, listed by kind.

A ResourcePage may sit under a LibraryIndexPage or in a partner's subtree; each library is a
query across the tree (live, public, current locale) for the kinds of its group.
"""

import re
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.blocks import ContentStreamBlock
from base.locales import locales_active_and_default
from base.models import CardMixin
from base.regions import Region
from base.signals import page_viewed


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TOOLKIT = "toolkit", _("Toolkit")
    TEMPLATE = "template", _("Template")
    CASE_STUDY = "case_study", _("Case study")
    BEST_PRACTICE = "best_practice", _("Best practice")
    TECH_TRANSFER = "tech_transfer", _("Technology-transfer offer")
    POLICY_BRIEF = "policy_brief", _("Policy brief")


class KindGroup(models.TextChoices):
    """The libraries there are: each lists the resources of its group's kinds."""

    BEST_PRACTICES = "best_practices", _("Best practices and case studies")
    KNOW_HOW = "know_how", _("Know-how")


# Which kinds each library lists. A kind belongs to exactly one group.
KIND_GROUPS = {
    KindGroup.BEST_PRACTICES: [ResourceKind.BEST_PRACTICE, ResourceKind.CASE_STUDY],
    KindGroup.KNOW_HOW: [
        ResourceKind.GUIDE,
        ResourceKind.TOOLKIT,
        ResourceKind.TEMPLATE,
        ResourceKind.TECH_TRANSFER,
        ResourceKind.POLICY_BRIEF,
    ],
}


class CompanySize(models.TextChoices):
    MICRO = "micro", _("Micro (1 to 9 people)")
    SMALL = "small", _("Small (10 to 49 people)")
    MEDIUM = "medium", _("Medium (50 to 249 people)")


WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")


def _texts(value):
    """Every string inside a StreamField's raw data (block types and ids excluded)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in {"type", "id", "image", "page", "level", "kind", "url"}:
                yield from _texts(item)
    elif isinstance(value, Sequence):
        for item in value:
            yield from _texts(item)


class LibraryIndexPage(Page):
    """A library: every live, public resource of its kinds, in the current language, wherever it lives."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    kind_group = models.CharField(
        _("lists"),
        max_length=20,
        choices=KindGroup.choices,
        default=KindGroup.KNOW_HOW,
        help_text=_("Which kinds of resources this library lists, from anywhere on the site."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("kind_group")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ResourcePage"]

    class Meta:
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    @property
    def kinds(self):
        return KIND_GROUPS[self.kind_group]

    def get_context(self, request, *args, **kwargs):
        from library import selectors  # library.selectors reads these models: a cycle within the app
        from library.forms import LibraryFilterForm  # the form reads this module's choices: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        locales = locales_active_and_default()
        options = selectors.library_options_get(library=self, locales=locales)
        form = LibraryFilterForm(
            request.GET or None,
            kinds=options.kinds,
            topics=options.topics,
            sectors=options.sectors,
            stages=options.stages,
            partners=options.partners,
        )
        filters, messages = form.valid_filters()
        listing = selectors.library_get(library=self, filters=filters, options=options, locales=locales)
        form.counts_set(listing.counts)
        context.update(
            filter_form=form,
            filter_messages=messages + listing.messages,
            resources=listing.resources,
            page_obj=listing.page_obj,
            paginator=listing.paginator,
            filter_query=urlencode(form.valid_query),
            is_filtered=form.is_filtering(filters),
            other_libraries=listing.other_libraries,
        )
        return context


class ResourcePage(CardMixin, Page):
    """A guide, toolkit, template, case study, best practice, technology offer or policy brief."""

    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.GUIDE)
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    publication_date = models.DateField(_("publication date"))
    country = CountryField(_("country"), blank=True, help_text=_("The country it comes from, if one."))
    region = models.CharField(
        _("region"),
        max_length=20,
        choices=Region.choices,
        blank=True,
        help_text=_("The region it comes from, or covers when it spans several countries."),
    )
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="resources", verbose_name=_("topics"))
    sectors = ParentalManyToManyField(
        "taxonomy.Sector", blank=True, related_name="resources", verbose_name=_("sectors")
    )
    stages = ParentalManyToManyField(
        "taxonomy.BusinessStage", blank=True, related_name="resources", verbose_name=_("business stages")
    )
    related_courses = ParentalManyToManyField(
        "courses.CoursePage", blank=True, related_name="related_resources", verbose_name=_("related courses")
    )
    related_resources = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="related_from", verbose_name=_("related resources")
    )
    # Case-study facts, shown as a summary box (country and sector come from the fields above).
    company_size = models.CharField(_("company size"), max_length=20, choices=CompanySize.choices, blank=True)
    challenge = models.TextField(_("the challenge"), max_length=800, blank=True)
    actions = models.TextField(_("what they did"), max_length=800, blank=True)
    results = models.TextField(_("results"), max_length=800, blank=True)
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
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("company_size"), FieldPanel("challenge"), FieldPanel("actions"), FieldPanel("results")],
            heading=_("Case study facts"),
            help_text=_("Fill these in for case studies: they are shown as a summary box."),
        ),
        InlinePanel("attachments", label=_("Documents to download")),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("country"),
                FieldPanel("region"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel([FieldPanel("related_courses"), FieldPanel("related_resources")], heading=_("Related")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("challenge"),
        index.SearchField("actions"),
        index.SearchField("results"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["library.LibraryIndexPage", "partners.PartnerPage"]
    subpage_types = []

    card_image_field = "image"

    class Meta:
        verbose_name = _("resource")

    @property
    def card_summary(self):
        return self.summary

    @property
    def is_case_study(self):
        return self.kind == ResourceKind.CASE_STUDY

    @property
    def reading_minutes(self) -> int:
        """Minutes to read the summary and body at 200 words a minute (never a query)."""
        text = " ".join([self.summary, self.challenge, self.actions, self.results, *_texts(self.body.raw_data)])
        words = len(_TAG.sub(" ", text).split())
        return max(1, round(words / WORDS_PER_MINUTE))

    def cdn_listing_pages(self):
        """The libraries, in every language, for base/cdn.py to purge with the resource: they list
        resources wherever they live, default-language ones not yet translated included."""
        return LibraryIndexPage.objects.live()

    def get_context(self, request, *args, **kwargs):
        from library import selectors  # library.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context.update(vars(selectors.resource_detail_get(resource=self, user=request.user)))
        return context

    def serve(self, request, *args, **kwargs):
        """The resource page; a real visit (a 200 GET, not a preview) is counted for the reports."""
        response = super().serve(request, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200 and not getattr(request, "is_preview", False):
            page_viewed.send(sender=type(self), pk=self.pk, page_key=self.translation_key, request=request)
        return response


class ResourceAttachment(Orderable):
    """A document offered for download on a resource page (served by library.views.document_serve)."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(
        _("link text"), max_length=120, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document to download")
        constraints = [
            models.UniqueConstraint(fields=["page", "document"], name="library_resourceattachment_once_per_page"),
        ]

    @property
    def label(self):
        return self.title or self.document.title


class ReadingListItem(models.Model):
    """A resource a learner saved to read later, in every language of it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_list", verbose_name=_("learner")
    )
    resource_key = models.UUIDField(_("resource translation key"), db_index=True)
    resource = models.ForeignKey(
        ResourcePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("resource saved")
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reading list item")
        verbose_name_plural = _("reading list items")
        constraints = [
            models.UniqueConstraint(fields=["user", "resource_key"], name="library_readinglistitem_once_per_learner"),
        ]

    def __str__(self):
        return f"{self.user} → {self.resource}"
