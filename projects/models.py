"""The organisation's country and regional programmes: a ProjectPage each, listed by the ProjectIndexPage.

A project names the partners, courses and resources that belong to it; news (and, later, events)
name their projects and show up on its page through projects/sections.py.
"""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from base.models import CardMixin
from base.regions import Region


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


class ProjectIndexPage(Page):
    """The programmes: every live, public project in the current language, filterable."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index page")

    def get_context(self, request, *args, **kwargs):
        from projects import selectors  # projects.selectors reads these models: a cycle within the app
        from projects.forms import ProjectFilterForm  # the form reads this module's choices: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        options = selectors.project_options_get()
        form = ProjectFilterForm(request.GET or None, topics=options.topics)
        filters, messages = form.valid_filters()
        listing = selectors.project_index_get(filters=filters, options=options)
        form.counts_set(listing.counts)
        context.update(
            filter_form=form,
            filter_messages=messages + listing.messages,
            projects=listing.projects,
            page_obj=listing.page_obj,
            paginator=listing.paginator,
            filter_query=urlencode(form.valid_query),
            is_filtered=form.is_filtering(filters),
        )
        return context


class ProjectPage(CardMixin, Page):
    """A country or regional programme: where, who pays, when, with whom, what for, and what came of it."""

    summary = models.TextField(_("summary"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    funder = models.CharField(_("funder"), max_length=200, blank=True, help_text=_("Who pays for it, e.g. a facility."))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.RUNNING)
    goals = RichTextField(_("goals"), features=RICH_TEXT_FEATURES, blank=True)
    results = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("results so far"))
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="projects", verbose_name=_("themes"))
    partners = ParentalManyToManyField(
        "partners.PartnerPage", blank=True, related_name="projects", verbose_name=_("partners")
    )
    courses = ParentalManyToManyField(
        "courses.CoursePage", blank=True, related_name="projects", verbose_name=_("courses")
    )
    resources = ParentalManyToManyField(
        "library.ResourcePage", blank=True, related_name="projects", verbose_name=_("resources")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("funder"),
                FieldPanel("countries"),
                FieldPanel("region"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("goals"),
        FieldPanel("results"),
        MultiFieldPanel(
            [FieldPanel("partners"), FieldPanel("courses"), FieldPanel("resources")],
            heading=_("What belongs to it"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("funder"),
        index.SearchField("goals"),
        index.SearchField("results"),
        index.FilterField("status"),
    ]
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    card_image_field = "image"

    class Meta:
        verbose_name = _("programme")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="projects_projectpage_ends_after_start",
            ),
        ]

    @property
    def card_summary(self):
        return self.summary

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must not be before the start date.")})

    def cdn_listing_pages(self):
        """The programme index in every language, for base/cdn.py to purge with the project."""
        return ProjectIndexPage.objects.live()

    def get_context(self, request, *args, **kwargs):
        from projects import selectors  # projects.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context.update(vars(selectors.project_detail_get(project=self)))
        return context
