"""The dashboard summary: the last 30 days against the 30 before, and a weekly trend (issue 17)."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from assessments.models import QuizAttempt
from courses.models import Enrollment, LessonCompletion
from reports.metrics import ReportScope, dashboard_summary_get, report_scope_get
from tests.builders import (
    course_lessons,
    make_certificate,
    make_course,
    make_course_index,
    make_learner,
    make_quiz,
    onboard,
    q_single,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 30, 12, 0, tzinfo=datetime.UTC)
FEWER = "fewer than 5"


def at(day: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T10:00:00+00:00")


def joined(day: str, *, profile=True, **fields):
    user = make_learner(profile={"country": "KE"} if profile else None)
    get_user_model().objects.filter(pk=user.pk).update(date_joined=at(day), **fields)
    return user


def enrol(user, course, day: str, completed: str | None = None):
    enrollment = Enrollment.objects.create(user=user, course_key=course.translation_key, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=at(day), completed_at=at(completed) if completed else None
    )
    return enrollment


class Site:
    """Alpha's course P1 (with a quiz) and the organisation's course C.

    recent (6, joined 20 June) enrolled in C on 25 June, 5 completed on 28 June with a certificate
    (a sixth certificate is revoked); earlier (5, joined 15 May) enrolled in P1 on 20 May; old (2,
    joined in January) enrolled in P1 in January, one completed a lesson on 10 June, the other took
    the quiz on 15 June. A deleted account, an inactive one and one without a profile are no learners.
    """

    def __init__(self, home):
        self.alpha, self.alpha_user = onboard("Alpha Institute", email="a@alpha.example")
        self.p1 = make_course(self.alpha, lessons=2, title="Alpha course")
        self.c = make_course(make_course_index(home), lessons=2, title="Own course")
        self.quiz = make_quiz(course_lessons(self.p1)[0].get_parent(), questions=[q_single()])
        self.recent = [joined("2026-06-20") for _ in range(6)]
        self.earlier = [joined("2026-05-15") for _ in range(5)]
        self.old = [joined("2026-01-01") for _ in range(2)]
        deleted = joined("2026-06-20", deleted_at=at("2026-06-26"))
        joined("2026-06-20", is_active=False)
        joined("2026-06-20", profile=False)

        for index, user in enumerate(self.recent):
            enrollment = enrol(user, self.c, "2026-06-25", completed="2026-06-28" if index < 5 else None)
            make_certificate(
                user,
                course=self.c,
                enrollment=enrollment,
                issued_at=at("2026-06-28"),
                revoked_at=at("2026-06-29") if index == 5 else None,
            )
        enrol(deleted, self.c, "2026-06-25")
        for user in self.earlier:
            enrol(user, self.p1, "2026-05-20")
        lesson = course_lessons(self.p1)[0]
        done = LessonCompletion.objects.create(
            enrollment=enrol(self.old[0], self.p1, "2026-01-05"),
            lesson_key=lesson.translation_key,
            lesson=lesson,
            lesson_title=lesson.title,
        )
        LessonCompletion.objects.filter(pk=done.pk).update(completed_at=at("2026-06-10"))
        enrol(self.old[1], self.p1, "2026-01-05")
        attempt = QuizAttempt.objects.create(
            user=self.old[1],
            quiz_key=self.quiz.translation_key,
            quiz=self.quiz,
            quiz_title=self.quiz.title,
            number=1,
            score=0,
            passed=False,
            pass_mark=70,
        )
        QuizAttempt.objects.filter(pk=attempt.pk).update(submitted_at=at("2026-06-15"))


@pytest.fixture
def site(home, partner_index):
    return Site(home)


def figures(summary):
    return {metric.label: (str(metric.current), str(metric.previous), str(metric.change)) for metric in summary.metrics}


def test_editors_summary_this_period_against_the_one_before(site):
    summary = dashboard_summary_get(scope=ReportScope(everything=True), now=NOW)
    assert summary.period_days == 30
    assert figures(summary) == {
        "Learners": ("13", "7", "6"),
        "New learners (last 30 days)": ("6", "5", "1"),
        "Active learners (last 30 days)": ("8", "5", "3"),
        "Enrolments (last 30 days)": ("7", "5", "2"),  # the deleted account's enrolment stays counted
        "Completions (last 30 days)": ("5", FEWER, FEWER),
        "Certificates (last 30 days)": ("5", FEWER, FEWER),
    }


def test_trend_has_twelve_weekly_points_oldest_first(site):
    trends = {
        metric.label: metric.trend
        for metric in dashboard_summary_get(scope=ReportScope(everything=True), now=NOW).metrics
    }
    assert trends["Enrolments (last 30 days)"] == [0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 7]
    assert trends["Learners"] == [2, 2, 2, 2, 2, 7, 7, 7, 7, 7, 13, 13]
    assert trends["Active learners (last 30 days)"] == [0, 0, 0, 0, 0, 0, 5, 0, 0, 2, 0, 6]
    assert all(len(trend) == 12 for trend in trends.values())


def test_a_partners_summary_counts_only_its_courses(site):
    summary = dashboard_summary_get(scope=report_scope_get(site.alpha_user), now=NOW)
    assert figures(summary) == {
        # Learners arrive with their first enrolment in the partner's courses.
        "Learners": ("7", "7", "0"),
        "New learners (last 30 days)": (FEWER, "5", FEWER),
        "Active learners (last 30 days)": (FEWER, "5", FEWER),
        "Enrolments (last 30 days)": (FEWER, "5", FEWER),
        "Completions (last 30 days)": (FEWER, FEWER, FEWER),
        "Certificates (last 30 days)": (FEWER, FEWER, FEWER),
    }
    active = next(metric for metric in summary.metrics if metric.label.startswith("Active"))
    assert (active.current.value, active.previous.value) == (2, 5)
