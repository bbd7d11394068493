"""Page views counted in memory and written to PageViewDay in one batch, at most every PAGE_VIEW_FLUSH_SECONDS.

A course page served from the page cache still counts as a view; writing a row for each would put
a database write (and on SQLite, the one writer lock) behind every hit. Each process adds views up
in memory under a lock and writes them in one transaction once PAGE_VIEW_FLUSH_SECONDS have passed
since its last write, and once more when it exits (atexit: gunicorn's workers exit cleanly on a
restart, a `max_requests` recycle or a shutdown). A batch is taken out of memory before it is
written, so two flushes never write the same views; a batch whose transaction fails is put back
for the next flush, so no view is lost in normal operation. A worker killed outright (SIGKILL, a
crash) loses at most its last PAGE_VIEW_FLUSH_SECONDS of counts. 0 writes each view at once.
"""

import atexit
import datetime
import logging
import threading
import time
import uuid
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F

from reports.models import PageViewDay

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: Counter = Counter()  # (page_key, kind, day) -> views not yet written
_last_flush = time.monotonic()


def page_view_add(*, page_key: uuid.UUID, kind: str, day: datetime.date, views: int = 1) -> None:
    """`views` more views of a page on a day; racing writers are neither lost nor counted twice.

    An UPDATE with F() adds in the database; the first view of the day INSERTs in a savepoint, and
    the one that loses that race to another writer finds its row and adds to it instead.
    """
    rows = PageViewDay.objects.filter(page_key=page_key, day=day)
    if rows.update(views=F("views") + views):
        return
    try:
        with transaction.atomic():
            PageViewDay.objects.create(page_key=page_key, kind=kind, day=day, views=views)
    except IntegrityError:
        rows.update(views=F("views") + views)


def page_view_note(*, page_key: uuid.UUID, kind: str, day: datetime.date) -> None:
    """Count one view in memory, written with the others when a flush is due (at once if the setting is 0)."""
    seconds = settings.PAGE_VIEW_FLUSH_SECONDS
    if seconds <= 0:
        with transaction.atomic():  # a savepoint: a failure leaves any outer transaction usable
            page_view_add(page_key=page_key, kind=kind, day=day)
        return
    with _lock:
        _pending[(page_key, kind, day)] += 1
        due = time.monotonic() - _last_flush >= seconds
    # Inside a request's transaction the batch would share its fate: leave it to a later request.
    if due and not transaction.get_connection().in_atomic_block:
        page_view_flush()


def page_view_pending() -> int:
    """How many views this process holds, not yet written."""
    with _lock:
        return sum(_pending.values())


def page_view_flush() -> int:
    """Write every view held in memory in one transaction; returns how many were written (0 if it failed)."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return 0
    try:
        with transaction.atomic():
            for (page_key, kind, day), views in batch.items():
                page_view_add(page_key=page_key, kind=kind, day=day, views=views)
    except DatabaseError:
        with _lock:  # rolled back as a whole: put every view back for the next flush
            _pending.update(batch)
        logger.warning("%d page views not written yet; kept for the next flush", sum(batch.values()), exc_info=True)
        return 0
    return sum(batch.values())


def _flush_at_exit():
    try:
        page_view_flush()
    except Exception:  # noqa: BLE001 (the process is ending: say so, never raise from atexit)
        logger.exception("Page views not written at exit")


atexit.register(_flush_at_exit)
