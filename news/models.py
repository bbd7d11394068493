"""News and insights: NewsPages wherever they live (the news index, a partner's section), listed by the NewsIndexPage.

The index is a query across the tree (live, public, current language), like the libraries, so a
partner's news stays in the partner's subtree and its review workflow, and still shows up here.
"""

from urllib.parse import urlencode

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import ContentStreamBlock
from base.models import CardMixin


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    INSIGHT = "insight", _("Insight")
    POLICY_POSITION = "policy_position", _("Policy position")
    PRESS_RELEASE = "press_release", _("Press release")


class NewsIndexPage(Page):
    """News and insights: every live, public news page in the current language, wherever it lives."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        from news import selectors  # news.selectors reads these models: a cycle within the app
        from news.forms import NewsFilterForm  # the form reads this module's choices: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        options = selectors.news_options_get()
        form = NewsFilterForm(request.GET or None, topics=options.topics, sectors=options.sectors)
        filters, messages = form.valid_filters()
        listing = selectors.news_index_get(filters=filters, options=options)
        form.counts_set(listing.counts)
        context.update(
            filter_form=form,
            filter_messages=messages + listing.messages,
            news_list=listing.news,
            page_obj=listing.page_obj,
            paginator=listing.paginator,
            filter_query=urlencode(form.valid_query),
            is_filtered=form.is_filtering(filters),
        )
        return context


class NewsPage(CardMixin, Page):
    """A news item, insight, policy position or press release; a cross-post names where it first appeared."""

    kind = models.CharField(_("type"), max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS)
    date = models.DateField(_("date"))
    author = models.CharField(_("author"), max_length=120, blank=True)
    summary = models.TextField(_("summary"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    original_name = models.CharField(
        _("originally published in"),
        max_length=200,
        blank=True,
        help_text=_("For a cross-post: the publication or site where it first appeared."),
    )
    # Django's URLField accepts http(s) and ftp(s) only: a javascript: or data: address is refused.
    original_url = models.URLField(_("original address"), blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="news", verbose_name=_("topics"))
    sectors = ParentalManyToManyField("taxonomy.Sector", blank=True, related_name="news", verbose_name=_("sectors"))
    projects = ParentalManyToManyField(
        "projects.ProjectPage", blank=True, related_name="news", verbose_name=_("programmes")
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("original_name"), FieldPanel("original_url")],
            heading=_("Cross-post"),
            help_text=_("Fill these in when the piece first appeared elsewhere."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("countries"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("projects"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["news.NewsIndexPage", "partners.PartnerPage"]
    subpage_types = []

    card_image_field = "image"

    class Meta:
        verbose_name = _("news page")

    @property
    def card_summary(self):
        return self.summary

    def cdn_listing_pages(self):
        """The news index in every language, for base/cdn.py to purge with the news page: it lists
        news wherever they live (a partner's section), default-language ones not yet translated included."""
        return NewsIndexPage.objects.live()

    def get_context(self, request, *args, **kwargs):
        from news import selectors  # news.selectors reads these models: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        context.update(vars(selectors.news_detail_get(news=self)))
        return context
