"""Reads for the admin reports: quiz results, and each partner's courses, pass rates, countries and learners.

Each runs a fixed number of queries, whatever the number of quizzes, courses or learners.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext
from django_countries import countries as country_names

from accounts.selectors import learner_public_name_get
from assessments.models import QuizAnswer, QuizAttempt, QuizPage
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage
from partners.models import PartnerPage

# A learner is "active" in a course when their enrolment is open and they enrolled, completed a
# lesson or submitted one of its quizzes in the last ACTIVE_DAYS days.
ACTIVE_DAYS = 30
UNKNOWN_COUNTRY = "unknown"


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


# Quiz results


@dataclass(frozen=True)
class QuizReportRow:
    quiz: QuizPage
    attempts: int
    learners: int
    pass_rate: int | None
    average: float | None

    @property
    def title(self) -> str:
        return self.quiz.title

    @property
    def language(self) -> str:
        return self.quiz.locale.get_display_name()


@dataclass(frozen=True)
class OptionReport:
    text: str
    is_correct: bool
    count: int
    share: int


@dataclass(frozen=True)
class QuestionReport:
    number: int
    prompt: str
    kind: str
    answered: int
    correct_share: int | None
    options: list[OptionReport] = field(default_factory=list)


@dataclass(frozen=True)
class QuizReport:
    quiz: QuizPage
    questions: list[QuestionReport]
    attempts: int
    learners: int
    pass_rate: int | None


def quiz_list():
    """Every quiz, drafts included, by title: the rows of the quiz report before their numbers."""
    return QuizPage.objects.order_by("title", "pk").select_related("locale")


def quiz_report_list(*, quizzes=None) -> list[QuizReportRow]:
    """Each quiz (all, by default) with its attempts, learners, pass rate and average score.

    Attempts in every language of a quiz count together (they share its translation key).
    """
    quizzes = list(quiz_list() if quizzes is None else quizzes)
    rows = (
        QuizAttempt.objects.filter(quiz_key__in={quiz.translation_key for quiz in quizzes})
        .values("quiz_key")
        .annotate(
            attempts=Count("pk"),
            learners=Count("user", distinct=True),
            passes=Count("pk", filter=Q(passed=True)),
            average=Avg("score"),
        )
        .order_by()
    )
    stats = {row["quiz_key"]: row for row in rows}
    report = []
    for quiz in quizzes:
        row = stats.get(quiz.translation_key, {})
        attempts = row.get("attempts", 0)
        report.append(
            QuizReportRow(
                quiz=quiz,
                attempts=attempts,
                learners=row.get("learners", 0),
                pass_rate=_share(row.get("passes", 0), attempts),
                average=row.get("average"),
            )
        )
    return report


def quiz_report_get(*, quiz: QuizPage) -> QuizReport:
    """Per question: how many answered, the share fully correct, and the share that picked each option."""
    answers = QuizAnswer.objects.filter(attempt__quiz_key=quiz.translation_key).values_list(
        "question_id", "option_ids", "value", "is_correct"
    )
    answered = Counter()
    correct = Counter()
    picks = defaultdict(Counter)
    for question_id, option_ids, value, is_correct in answers:
        answered[question_id] += 1
        correct[question_id] += int(is_correct)
        for option_id in option_ids or ([value] if value in ("true", "false") else []):
            picks[question_id][option_id] += 1
    questions = []
    for number, block in enumerate(quiz.questions, start=1):
        total = answered[block.id]
        options = block.block.report_options(block.value)
        questions.append(
            QuestionReport(
                number=number,
                prompt=block.value["prompt"],
                kind=block.block_type,
                answered=total,
                correct_share=_share(correct[block.id], total),
                options=[
                    OptionReport(
                        text=text,
                        is_correct=is_correct,
                        count=picks[block.id][option_id],
                        share=_share(picks[block.id][option_id], total) or 0,
                    )
                    for option_id, text, is_correct in options
                ],
            )
        )
    attempts = QuizAttempt.objects.filter(quiz_key=quiz.translation_key).aggregate(
        count=Count("pk"), passes=Count("pk", filter=Q(passed=True)), learners=Count("user", distinct=True)
    )
    return QuizReport(
        quiz=quiz,
        questions=questions,
        attempts=attempts["count"],
        learners=attempts["learners"],
        pass_rate=_share(attempts["passes"], attempts["count"]),
    )


# Partner report


@dataclass(frozen=True)
class PartnerCourseRow:
    course: CoursePage
    enrolled: int
    active: int
    completed: int
    completion_rate: int | None
    hidden_learners: int

    @property
    def title(self) -> str:
        return self.course.title


@dataclass(frozen=True)
class PartnerMonthRow:
    course: CoursePage
    month: datetime.date
    attempts: int
    passes: int
    pass_rate: int


@dataclass(frozen=True)
class PartnerCountryRow:
    course: CoursePage
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class PartnerLearnerRow:
    course: CoursePage
    name: str
    enrolled_at: datetime.datetime
    completed_at: datetime.datetime | None
    left_at: datetime.datetime | None
    progress: int


def partner_course_list(*, partner: PartnerPage):
    """The partner's courses, drafts included, by title."""
    return CoursePage.objects.descendant_of(partner).order_by("title", "pk")


