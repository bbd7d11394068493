"""Every write on the board: posting, moderation, reports, blocks, answers and the consent to share contacts.

Services are keyword-only and atomic; each "only once" rule has a unique constraint, and a repeat
(a replayed form, a double tap) returns the row already there. Emails go through django-tasks
enqueued after the commit (opportunities/tasks.py), each claimed once (opportunities/notifications.py).
"""

import time
import uuid

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from base.cdn import cdn_configured, cdn_page_urls, cdn_purge_after_commit
from base.page_cache import page_cache_bump
from opportunities import tasks
from opportunities.models import (
    Interest,
    InterestStatus,
    MemberStanding,
    Opportunity,
    OpportunityIndexPage,
    OpportunityReport,
    Status,
)


class OpportunityError(Exception):
    """A refused action, with a message for the person."""


class RateLimited(OpportunityError):
    """Too many posts or answers in the window; retry in `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


# --- Rate limits ------------------------------------------------------------------------------


def _rate(setting: str) -> tuple[int, int]:
    """A rate in allauth's notation ("5/h") as (count, seconds)."""
    count, _slash, unit = setting.partition("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]


def _rate_consume(*, name: str, user, setting: str) -> None:
    """Count one `name` action by `user` in a fixed window of the shared cache; raise past the limit.

    Like assessments' attempt_submit_rate_consume: shared by every process with Redis.
    """
    limit, period = _rate(setting)
    now = int(time.time())
    key = f"opportunities:{name}-rate:{user.pk}:{now // period}"
    cache.add(key, 0, timeout=period)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        used = 1
    if used > limit:
        raise RateLimited(_("You have sent too many in a short time. Try again later."), period - now % period)


# --- Who may post or answer ------------------------------------------------------------------


def member_is_verified(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.deleted_at is None
        and EmailAddress.objects.filter(user=user, verified=True).exists()
    )


def member_is_blocked(user) -> bool:
    return MemberStanding.objects.filter(user=user, posting_blocked=True).exists()


def _board_purge() -> None:
    """Purge the boards from a CDN once this commits (anonymous pages there live s-maxage)."""
    if not cdn_configured():
        return
    urls = []
    for board in OpportunityIndexPage.objects.live():
        urls += cdn_page_urls(board)
    cdn_purge_after_commit(urls)


# --- Posting and moderation ------------------------------------------------------------------

POST_FIELDS = (
    "direction",
    "kind",
    "title",
    "description",
    "sector",
    "topic",
    "countries",
    "partner_sought",
    "closes_on",
    "organisation",
    "language",
)


@transaction.atomic
def opportunity_create(*, poster, submission_key: uuid.UUID, data: dict) -> Opportunity:
    """Post an opportunity for review; the same form sent twice (same `submission_key`) posts it once.

    The member's row is locked first, so a form replayed from two tabs at once runs one after the
    other: the second finds the first's row, and neither replay counts against the rate limit.
    """
    get_user_model().objects.select_for_update().filter(pk=poster.pk).first()
    existing = Opportunity.objects.filter(poster=poster, submission_key=submission_key).first()
    if existing is not None:
        return existing
    if not member_is_verified(poster):
        raise OpportunityError(_("Verify your email address before you post an opportunity."))
    if member_is_blocked(poster):
        raise OpportunityError(_("You can no longer post opportunities. Write to us if you think this is a mistake."))
    _rate_consume(name="post", user=poster, setting=settings.OPPORTUNITY_POST_RATE_LIMIT)
    opportunity = Opportunity(poster=poster, submission_key=submission_key, status=Status.PENDING)
    for name in POST_FIELDS:
        if name in data:
            setattr(opportunity, name, data[name])
    opportunity.full_clean()
    try:
        with transaction.atomic():
            opportunity.save()
    except IntegrityError:  # the same form, sent at the same moment from another tab
        return Opportunity.objects.get(poster=poster, submission_key=submission_key)
    return opportunity


def _locked(opportunity: Opportunity) -> Opportunity:
    return Opportunity.objects.select_for_update().get(pk=opportunity.pk)


@transaction.atomic
def opportunity_approve(*, opportunity: Opportunity, by) -> Opportunity:
    """Publish a pending, hidden or rejected opportunity (an editor's decision); its reports are dismissed."""
    opportunity = _locked(opportunity)
    if opportunity.status == Status.PUBLISHED:
        return opportunity
    opportunity.status = Status.PUBLISHED
    opportunity.reviewed_by = by
    opportunity.review_message = ""
    opportunity.published_at = opportunity.published_at or timezone.now()
    opportunity.full_clean()
    opportunity.save()
    OpportunityReport.objects.filter(opportunity=opportunity).delete()
    _board_purge()
    return opportunity


@transaction.atomic
def opportunity_reject(*, opportunity: Opportunity, by, message: str) -> Opportunity:
    """Refuse an opportunity with a message the poster is emailed, in their language, once."""
    opportunity = _locked(opportunity)
    if opportunity.status == Status.REJECTED:
        return opportunity
    opportunity.status = Status.REJECTED
    opportunity.reviewed_by = by
    opportunity.review_message = message.strip()
    opportunity.full_clean()
    opportunity.save()
    pk = opportunity.pk
    transaction.on_commit(lambda: tasks.opportunity_rejected_announce.enqueue(opportunity_id=pk))
    _board_purge()
    return opportunity


@transaction.atomic
def opportunity_remove(*, opportunity: Opportunity, by) -> Opportunity:
    """Take an opportunity off the board for good (after a report, or at the poster's request)."""
    opportunity = _locked(opportunity)
    opportunity.status = Status.REMOVED
    opportunity.reviewed_by = by
    opportunity.save(update_fields=["status", "reviewed_by", "updated_at"])
    _board_purge()
    return opportunity


@transaction.atomic
def opportunity_close(*, opportunity: Opportunity, by) -> Opportunity:
    """The poster (or an editor) closes a published opportunity: it stays on the board, marked closed."""
    opportunity = _locked(opportunity)
    if opportunity.poster_id != by.pk and not by.has_perm("opportunities.change_opportunity"):
        raise OpportunityError(_("Only the person who posted it can close this opportunity."))
    if opportunity.status != Status.PUBLISHED:
        return opportunity
    opportunity.status = Status.CLOSED
    opportunity.save(update_fields=["status", "updated_at"])
    _board_purge()
    return opportunity


def opportunities_close_past(*, today=None) -> int:
    """Mark every published opportunity past its closing date as closed (the daily task); the count.

    The board already shows them closed from the date (computed at read time); this keeps the
    status true for the admin and the feeds, and drops the cached pages.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        pks = list(
            Opportunity.objects.filter(status=Status.PUBLISHED, closes_on__lt=today).values_list("pk", flat=True)
        )
        count = Opportunity.objects.filter(pk__in=pks, status=Status.PUBLISHED).update(
            status=Status.CLOSED, updated_at=timezone.now()
        )
        if count:
            page_cache_bump()
            _board_purge()
    return count


@transaction.atomic
def opportunity_report(*, opportunity: Opportunity, reporter, reason: str = "") -> OpportunityReport:
    """A signed-in member reports an opportunity: it is hidden until an editor reviews it; once per member."""
    if not member_is_verified(reporter):
        raise OpportunityError(_("Verify your email address before you report an opportunity."))
    opportunity = _locked(opportunity)
    if opportunity.poster_id == reporter.pk:
        raise OpportunityError(_("You cannot report your own opportunity."))
    if opportunity.status not in (Status.PUBLISHED, Status.HIDDEN, Status.CLOSED):
        raise OpportunityError(_("This opportunity is not on the board."))
    report, _created = OpportunityReport.objects.get_or_create(
        opportunity=opportunity, reporter=reporter, defaults={"reason": reason.strip()}
    )
    if opportunity.status in (Status.PUBLISHED, Status.CLOSED):
        opportunity.status = Status.HIDDEN
        opportunity.save(update_fields=["status", "updated_at"])
        _board_purge()
    return report


@transaction.atomic
def member_block_set(*, user, blocked: bool, note: str = "") -> MemberStanding:
    """Block (or unblock) a member from posting; their pending posts are rejected silently."""
    standing, _created = MemberStanding.objects.select_for_update().get_or_create(user=user)
    standing.posting_blocked = blocked
    if note:
        standing.note = note.strip()
    standing.full_clean()
    standing.save()
    return standing


# --- Expressions of interest -----------------------------------------------------------------


@transaction.atomic
def interest_send(*, opportunity: Opportunity, member, message: str, organisation: str = "") -> Interest:
    """Answer an open opportunity of someone else's, once; a repeat returns the first answer unchanged.

    The poster is emailed once, in their language, after the commit.
    """
    if not member_is_verified(member):
        raise OpportunityError(_("Verify your email address before you answer an opportunity."))
    opportunity = _locked(opportunity)
    if opportunity.poster_id == member.pk:
        raise OpportunityError(_("This is your own opportunity: you cannot answer it."))
    existing = Interest.objects.filter(opportunity=opportunity, member=member).first()
    if existing is not None:
        return existing
    if not opportunity.is_open:
        raise OpportunityError(_("This opportunity is not open to answers."))
    _rate_consume(name="answer", user=member, setting=settings.OPPORTUNITY_ANSWER_RATE_LIMIT)
    interest = Interest(
        opportunity=opportunity, member=member, message=message.strip(), organisation=organisation.strip()
    )
    interest.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            interest.save()
    except IntegrityError:
        return Interest.objects.get(opportunity=opportunity, member=member)
    pk = interest.pk
    transaction.on_commit(lambda: tasks.interest_received_announce.enqueue(interest_id=pk))
    return interest


@transaction.atomic
def interest_accept(*, interest: Interest, by) -> Interest:
    """The poster accepts an answer: both sides now see, and are emailed, each other's contacts."""
    interest = Interest.objects.select_for_update().select_related("opportunity").get(pk=interest.pk)
    if interest.opportunity.poster_id != by.pk:
        raise OpportunityError(_("Only the person who posted the opportunity can accept its answers."))
    if interest.is_accepted:
        return interest
    interest.status = InterestStatus.ACCEPTED
    interest.accepted_at = timezone.now()
    interest.save(update_fields=["status", "accepted_at"])
    pk = interest.pk
    transaction.on_commit(lambda: tasks.contacts_shared_announce.enqueue(interest_id=pk))
    return interest


# --- Account deletion ------------------------------------------------------------------------


def opportunities_on_account_deleted(sender, *, user, **kwargs):
    """Receiver of accounts' `account_deleted`: delete what the person posted, answered and reported.

    Their opportunities go with the answers others sent to them (those answerers lose a post that
    no longer exists); their answers to others' posts go too. Runs in the deleting transaction.
    """
    Interest.objects.filter(member=user).delete()
    OpportunityReport.objects.filter(reporter=user).delete()
    Opportunity.objects.filter(poster=user).delete()
    MemberStanding.objects.filter(user=user).delete()
    Opportunity.objects.filter(reviewed_by=user).update(reviewed_by=None)
