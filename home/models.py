from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from base.blocks import RICH_TEXT_FEATURES, ContentStreamBlock, LinkBlock
from base.locales import page_localized
from base.models import CardMixin
from base.page_cache import page_cache_get_or_set
from courses.selectors import course_continue_get
from home import selectors
from home.blocks import HomeStreamBlock


class HomePage(Page):
    """The front door of a locale: a hero, then sections editors arrange."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("sections"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The context with `sections`: the hero and the sections as HTML, from the cache but in a preview."""
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):  # the draft being edited, never stored
            context["sections"] = self.sections_render()
        else:
            # The live revision and the language in the key; the page cache's generation drops it
            # on any publish (of this page, or of a page or image its sections show).
            key = f"home-sections:v1:{self.pk}:{self.live_revision_id}:{get_language()}"
            context["sections"] = page_cache_get_or_set(key, self.sections_render)
        # A signed-in learner's next lesson first (issue 20); the page cache never stores signed-in pages.
        context["continue_item"] = course_continue_get(user=request.user)
        return context

    def sections_render(self) -> SafeString:
        """The hero and every section, without the request or the reader (the same for every visitor).

        The blocks get no request or user, so a section that ever depends on the reader fails
        loudly here rather than being stored for everyone.
        """
        hero_link = page_localized(self.hero_link) if self.hero_link and self.hero_link.live else None
        return render_to_string(
            "home/includes/home_sections.html",
            {"page": self, "hero_link": hero_link, "card_pages": selectors.stream_card_pages_get(self.body)},
        )


class StandardPage(CardMixin, Page):
    """A plain content page: about, privacy, terms, contact, how it works."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    card_image_field = "image"

    @property
    def card_summary(self):
        return self.intro or self.search_description


class MenuPlace(models.TextChoices):
    MAIN = "main", _("Main navigation")
    FOOTER = "footer", _("Footer")


class NavigationMenu(TranslatableMixin, models.Model):
    """A list of links shown site-wide (the main menu, the footer menu), one per locale."""

    place = models.CharField(_("place"), max_length=20, choices=MenuPlace.choices)
    items = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    panels = [FieldPanel("place"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        constraints = [
            models.UniqueConstraint(fields=["place", "locale"], name="home_navigationmenu_one_per_place_locale"),
        ]

    def __str__(self):
        return str(self.get_place_display())


class FooterText(TranslatableMixin, models.Model):
    """The short text at the foot of every page: who runs the site, how to reach them."""

    body = RichTextField(_("text"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return str(_("Footer text"))