def _courses_for(partner: PartnerPage, course: CoursePage | None) -> list[CoursePage]:
    courses = partner_course_list(partner=partner)
    if course is not None:
        courses = courses.filter(pk=course.pk)
    return list(courses)


def _owner_keys(courses: list[CoursePage], pages) -> dict:
    """translation_key of each page → translation_key of the course (among `courses`) that holds it."""
    owners = {}
    for page in pages:
        owner = next((course for course in courses if page.path.startswith(course.path)), None)
        if owner is not None:
            owners[page.translation_key] = owner.translation_key
    return owners


def _quiz_owners(partner: PartnerPage, courses: list[CoursePage]) -> dict:
    return _owner_keys(courses, QuizPage.objects.descendant_of(partner).only("path", "translation_key"))


def partner_course_rows(
    *, partner: PartnerPage, courses, now: datetime.datetime | None = None
) -> list[PartnerCourseRow]:
    """Per course of `partner` among `courses`: enrolments, active learners, completions, learners not named."""
    courses = list(courses)
    now = now or timezone.now()
    since = now - datetime.timedelta(days=ACTIVE_DAYS)
    keys = [course.translation_key for course in courses]
    quizzes = _quiz_owners(partner, courses)
    enrollments = Enrollment.objects.filter(course_key__in=keys)
    totals = {
        row["course_key"]: row
        for row in enrollments.order_by()
        .values("course_key")
        .annotate(
            enrolled=Count("pk", distinct=True),
            completed=Count("pk", distinct=True, filter=Q(completed_at__isnull=False)),
            named=Count("pk", distinct=True, filter=Q(user__profile__share_progress_with_partner=True)),
        )
    }
    active = defaultdict(set)
    for course_key, user_id in (
        enrollments.filter(left_at__isnull=True)
        .filter(Q(enrolled_at__gte=since) | Q(completions__completed_at__gte=since))
        .values_list("course_key", "user_id")
    ):
        active[course_key].add(user_id)
    open_enrolments = set(enrollments.filter(left_at__isnull=True).values_list("course_key", "user_id"))
    for quiz_key, user_id in QuizAttempt.objects.filter(
        quiz_key__in=list(quizzes), submitted_at__gte=since
    ).values_list("quiz_key", "user_id"):
        course_key = quizzes[quiz_key]
        if (course_key, user_id) in open_enrolments:
            active[course_key].add(user_id)
    rows = []
    for course in courses:
        total = totals.get(course.translation_key, {})
        enrolled = total.get("enrolled", 0)
        completed = total.get("completed", 0)
        rows.append(
            PartnerCourseRow(
                course=course,
                enrolled=enrolled,
                active=len(active[course.translation_key]),
                completed=completed,
                completion_rate=_share(completed, enrolled),
                hidden_learners=enrolled - total.get("named", 0),
            )
        )
    return rows


