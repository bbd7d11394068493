"""StreamField blocks and rich-text features shared by every kind of page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from base.locales import page_localized

# Rich text features offered to every editor, partners included: no raw HTML, no embeds
# inside paragraphs (they have their own block), links checked by Wagtail on the server.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingLevel(models.TextChoices):
    H2 = "h2", _("Section heading")
    H3 = "h3", _("Sub-heading")


class CalloutKind(models.TextChoices):
    TIP = "tip", _("Tip")
    NOTE = "note", _("Note")
    WARNING = "warning", _("Watch out")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=HeadingLevel.choices,
        default=HeadingLevel.H2,
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "base/blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "base/blocks/captioned_image_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=CalloutKind.choices,
        default=CalloutKind.TIP,
        label=_("Kind"),
    )
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        template = "base/blocks/callout_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=160, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "base/blocks/quote_block.html"


class LinkValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return page_localized(page).url if page.live else ""
        return self.get("url") or ""

    def text(self):
        page = self.get("page")
        return self.get("label") or (page_localized(page).title if page else "")


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
        template = "base/blocks/call_to_action_block.html"


class ContentStreamBlock(blocks.StreamBlock):
    """The body of content pages: text, images and a few structured callouts."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"))
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
