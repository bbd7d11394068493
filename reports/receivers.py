"""Counts page views per page and day from `base.signals.page_viewed`, storing nothing about the reader.

No address, user, cookie or user agent is kept: the agent is read only to leave out obvious robots,
and the row holds the page's translation key, its kind, the day and a number.
"""

import datetime
import logging
import uuid

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from courses.models import CoursePage
from library.models import ResourcePage
from reports.models import PageViewDay, ViewedPageKind

logger = logging.getLogger(__name__)

# Substrings of the User-Agent header that crawlers announce themselves with (lower case).
ROBOT_MARKERS = ("bot", "crawl", "spider", "slurp")


def request_is_robot(request) -> bool:
    """An empty User-Agent or one that names a crawler: not a reader."""
    agent = request.META.get("HTTP_USER_AGENT", "").lower()
    return not agent.strip() or any(marker in agent for marker in ROBOT_MARKERS)


def page_view_kind(page) -> str:
    if isinstance(page, CoursePage):
        return ViewedPageKind.COURSE
    if isinstance(page, ResourcePage):
        return ViewedPageKind.RESOURCE
    return ""


def page_view_add(*, page_key: uuid.UUID, kind: str, day: datetime.date) -> None:
    """One more view of a page on a day; racing views are neither lost nor counted twice.

    An UPDATE with F() adds in the database; the first view of the day INSERTs in a savepoint, and
    the one that loses that race to another request finds its row and adds to it instead.
    """
    views = PageViewDay.objects.filter(page_key=page_key, day=day)
    if views.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            PageViewDay.objects.create(page_key=page_key, kind=kind, day=day, views=1)
    except IntegrityError:
        views.update(views=F("views") + 1)


def page_viewed_count(sender, *, page, request, **kwargs):
    """Receiver of `page_viewed`: count a reader's view; a failed count never breaks the page."""
    kind = page_view_kind(page)
    if not kind or request_is_robot(request):
        return
    try:
        with transaction.atomic():  # a savepoint: a failure leaves any outer transaction usable
            page_view_add(page_key=page.translation_key, kind=kind, day=timezone.localdate())
    except DatabaseError:
        logger.warning("Page view of %s not counted", page.translation_key, exc_info=True)
