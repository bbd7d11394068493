"""Counts page views per page and day from `base.signals.page_viewed`, storing nothing about the reader.

Views are written in batches (reports/page_views.py), not one row update per page served.

No address, user, cookie or user agent is kept: the agent is read only to leave out obvious robots,
and the row holds the page's translation key, its kind, the day and a number.
"""

import logging

from django.db import DatabaseError
from django.utils import timezone

from courses.models import CoursePage
from library.models import ResourcePage
from reports.models import ViewedPageKind
from reports.page_views import page_view_note

logger = logging.getLogger(__name__)

# Substrings of the User-Agent header that crawlers announce themselves with (lower case).
ROBOT_MARKERS = ("bot", "crawl", "spider", "slurp")


def request_is_robot(request) -> bool:
    """An empty User-Agent or one that names a crawler: not a reader."""
    agent = request.META.get("HTTP_USER_AGENT", "").lower()
    return not agent.strip() or any(marker in agent for marker in ROBOT_MARKERS)


def page_view_kind(page_class) -> str:
    if issubclass(page_class, CoursePage):
        return ViewedPageKind.COURSE
    if issubclass(page_class, ResourcePage):
        return ViewedPageKind.RESOURCE
    return ""


def page_viewed_count(sender, *, page_key, request, **kwargs):
    """Receiver of `page_viewed`: count a reader's view; a failed count never breaks the page."""
    kind = page_view_kind(sender)
    if not kind or request_is_robot(request):
        return
    try:
        page_view_note(page_key=page_key, kind=kind, day=timezone.localdate())
    except DatabaseError:
        logger.warning("Page view of %s not counted", page_key, exc_info=True)
