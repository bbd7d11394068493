"""The items of a newsletter issue: any page of the site, with an optional note from the editor."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class NewsletterItemBlock(blocks.StructBlock):
    """A page to point readers to (a course, a resource, news, an event…), shown from its own title,
    summary and address; the note replaces the summary when the editor writes one."""

    page = blocks.PageChooserBlock(label=_("Page"))
    note = blocks.TextBlock(
        required=False,
        max_length=400,
        label=_("Note"),
        help_text=_("Optional: a sentence of your own, shown instead of the page's summary."),
    )

    class Meta:
        icon = "link"
        label = _("Item")


class NewsletterItemsBlock(blocks.StreamBlock):
    item = NewsletterItemBlock()

    class Meta:
        max_num = 30
