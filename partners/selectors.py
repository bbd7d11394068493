"""Reads for the partner list and the partner report.

Each runs a fixed number of queries, whatever the number of partners, courses or learners.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch
from wagtail.images import get_image_model

from partners.models import PartnerPage

LOGO_RENDITION = "max-240x96"


def partners_by_path(*, public_only: bool = False) -> list:
    """Live partners, longest path first, to find the partner above a page by its path (see partner_for).

    The slug is loaded too: the catalog and library filters key partners by slug. Lists of public
    pages ask for `public_only`, so a partner hidden by a view restriction is never offered as a filter.
    """
    partners = PartnerPage.objects.live()
    if public_only:
        partners = partners.public()
    return list(partners.only("id", "title", "slug", "path", "url_path", "locale_id").order_by("-path"))


def partner_for(page, partners) -> PartnerPage | None:
    """The partner whose subtree holds `page`, among `partners` (from partners_by_path)."""
    return next((partner for partner in partners if page.path.startswith(partner.path)), None)


@dataclass
class PartnerIndex:
    """A partner list's partners, filtered, and how many partners it has in all."""

    partners: list
    total: int


def partner_index_counts_get(*, index) -> dict:
    """How many of the index's live, public partners are in each country and of each type."""
    partners = PartnerPage.objects.child_of(index).live().public()
    return {
        "country": dict(partners.order_by().values_list("country").annotate(n=Count("pk"))),
        "kind": dict(partners.order_by().values_list("kind").annotate(n=Count("pk"))),
    }


def partner_index_get(*, index, filters: dict, counts: dict) -> PartnerIndex:
    """The index's live, public partners in the country and of the type `filters` ask for, with their logos.

    `counts` come from partner_index_counts_get; `filters` from PartnerFilterForm.valid_filters.
    """
    partners = PartnerPage.objects.child_of(index).live().public()
    if country := filters.get("country"):
        partners = partners.filter(country=country)
    if kind := filters.get("kind"):
        partners = partners.filter(kind=kind)
    logos = get_image_model().objects.prefetch_renditions(LOGO_RENDITION)
    partner_list = list(partners.prefetch_related(Prefetch("logo", queryset=logos)).order_by("title", "pk"))
    return PartnerIndex(partners=partner_list, total=sum(counts["country"].values()))


# A learner is "active" in a course when their enrolment is open and they enrolled, completed a
# lesson or submitted one of its quizzes in the last ACTIVE_DAYS days.
ACTIVE_DAYS = 30
UNKNOWN_COUNTRY = "unknown"


def report_partners_for(user) -> list:
    """The partner pages whose report `user` may read: all for editors, their own team's otherwise."""
    from partners.models import PartnerTeam

    if not user.is_active:
        return []
    partners = PartnerPage.objects.all()
    if not (user.is_superuser or user.has_perm("partners.view_all_partner_reports")):
        partners = partners.filter(team__group__in=PartnerTeam.objects.filter(group__user=user).values("group"))
    return list(partners.select_related("locale").order_by("title", "pk"))


