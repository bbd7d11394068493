"""Reads of nudges: who is due a message, which course to name, and what a learner's export holds."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation

from accounts.export import iso_or_none
from accounts.models import LearnerProfile
from base.pages import pages_public
from courses.models import CourseLevel, CoursePage, Enrollment, LessonCompletion
from courses.selectors import course_public_list
from nudges.models import MessageKind, MessagePreference, MessageSent

INACTIVE_AFTER = timedelta(days=7)
BATCH_SIZE = 500


def language_pick(code: str | None) -> str:
    """`code` if the site speaks it, else the default language."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def learner_language_get(user) -> str:
    """The language the learner chose on their profile (the default language when none)."""
    return language_pick(LearnerProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first())


def learner_name_get(user, profile: LearnerProfile | None = None) -> str:
    """How we greet the learner: their display name, their first name, or nothing."""
    return (profile.display_name if profile else "") or user.first_name or ""


def page_address(page) -> str:
    """The page's full address on this site."""
    url = page.get_url() or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def course_key_text(key) -> str:
    """A course's translation key as the ledger stores it (UUID text, with hyphens)."""
    return str(key)


def course_in_language_get(*, course_key, language: str, fallback=None):
    """The live, public course with `course_key` in `language`, else in the default one, else `fallback`."""
    with translation.override(language):
        course = course_public_list().filter(translation_key=course_key).first()
    return course or fallback


def course_suggestion_get(*, user, language: str) -> CoursePage | None:
    """A first course for a new learner, in their language (or the default one not yet translated).

    Courses in the learner's sector come first, then those in the topics they follow, then
    beginner courses, then the newest; never one they are already enrolled in.
    """
    profile = LearnerProfile.objects.filter(user=user).select_related("sector").first()
    topic_keys = list(
        MessagePreference.objects.filter(user=user)
        .values_list("topics__translation_key", flat=True)
        .exclude(topics__isnull=True)
    )
    enrolled = Enrollment.objects.filter(user=user).values("course_key")
    with translation.override(language):
        courses = course_public_list().exclude(translation_key__in=enrolled)
        sector = Q(pk=None)
        if profile and profile.sector:
            sector = Q(sectors__translation_key=profile.sector.translation_key)
        topics = Q(topics__translation_key__in=topic_keys) if topic_keys else Q(pk=None)
        for rule in (sector, topics, Q(level=CourseLevel.BEGINNER), Q()):
            course = courses.filter(rule).order_by("-first_published_at", "pk").first()
            if course is not None:
                return course
    return None


@dataclass
class ContinueDue:
    """A learner who has left an unfinished course alone for a week, and that course."""

    user: object
    enrollment: Enrollment
    language: str
    name: str
    last_active: datetime


def continue_due_list(
    *, now: datetime, after_user_id: int = 0, limit: int = BATCH_SIZE
) -> tuple[list[ContinueDue], int]:
    """One batch of learners due a "continue where you left off", and the user id to start the next one after.

    Due: an active account, an unfinished course they have not left, nothing done in it for
    `INACTIVE_AFTER`, nothing done in any course in that time either (an active learner needs
    no reminder), the reminder not turned off, never reminded of that course and not reminded of
    any in the last week. A fixed number of queries per batch (three), whatever its size.
    The learner's most recently touched course is the one named.
    """
    since = now - INACTIVE_AFTER
    last_done = LessonCompletion.objects.filter(enrollment=OuterRef("pk")).order_by("-completed_at")
    rows = list(
        Enrollment.objects.filter(
            left_at__isnull=True,
            completed_at__isnull=True,
            user_id__gt=after_user_id,
            user__is_active=True,
            user__deleted_at__isnull=True,
        )
        .annotate(last_active=Coalesce(Subquery(last_done.values("completed_at")[:1]), F("enrolled_at")))
        .filter(last_active__lte=since)
        .exclude(Exists(LessonCompletion.objects.filter(enrollment__user=OuterRef("user"), completed_at__gt=since)))
        .exclude(Exists(MessagePreference.objects.filter(user=OuterRef("user"), continue_learning=False)))
        .select_related("user", "user__profile", "course")
        .order_by("user_id", "-last_active", "pk")[:limit]
    )
    if not rows:
        return [], after_user_id
    sent: dict[int, tuple[set, bool]] = {}
    for user_id, key, sent_at in MessageSent.objects.filter(
        user_id__in={row.user_id for row in rows}, kind=MessageKind.CONTINUE
    ).values_list("user_id", "key", "sent_at"):
        keys, recent = sent.setdefault(user_id, (set(), False))
        sent[user_id] = (keys | {key}, recent or sent_at > now - INACTIVE_AFTER)
    due, seen = [], set()
    for row in rows:
        keys, recent = sent.get(row.user_id, (set(), False))
        if row.user_id in seen or recent or course_key_text(row.course_key) in keys:
            continue
        seen.add(row.user_id)
        profile = row.user.profile if profile_has(row.user) else None
        due.append(
            ContinueDue(
                user=row.user,
                enrollment=row,
                language=language_pick(profile.preferred_language if profile else None),
                name=learner_name_get(row.user, profile),
                last_active=row.last_active,
            )
        )
    return due, rows[-1].user_id


