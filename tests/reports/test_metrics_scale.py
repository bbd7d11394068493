"""Every report function runs as many queries at 10,000 enrolments as at 100 (issue 17)."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import LearnerProfile
from assessments.models import QuizAnswer, QuizAttempt
from courses.models import Enrollment, LessonCompletion
from library.models import ReadingListItem
from reports.metrics import (
    Dimension,
    ReportFilters,
    ReportScope,
    breakdown_list,
    dashboard_summary_get,
    funnel_list,
    monthly_trend_list,
    question_difficulty_list,
    quiz_pass_rate_list,
    report_scope_get,
    resource_read_list,
)
from reports.models import PageViewDay
from taxonomy.models import Sector
from tests.builders import (
    course_lessons,
    make_course,
    make_course_index,
    make_library,
    make_program,
    make_program_index,
    make_quiz,
    make_resource,
    make_term,
    onboard,
    q_single,
)

pytestmark = pytest.mark.django_db

COUNTRIES = ["KE", "PE", "EG", "FR", "IN", ""]
GENDERS = ["woman", "man", "other", "unsaid", ""]
NOW = timezone.now()


class Content:
    def __init__(self, home):
        self.alpha, self.alpha_user = onboard("Alpha Institute", email="a@alpha.example")
        self.beta, _beta_user = onboard("Beta College", email="b@beta.example")
        index = make_course_index(home)
        self.courses = [
            make_course(self.alpha, lessons=3),
            make_course(self.alpha, lessons=2),
            make_course(self.beta, lessons=2),
            make_course(index, lessons=3),
        ]
        make_program(make_program_index(home), courses=self.courses[:2])
        make_program(make_program_index(home, slug="more-programs"), courses=self.courses[1:])
        self.lessons = {course.pk: course_lessons(course) for course in self.courses}
        self.quiz = make_quiz(self.lessons[self.courses[0].pk][0].get_parent(), questions=[q_single()])
        self.resources = [make_resource(make_library(home)), make_resource(self.alpha)]
        self.sectors = [make_term(Sector, "Food"), make_term(Sector, "Textiles")]
        self.learners = 0
        PageViewDay.objects.bulk_create(
            [
                PageViewDay(
                    page_key=page.translation_key,
                    kind=kind,
                    day=NOW.date() - datetime.timedelta(days=day),
                    views=day + 1,
                )
                for day in range(300)
                for page, kind in [
                    (self.courses[0], "course"),
                    (self.resources[0], "resource"),
                    (self.resources[1], "resource"),
                ]
            ]
        )

    def grow(self, learners: int):
        """`learners` more learners, each enrolled in all four courses (so 4 enrolments each) with activity."""
        User = get_user_model()
        start = self.learners
        self.learners += learners
        users = User.objects.bulk_create(
            [User(email=f"bulk{n}@example.org", password="!", date_joined=NOW) for n in range(start, self.learners)]
        )
        LearnerProfile.objects.bulk_create(
            [
                LearnerProfile(
                    user=user,
                    country=COUNTRIES[n % len(COUNTRIES)],
                    gender=GENDERS[n % len(GENDERS)],
                    sector=self.sectors[n % 2] if n % 3 else None,
                    business_size="micro" if n % 2 else "",
                )
                for n, user in enumerate(users)
            ]
        )
        enrollments = Enrollment.objects.bulk_create(
            [
                Enrollment(user=user, course_key=course.translation_key, course=course)
                for user, course in itertools.product(users, self.courses)
            ]
        )
        # enrolled_at is auto_now_add: spread the new rows over 400 days in 40 updates, half completed.
        added = Enrollment.objects.filter(pk__gte=enrollments[0].pk).annotate(slot=F("pk") % 40)
        for slot in range(40):
            enrolled_at = NOW - datetime.timedelta(days=10 * slot)
            added.filter(slot=slot).update(
                enrolled_at=enrolled_at,
                completed_at=enrolled_at + datetime.timedelta(days=slot) if slot % 2 else None,
            )
        LessonCompletion.objects.bulk_create(
            [
                LessonCompletion(
                    enrollment=enrollment, lesson_key=lesson.translation_key, lesson=lesson, lesson_title="x"
                )
                for enrollment in enrollments
                for lesson in self.lessons[enrollment.course_id][: 1 + enrollment.pk % 3]
            ],
            batch_size=5000,
        )
        attempts = QuizAttempt.objects.bulk_create(
            [
                QuizAttempt(
                    user=user,
                    quiz_key=self.quiz.translation_key,
                    quiz=self.quiz,
                    quiz_title="Quiz",
                    number=1,
                    score=100,
                    passed=n % 2 == 0,
                    pass_mark=70,
                )
                for n, user in enumerate(users)
            ]
        )
        QuizAnswer.objects.bulk_create(
            [
                QuizAnswer(
                    attempt=attempt,
                    question_id=question,
                    question_type="single_choice",
                    prompt=question,
                    points=1,
                    is_correct=(attempt.pk + len(question)) % 2 == 0,
                )
                for attempt in attempts
                for question in ("q-one", "q-three")
            ]
        )
        ReadingListItem.objects.bulk_create(
            [
                ReadingListItem(user=user, resource_key=self.resources[0].translation_key, resource=self.resources[0])
                for user in users
            ]
        )


def reports(scope):
    filters = ReportFilters(date_from=(NOW - datetime.timedelta(days=365)).date())
    calls = {f"breakdown {dimension}": (breakdown_list, {"dimension": dimension}) for dimension in Dimension.values}
    calls |= {
        "monthly trend": (monthly_trend_list, {}),
        "funnel": (funnel_list, {}),
        "quiz pass rates": (quiz_pass_rate_list, {}),
        "hardest questions": (question_difficulty_list, {}),
        "most-read resources": (resource_read_list, {}),
    }
    counts = {}
    for name, (function, kwargs) in calls.items():
        with CaptureQueriesContext(connection) as queries:
            function(scope=scope, filters=filters, **kwargs)
        counts[name] = len(queries)
    with CaptureQueriesContext(connection) as queries:
        dashboard_summary_get(scope=scope)
    counts["dashboard"] = len(queries)
    return counts


def test_query_counts_equal_at_100_and_10000_enrolments(home, partner_index):
    content = Content(home)
    partner = report_scope_get(content.alpha_user)
    editor = ReportScope(everything=True)
    content.grow(25)
    assert Enrollment.objects.count() == 100
    reports(editor)  # fills the shared cache (locales), which adding content drops: measure warm both times
    few = {"editor": reports(editor), "partner": reports(partner)}
    content.grow(2475)
    assert Enrollment.objects.count() == 10_000
    assert LessonCompletion.objects.count() > 15_000
    reports(editor)
    many = {"editor": reports(editor), "partner": reports(partner)}
    print(f"\n[queries] {few}")
    assert many == few
    assert max(few["editor"].values()) <= 10
