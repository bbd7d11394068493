"""Blocks of a lesson's body."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from base.blocks import RICH_TEXT_FEATURES, CalloutBlock, CaptionedImageBlock, HeadingBlock
from base.locales import page_localized

# Video hosts whose embed address we can build ourselves, so the lesson page loads nothing
# from them until the learner asks for the video.
_YOUTUBE = re.compile(r"^https://(?:www\.|m\.)?(?:youtube\.com/watch\?(?:.*&)?v=|youtu\.be/)([\w-]{11})")
_VIMEO = re.compile(r"^https://(?:www\.)?vimeo\.com/(\d+)")


def video_embed_url(url: str) -> str:
    """The privacy-friendly embed address for a YouTube or Vimeo link, or "" if unknown."""
    if match := _YOUTUBE.match(url or ""):
        return f"https://www.youtube-nocookie.com/embed/{match.group(1)}?autoplay=1"
    if match := _VIMEO.match(url or ""):
        return f"https://player.vimeo.com/video/{match.group(1)}?autoplay=1&dnt=1"
    return ""


# What a minute of video costs at a phone's resolution (360p, H.264 with AAC audio: about
# 0.65 Mbit/s), for the estimate shown before a learner presses play (issue 20).
VIDEO_BYTES_PER_SECOND = 80_000
_DURATION = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)\s*$")


def video_seconds(duration: str) -> int | None:
    """The editor's "4:30" or "1:02:30" in seconds, or None when it is missing or not a length."""
    match = _DURATION.match(duration or "")
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


class VideoValue(blocks.StructValue):
    def embed_url(self):
        return video_embed_url(self.get("url"))

    def approximate_bytes(self) -> int | None:
        """About how many bytes the video costs at a phone's resolution, from the length the editor gave."""
        seconds = video_seconds(self.get("duration"))
        return seconds * VIDEO_BYTES_PER_SECOND if seconds else None


class VideoBlock(blocks.StructBlock):
    """A video shown as a light link-and-button facade; the player loads only on request."""

    url = blocks.URLBlock(label=_("Video address (YouTube or Vimeo)"))
    title = blocks.CharBlock(max_length=160, label=_("Title"))
    duration = blocks.CharBlock(required=False, max_length=10, label=_("Length, e.g. 4:30"))
    transcript = blocks.RichTextBlock(required=False, features=RICH_TEXT_FEATURES, label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "courses/blocks/video_block.html"
        value_class = VideoValue

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Use a YouTube or Vimeo address."))}
            )
        return value


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, max_length=160, label=_("Title (default: the document's)"))
    description = blocks.TextBlock(required=False, max_length=400, label=_("What it is for"))

    class Meta:
        icon = "download"
        template = "courses/blocks/download_block.html"


class TakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1, max_num=10, label=_("Points"))

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/takeaways_block.html"


class ResourceLinkBlock(blocks.StructBlock):
    """A pointer to a know-how resource (a guide, toolkit or case study) elsewhere on the site."""

    page = blocks.PageChooserBlock(label=_("Resource page"))
    description = blocks.TextBlock(required=False, max_length=300, label=_("Why it helps"))

    class Meta:
        icon = "link"
        template = "courses/blocks/resource_link_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["target"] = page_localized(value["page"])
        return context


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"))
    image = CaptionedImageBlock()
    video = VideoBlock()
    download = DownloadBlock()
    callout = CalloutBlock()
    takeaways = TakeawaysBlock()
    resource = ResourceLinkBlock()
