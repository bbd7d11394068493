"""Page views counted in memory and written to PageViewDay in one batch, at most every PAGE_VIEW_FLUSH_SECONDS.

A course page served from the page cache still counts as a view; writing a row for each would put
a database write (and on SQLite, the one writer lock) behind every hit. Each process adds views up
in memory under a lock and writes them in one transaction once PAGE_VIEW_FLUSH_SECONDS have passed
since its last write, and once more when it exits (atexit: gunicorn's workers exit cleanly on a
restart, a `max_requests` recycle or a shutdown). A batch is taken out of memory before it is
written, so two flushes never write the same views; a batch whose transaction fails is put back
for the next flush, so no view is lost in normal operation. A worker killed outright (SIGKILL, a
crash) loses at most its last PAGE_VIEW_FLUSH_SECONDS of counts. 0 writes each view at once.

With Redis as the default cache (REDIS_URL), the counts are kept in Redis instead, so every
gunicorn process and machine adds to one tally (HINCRBY on one hash, atomic) and one of them writes
it: the first to take a lock that lasts PAGE_VIEW_FLUSH_SECONDS. A flush renames the hash to a name
of its own (atomic: views counted after it go into a new hash), writes it in one transaction, then
deletes it; a failed transaction adds the batch back. A process killed between the rename and the
delete leaves its batch under `page-views:batch:*`, neither written nor counted twice.
"""

import atexit
import datetime
import logging
import threading
import time
import uuid
from collections import Counter

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from redis.exceptions import ResponseError

from reports.models import PageViewDay

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: Counter = Counter()  # (page_key, kind, day) -> views not yet written
_last_flush = time.monotonic()

PENDING_KEY = "page-views:pending"
FLUSH_LOCK_KEY = "page-views:flush-lock"


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
    redis = _redis()
    if redis is not None:
        redis.hincrby(_key(PENDING_KEY), _field(page_key, kind, day), 1)
    else:
        with _lock:
            _pending[(page_key, kind, day)] += 1
    # Inside a request's transaction the batch would share its fate: leave it to a later request.
    if not transaction.get_connection().in_atomic_block and _flush_due(redis, seconds):
        page_view_flush()


def _flush_due(redis, seconds: int) -> bool:
    """Whether this process writes the batch now: once every `seconds`, here or across processes."""
    if redis is not None:  # the lock's expiry is the clock every process shares
        return bool(redis.set(_key(FLUSH_LOCK_KEY), "1", nx=True, ex=seconds))
    with _lock:
        return time.monotonic() - _last_flush >= seconds


def _redis():
    """The Redis client behind the default cache, or None when the cache is not Redis."""
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return cache._cache.get_client(write=True)  # Django's RedisCache: no public handle on the client
    return None


def _key(name: str) -> str:
    """A key in the cache's namespace (KEY_PREFIX, version), as the cache would write it."""
    return caches["default"].make_and_validate_key(name)


def _field(page_key, kind: str, day: datetime.date) -> str:
    return f"{page_key}|{kind}|{day.isoformat()}"


def _unfield(field) -> tuple:
    page_key, kind, day = (field.decode() if isinstance(field, bytes) else field).split("|")
    return uuid.UUID(page_key), kind, datetime.date.fromisoformat(day)


def page_view_pending() -> int:
    """How many views are held, not yet written: in Redis (every process's), or in this process's memory."""
    redis = _redis()
    if redis is not None:
        return sum(int(views) for views in redis.hvals(_key(PENDING_KEY)))
    with _lock:
        return sum(_pending.values())


def page_view_flush() -> int:
    """Write every view held in one transaction; returns how many were written (0 if it failed)."""
    redis = _redis()
    if redis is not None:
        return _flush_redis(redis)
    return _flush_memory()


def _write(batch: dict) -> None:
    with transaction.atomic():
        for (page_key, kind, day), views in batch.items():
            page_view_add(page_key=page_key, kind=kind, day=day, views=views)


def _flush_redis(redis) -> int:
    pending = _key(PENDING_KEY)
    taken = _key(f"page-views:batch:{uuid.uuid4().hex}")
    try:
        redis.rename(pending, taken)  # atomic: this flush alone holds these views
    except ResponseError:  # no such key: nothing counted since the last flush
        return 0
    raw = redis.hgetall(taken)
    batch = {_unfield(field): int(views) for field, views in raw.items()}
    try:
        _write(batch)
    except DatabaseError:
        with redis.pipeline(transaction=True) as pipe:  # back into the tally, and the batch gone, at once
            for field, views in raw.items():
                pipe.hincrby(pending, field, int(views))
            pipe.delete(taken)
            pipe.execute()
        logger.warning("%d page views not written yet; kept for the next flush", sum(batch.values()), exc_info=True)
        return 0
    redis.delete(taken)
    return sum(batch.values())


def _flush_memory() -> int:
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return 0
    try:
        _write(batch)
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