def partner_month_list(
    *,
    partner: PartnerPage,
    course: CoursePage | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> list[PartnerMonthRow]:
    """Quiz attempts and passes per course and month, for attempts submitted between the two dates (inclusive)."""
    courses = _courses_for(partner, course)
    by_key = {course.translation_key: course for course in courses}
    quizzes = _quiz_owners(partner, courses)
    attempts = QuizAttempt.objects.filter(quiz_key__in=list(quizzes))
    if date_from:
        attempts = attempts.filter(submitted_at__date__gte=date_from)
    if date_to:
        attempts = attempts.filter(submitted_at__date__lte=date_to)
    months = defaultdict(lambda: {"attempts": 0, "passes": 0})
    for row in (
        attempts.annotate(month=TruncMonth("submitted_at"))
        .order_by()
        .values("quiz_key", "month")
        .annotate(attempts=Count("pk"), passes=Count("pk", filter=Q(passed=True)))
    ):
        month = row["month"].date().replace(day=1) if hasattr(row["month"], "date") else row["month"]
        cell = months[(quizzes[row["quiz_key"]], month)]
        cell["attempts"] += row["attempts"]
        cell["passes"] += row["passes"]
    order = {course.translation_key: index for index, course in enumerate(courses)}
    return [
        PartnerMonthRow(
            course=by_key[course_key],
            month=month,
            attempts=cell["attempts"],
            passes=cell["passes"],
            pass_rate=_share(cell["passes"], cell["attempts"]),
        )
        for (course_key, month), cell in sorted(months.items(), key=lambda item: (order[item[0][0]], item[0][1]))
    ]


def _country_name(code: str) -> str:
    if code == UNKNOWN_COUNTRY:
        return gettext("Unknown")
    return country_names.name(code) or code


def partner_country_list(*, partner: PartnerPage, course: CoursePage | None = None) -> list[PartnerCountryRow]:
    """Learners per course and country, most first; learners without a country last, as "Unknown"."""
    courses = _courses_for(partner, course)
    counts = defaultdict(Counter)
    for course_key, country, count in (
        Enrollment.objects.filter(course_key__in=[course.translation_key for course in courses])
        .order_by()
        .values_list("course_key", "user__profile__country")
        .annotate(n=Count("pk"))
    ):
        counts[course_key][country or UNKNOWN_COUNTRY] += count
    rows = []
    for course in courses:
        ordered = sorted(
            counts[course.translation_key].items(), key=lambda item: (item[0] == UNKNOWN_COUNTRY, -item[1], item[0])
        )
        rows += [
            PartnerCountryRow(course=course, code=code, name=_country_name(code), count=count)
            for code, count in ordered
        ]
    return rows


def partner_learner_list(*, partner: PartnerPage, course: CoursePage | None = None) -> list[PartnerLearnerRow]:
    """The learners who agreed to share their progress with the course's partner, per course, by name.

    Progress is the share of the course's live required lessons they completed.
    """
    courses = _courses_for(partner, course)
    keys = [course.translation_key for course in courses]
    by_key = {course.translation_key: course for course in courses}
    required = defaultdict(set)
    lessons = LessonPage.objects.descendant_of(partner).live().filter(is_required=True).only("path", "translation_key")
    for lesson_key, course_key in _owner_keys(courses, lessons).items():
        required[course_key].add(lesson_key)
    done = defaultdict(set)
    for enrollment_id, lesson_key in LessonCompletion.objects.filter(
        enrollment__course_key__in=keys, enrollment__user__profile__share_progress_with_partner=True
    ).values_list("enrollment_id", "lesson_key"):
        done[enrollment_id].add(lesson_key)
    named = defaultdict(list)
    for enrollment in (
        Enrollment.objects.filter(course_key__in=keys, user__profile__share_progress_with_partner=True)
        .select_related("user", "user__profile")
        .order_by("user__last_name", "user__first_name", "user__pk")
    ):
        lessons = required[enrollment.course_key]
        named[enrollment.course_key].append(
            PartnerLearnerRow(
                course=by_key[enrollment.course_key],
                name=learner_public_name_get(user=enrollment.user, profile=enrollment.user.profile),
                enrolled_at=enrollment.enrolled_at,
                completed_at=enrollment.completed_at,
                left_at=enrollment.left_at,
                progress=_share(len(done[enrollment.pk] & lessons), len(lessons)) or 0,
            )
        )
    rows = []
    for course in courses:
        rows += sorted(named[course.translation_key], key=lambda learner: learner.name.casefold())
    return rows
