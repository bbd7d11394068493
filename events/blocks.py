"""The blocks of an event page: its programme, its speakers and its materials."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ProgrammeItemBlock(blocks.StructBlock):
    """One slot of the programme, its time in the event's own time zone."""

    starts = blocks.TimeBlock(label=_("Starts at (the event's time zone)"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=1000)
    speakers = blocks.CharBlock(label=_("Speakers"), required=False, max_length=300)

    class Meta:
        icon = "time"
        label = _("Programme item")


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role and organisation"), required=False, max_length=200)
    bio = blocks.TextBlock(label=_("Short biography"), required=False, max_length=800)
    photo = ImageChooserBlock(label=_("Photo"), required=False)

    class Meta:
        icon = "user"
        label = _("Speaker")


class MaterialLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Link text"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link (slides, recording…)")


class MaterialDocumentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)
    document = DocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "doc-full"
        label = _("Document")


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()


class SpeakersBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()


class MaterialsBlock(blocks.StreamBlock):
    link = MaterialLinkBlock()
    document = MaterialDocumentBlock()
