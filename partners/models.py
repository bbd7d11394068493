"""Academic partners: each PartnerPage is the root of a partner's own subtree."""

from urllib.parse import urlencode

from django import forms
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.blocks import RICH_TEXT_FEATURES
from base.models import CardMixin
from partners.sections import partner_sections_get


class PartnerIndexPage(Page):
    """The members and partners directory, filtered by kind and country."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner index page")

    def get_context(self, request, *args, **kwargs):
        from partners import selectors  # partners.selectors reads these models: a cycle within the app
        from partners.forms import PartnerFilterForm  # the form reads this module's choices: a cycle within the app

        context = super().get_context(request, *args, **kwargs)
        counts = selectors.partner_index_counts_get(index=self)
        form = PartnerFilterForm(request.GET or None, country_counts=counts["country"], kind_counts=counts["kind"])
        filters, messages = form.valid_filters()
        listing = selectors.partner_index_get(index=self, filters=filters, counts=counts)
        context.update(
            partners=listing.partners,
            page_obj=listing.page_obj,
            partner_matching=listing.matching,
            filter_query=urlencode(form.valid_query),
            filter_form=form,
            filter_messages=messages + listing.messages,
            is_filtered=form.is_filtering(filters),
            partner_total=listing.total,
        )
        return context


class PartnerKind(models.TextChoices):
    """What kind of member of the network a partner is (the stored values predate the directory)."""

    UNIVERSITY = "university", _("Academic partner or university")
    BUSINESS_SCHOOL = "business_school", _("Business school")
    TRAINING_INSTITUTE = "training_institute", _("Institute")
    SME_ASSOCIATION = "sme_association", _("National SME association")
    CHAMBER = "chamber", _("Chamber of commerce")
    GOVERNMENT = "government", _("Government agency")
    AGENCY = "agency", _("Development agency")
    OTHER = "other", _("Other")


class PartnerPage(CardMixin, Page):
    """A member of the network (university, SME association, chamber, agency…): its page and its subtree."""

    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices, default=PartnerKind.UNIVERSITY)
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
    offers = models.CharField(
        _("what it offers"),
        max_length=300,
        blank=True,
        help_text=_("One or two lines for the directory: courses, advice, funding, contacts, research…"),
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    # Django's URLField accepts http(s) and ftp(s) only: a javascript: or data: address is refused.
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    expertise = ParentalManyToManyField(
        "taxonomy.Topic", blank=True, related_name="partners", verbose_name=_("areas of expertise")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("country"), FieldPanel("city")], heading=_("Who")),
        FieldPanel("logo"),
        FieldPanel("intro"),
        FieldPanel("offers"),
        FieldPanel("description"),
        FieldPanel("expertise", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("offers"),
        index.SearchField("description"),
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = ["courses.CoursePage", "library.ResourcePage", "events.EventPage", "news.NewsPage"]

    card_image_field = "logo"
    # A person's name and a phone number are the same in every language: kept in step with the
    # source page, never offered to translators (wagtail-localize would translate any text field).
    override_translatable_fields = [SynchronizedField("contact_name"), SynchronizedField("contact_phone")]

    class Meta:
        verbose_name = _("partner page")

    @property
    def card_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = partner_sections_get(self)
        context["expertise"] = list(self.expertise.all())
        return context


class PartnerTeam(models.Model):
    """Who edits a partner's subtree (a group) and where its files live (a collection).

    Kept apart from the page so that it is not part of the page's revisions, and a partner
    editing their page cannot point it at another group or collection.
    """

    partner = models.OneToOneField(
        PartnerPage, on_delete=models.CASCADE, related_name="team", verbose_name=_("partner page")
    )
    group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="partner_team", verbose_name=_("group"))
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, related_name="partner_team", verbose_name=_("collection")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner team")
        verbose_name_plural = _("partner teams")
        permissions = [
            ("onboard_partner", _("Can onboard an academic partner")),
            ("view_all_partner_reports", _("Can see every partner's report")),
        ]

    def __str__(self):
        return self.group.name
