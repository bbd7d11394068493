"""StreamField blocks of the home page: featured pages and the partners strip."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from base.blocks import RICH_TEXT_FEATURES, CallToActionBlock, LinkBlock
from home import selectors


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
        logos = selectors.image_renditions_get(
            [partner["logo"] for partner in value["partners"]], selectors.LOGO_RENDITION
        )
        context["partners"] = [
            {"name": partner["name"], "logo": logos.get(getattr(partner["logo"], "pk", None)), "link": partner["link"]}
            for partner in value["partners"]
        ]
        return context


class HomeStreamBlock(blocks.StreamBlock):
    """Sections of the home page, in the order editors choose."""

    featured_pages = FeaturedPagesBlock()
    partners = PartnersStripBlock()
    call_to_action = CallToActionBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"))