def profile_has(user) -> bool:
    """Whether the learner has filled in the profile step (a new account has no profile row)."""
    try:
        return user.profile is not None
    except LearnerProfile.DoesNotExist:
        return False


def courses_by_key_and_language(keys: set) -> dict:
    """{(translation key, language code): live public course} for `keys`, in one query."""
    pages = pages_public(CoursePage.objects.live().filter(translation_key__in=keys)).select_related("locale")
    return {(page.translation_key, page.locale.language_code): page for page in pages}


@dataclass
class Recipient:
    """A learner a new course is announced to."""

    user: object
    language: str
    name: str


def new_course_audience_list(*, course: CoursePage, after_user_id: int = 0, limit: int = BATCH_SIZE):
    """One batch of learners who asked for news of new courses in this course's sector or topics.

    Matched by the terms' translation keys, so a learner who chose a sector in French hears of an
    English course in it. Learners already enrolled are left out. One query per batch.
    """
    sector_keys = list(course.sectors.values_list("translation_key", flat=True))
    topic_keys = list(course.topics.values_list("translation_key", flat=True))
    if not sector_keys and not topic_keys:
        return [], after_user_id
    chose = MessagePreference.objects.filter(user=OuterRef("pk"), new_courses=True).filter(
        Q(user__profile__sector__translation_key__in=sector_keys) | Q(topics__translation_key__in=topic_keys)
    )
    users = list(
        get_user_model()
        .objects.filter(pk__gt=after_user_id, is_active=True, deleted_at__isnull=True)
        .filter(Exists(chose))
        .exclude(Exists(Enrollment.objects.filter(user=OuterRef("pk"), course_key=course.translation_key)))
        .select_related("profile")
        .order_by("pk")[:limit]
    )
    if not users:
        return [], after_user_id
    recipients = []
    for user in users:
        profile = user.profile if profile_has(user) else None
        recipients.append(
            Recipient(
                user=user,
                language=language_pick(profile.preferred_language if profile else None),
                name=learner_name_get(user, profile),
            )
        )
    return recipients, users[-1].pk


def message_export_list(user) -> dict:
    """The learner's message choices and the messages sent to them, for their data export."""
    preference = MessagePreference.objects.filter(user=user).prefetch_related("topics").first()
    topics = sorted(topic.name for topic in preference.topics.all()) if preference else []
    preference = preference or MessagePreference(user=user)
    return {
        "preferences": {
            "welcome": preference.welcome,
            "continue_learning": preference.continue_learning,
            "course_complete": preference.course_complete,
            "new_courses": preference.new_courses,
            "topics": topics,
        },
        "sent": [
            {"kind": kind, "about": key, "language": language, "sent_at": iso_or_none(sent_at)}
            for kind, key, language, sent_at in MessageSent.objects.filter(user=user)
            .order_by("sent_at", "pk")
            .values_list("kind", "key", "language", "sent_at")
        ],
    }