def partner_report_get(*, partner: PartnerPage, now=None) -> dict:
    """Per course of `partner`: enrolments, active learners, completions, pass rates by month, countries.

    Learners are named only when they agreed to share their progress with a course's partner.
    """
    from datetime import timedelta

    from django.db.models import Q
    from django.db.models.functions import TruncMonth
    from django.utils import timezone

    from accounts.selectors import learner_public_name
    from assessments.models import QuizAttempt, QuizPage
    from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage

    now = now or timezone.now()
    since = now - timedelta(days=ACTIVE_DAYS)
    courses = list(CoursePage.objects.descendant_of(partner).order_by("title", "pk"))
    by_key = {course.translation_key: course for course in courses}
    keys = list(by_key)

    def owner_key(page):
        course = next((course for course in courses if page.path.startswith(course.path)), None)
        return course.translation_key if course else None

    quizzes = {quiz.translation_key: owner_key(quiz) for quiz in QuizPage.objects.descendant_of(partner).only("path", "translation_key")}
    required = {}
    for lesson in LessonPage.objects.descendant_of(partner).live().filter(is_required=True).only("path", "translation_key"):
        required.setdefault(owner_key(lesson), set()).add(lesson.translation_key)

    enrollments = Enrollment.objects.filter(course_key__in=keys)
    totals = {
        row["course_key"]: row
        for row in enrollments.order_by()
        .values("course_key")
        .annotate(
            enrolled=Count("pk", distinct=True),
            completed=Count("pk", distinct=True, filter=Q(completed_at__isnull=False)),
        )
    }
    recent_quiz_users = QuizAttempt.objects.filter(
        quiz_key__in=list(quizzes), submitted_at__gte=since
    ).values_list("quiz_key", "user_id")
    active = {}
    for course_key, user_id in enrollments.filter(left_at__isnull=True).filter(
        Q(enrolled_at__gte=since) | Q(completions__completed_at__gte=since)
    ).values_list("course_key", "user_id"):
        active.setdefault(course_key, set()).add(user_id)
    open_enrolments = set(enrollments.filter(left_at__isnull=True).values_list("course_key", "user_id"))
    for quiz_key, user_id in recent_quiz_users:
        course_key = quizzes.get(quiz_key)
        if (course_key, user_id) in open_enrolments:
            active.setdefault(course_key, set()).add(user_id)

    months = {}
    for row in (
        QuizAttempt.objects.filter(quiz_key__in=list(quizzes))
        .annotate(month=TruncMonth("submitted_at"))
        .order_by()
        .values("quiz_key", "month")
        .annotate(attempts=Count("pk"), passes=Count("pk", filter=Q(passed=True)))
    ):
        course_key = quizzes.get(row["quiz_key"])
        month = row["month"].date().replace(day=1) if hasattr(row["month"], "date") else row["month"]
        cell = months.setdefault(course_key, {}).setdefault(month, {"attempts": 0, "passes": 0})
        cell["attempts"] += row["attempts"]
        cell["passes"] += row["passes"]

    countries = {}
    for course_key, country, count in (
        enrollments.order_by().values_list("course_key", "user__profile__country").annotate(n=Count("pk"))
    ):
        code = country or UNKNOWN_COUNTRY
        bucket = countries.setdefault(course_key, {})
        bucket[code] = bucket.get(code, 0) + count

    done = {}
    for enrollment_id, lesson_key in LessonCompletion.objects.filter(
        enrollment__course_key__in=keys, enrollment__user__profile__share_progress_with_partner=True
    ).values_list("enrollment_id", "lesson_key"):
        done.setdefault(enrollment_id, set()).add(lesson_key)
    named = {}
    for enrollment in (
        enrollments.filter(user__profile__share_progress_with_partner=True)
        .select_related("user", "user__profile")
        .order_by("user__last_name", "user__first_name", "user__pk")
    ):
        lessons = required.get(enrollment.course_key, set())
        named.setdefault(enrollment.course_key, []).append(
            {
                "name": learner_public_name(user=enrollment.user, profile=enrollment.user.profile),
                "enrolled_at": enrollment.enrolled_at,
                "completed_at": enrollment.completed_at,
                "left_at": enrollment.left_at,
                "progress": round(100 * len(done.get(enrollment.pk, set()) & lessons) / len(lessons)) if lessons else 0,
            }
        )

    for learners in named.values():
        learners.sort(key=lambda learner: learner["name"].casefold())

    rows = []
    for course in courses:
        key = course.translation_key
        total = totals.get(key, {})
        enrolled = total.get("enrolled", 0)
        completed = total.get("completed", 0)
        course_months = [
            {
                "month": month,
                "attempts": cell["attempts"],
                "passes": cell["passes"],
                "pass_rate": round(100 * cell["passes"] / cell["attempts"]),
            }
            for month, cell in sorted(months.get(key, {}).items())
        ]
        course_countries = sorted(
            countries.get(key, {}).items(), key=lambda item: (item[0] == UNKNOWN_COUNTRY, -item[1], item[0])
        )
        rows.append(
            {
                "course": course,
                "enrolled": enrolled,
                "active": len(active.get(key, ())),
                "completed": completed,
                "completion_rate": round(100 * completed / enrolled) if enrolled else None,
                "months": course_months,
                "countries": [
                    {"code": code, "name": _country_name(code), "count": count} for code, count in course_countries
                ],
                "learners": named.get(key, []),
                "hidden_learners": enrolled - len(named.get(key, [])),
            }
        )
    return {"partner": partner, "rows": rows, "active_days": ACTIVE_DAYS, "generated_at": now}


def _country_name(code: str) -> str:
    from django.utils.translation import gettext
    from django_countries import countries

    if code == UNKNOWN_COUNTRY:
        return gettext("Unknown")
    return countries.name(code) or code
