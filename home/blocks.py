"""StreamField blocks shared by the site's pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from home import selectors

# Rich text features offered to every editor, partners included: no raw HTML, no embeds
# inside paragraphs (they have their own block), links checked by Wagtail on the server.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "home/blocks/captioned_image_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Watch out"))],
        default="tip",
        label=_("Kind"),
    )
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        template = "home/blocks/callout_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=160, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"


class LinkValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return page.localized.url if page.live else ""
        return self.get("url") or ""

    def text(self):
        page = self.get("page")
        return self.get("label") or (page.localized.title if page else "")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another site; the page's title is the default label."""

    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an external address"))
    label = blocks.CharBlock(required=False, max_length=80, label=_("Label"))

    class Meta:
        icon = "link"
        value_class = LinkValue
        required = True

    @property
    def required(self):
        return self.meta.required

    def clean(self, value):
        value = super().clean(value)
        if not self.required and not any(value.get(key) for key in ("page", "url", "label")):
            return value  # an optional link left empty
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError(_("An external link needs a label."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.TextBlock(required=False, max_length=400, label=_("Text"))
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"


class FeaturedPagesBlock(blocks.StructBlock):
    """Cards for pages an editor picks: programs, courses, know-how, anything live and public."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    intro = blocks.TextBlock(required=False, max_length=400, label=_("Introduction"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(), min_num=1, max_num=12, label=_("Pages"))
    more_link = LinkBlock(required=False, label=_("'See all' link"))

    class Meta:
        icon = "list-ul"
        template = "home/blocks/featured_pages_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The page prefetches every card of the stream at once (home.selectors); a block
        # rendered alone (a preview) fetches its own.
        cards = (parent_context or {}).get("card_pages")
        if cards is None:
            cards = selectors.card_pages_get([page.pk for page in value["pages"] if page])
        context["cards"] = [cards[page.pk] for page in value["pages"] if page and page.pk in cards]
        return context


class PartnerLogoBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Name"))
    logo = ImageChooserBlock(required=False, label=_("Logo"))
    link = LinkBlock(required=False, label=_("Link"))


class PartnersStripBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    intro = blocks.TextBlock(required=False, max_length=400, label=_("Introduction"))
    partners = blocks.ListBlock(PartnerLogoBlock(), min_num=1, max_num=24, label=_("Partners"))

    class Meta:
        icon = "group"
        template = "home/blocks/partners_strip_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        logos = selectors.images_with_renditions(
            [partner["logo"] for partner in value["partners"]], selectors.LOGO_RENDITION
        )
        context["partners"] = [
            {"name": partner["name"], "logo": logos.get(getattr(partner["logo"], "pk", None)), "link": partner["link"]}
            for partner in value["partners"]
        ]
        return context


class ContentStreamBlock(blocks.StreamBlock):
    """The body of content pages: text, images and a few structured callouts."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"))
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class HomeStreamBlock(blocks.StreamBlock):
    """Sections of the home page, in the order editors choose."""

    featured_pages = FeaturedPagesBlock()
    partners = PartnersStripBlock()
    call_to_action = CallToActionBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"))
