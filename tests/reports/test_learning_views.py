"""The learning reports in the admin: the figures editors and partners see, the rule, the filters.

A known world: Kilimo's course "Dry maize safely" with seven learners (six in Kenya, one in Peru),
five of whom completed it; Kilimo's quiz course with six learners, five of whom passed its quiz;
Yonder's course with two learners; a Kilimo resource viewed twelve times.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django.utils.html import escape

from assessments import services as quiz_services
from courses import services as course_services
from reports.models import PageViewDay, ViewedPageKind
from reports.privacy import RULE
from tests.builders import (
    course_lessons,
    make_admin_user,
    make_course,
    make_editor,
    make_learner,
    make_quiz,
    make_resource,
    onboard,
    q_true_false,
)
from tests.reports.conftest import screen_rows

pytestmark = pytest.mark.django_db

FEWER = "fewer than 5"
BREAKDOWN = "/admin/reports/learning/"
TREND = "/admin/reports/learning/trend/"
FUNNEL = "/admin/reports/learning/funnel/"
QUIZZES = "/admin/reports/learning/quizzes/"
QUESTIONS = "/admin/reports/learning/questions/"
RESOURCES = "/admin/reports/learning/resources/"
REPORTS = [BREAKDOWN, TREND, FUNNEL, QUIZZES, QUESTIONS, RESOURCES]


class World:
    def __init__(self, *, maize_title="Dry maize safely"):
        self.kilimo, self.kilimo_user = onboard("Kilimo University", email="dean@kilimo.example", country="KE")
        self.yonder, self.yonder_user = onboard("Yonder College", email="head@yonder.example", country="PE")
        self.editor = make_editor()
        self.maize = make_course(self.kilimo, lessons=1, title=maize_title)
        self.quiz_course = make_course(self.kilimo, lessons=1, title="Price your harvest")
        self.quiz = make_quiz(
            course_lessons(self.quiz_course)[0].get_parent(),
            title="Pricing check",
            questions=[q_true_false(prompt="Your own time is a cost.", is_true=True)],
        )
        self.yonder_course = make_course(self.yonder, lessons=1, title="Yonder bookkeeping")
        self.resource = make_resource(self.kilimo, title="Cold storage guide")

        lesson = course_lessons(self.maize)[0]
        for number in range(7):
            learner = make_learner(profile={"country": "PE" if number == 6 else "KE"})
            course_services.enrollment_create(user=learner, course=self.maize)
            if number < 5:
                course_services.lesson_complete(user=learner, lesson=lesson)
        question = self.quiz.questions[0]
        for number in range(6):
            learner = make_learner(profile={"country": "KE"})
            course_services.enrollment_create(user=learner, course=self.quiz_course)
            answer = "true" if number < 5 else "false"
            quiz_services.attempt_submit(
                user=learner, quiz=self.quiz, data={f"q-{question.id}": [answer]}, attempt_number="1"
            )
        for _number in range(2):
            learner = make_learner(profile={"country": "PE"})
            course_services.enrollment_create(user=learner, course=self.yonder_course)
        today = timezone.localdate()
        PageViewDay.objects.create(
            page_key=self.resource.translation_key, kind=ViewedPageKind.RESOURCE, day=today, views=12
        )
        PageViewDay.objects.create(page_key=self.maize.translation_key, kind=ViewedPageKind.COURSE, day=today, views=30)


@pytest.fixture
def world(home, partner_index):
    return World()


def row_of(rows, head):
    matches = [row for row in rows if row[0] == head]
    assert len(matches) == 1, (head, rows)
    return matches[0]


def test_editor_sees_enrolments_and_completions_by_course(client, world):
    client.force_login(world.editor)
    response = client.get(BREAKDOWN)
    rows = screen_rows(response)
    learners, enrolments, completions, rate = row_of(rows, "Dry maize safely")[1:5]
    assert (learners, enrolments, completions, rate) == ("7", "7", "5", "71")
    assert row_of(rows, "Price your harvest")[1:4] == ["6", "6", FEWER]
    assert row_of(rows, "Yonder bookkeeping")[1:] == [FEWER] * 5
    html = response.content.decode()
    assert escape(str(RULE)) in html
    assert "<caption>" in html
    assert 'role="img"' in html  # the bar chart beside the table


def test_breakdown_by_country_suppresses_the_small_group(client, world):
    client.force_login(world.editor)
    rows = screen_rows(client.get(BREAKDOWN, {"dimension": "country"}))
    assert row_of(rows, "Kenya")[1:3] == ["12", "12"]
    assert row_of(rows, "Peru")[1:3] == [FEWER, FEWER]


def test_monthly_trend_counts_this_months_enrolments(client, world):
    client.force_login(world.editor)
    rows = screen_rows(client.get(TREND))
    this_month = row_of(rows, f"{timezone.localdate():%Y-%m}")
    assert this_month[1:] == ["15", "5", "15"]
    assert len(rows) >= 12  # a row for every month, no gaps


def test_funnel_shows_each_step_of_a_course(client, world):
    client.force_login(world.editor)
    response = client.get(FUNNEL)
    assert row_of(screen_rows(response), "Dry maize safely")[1:] == ["30", "7", "5", "5", "5"]
    assert 'aria-hidden="true"' in response.content.decode()  # the step bars beside the figures


def test_quiz_pass_rates_and_hardest_questions(client, world):
    client.force_login(world.editor)
    quiz_row = row_of(screen_rows(client.get(QUIZZES)), "Pricing check")
    assert quiz_row[1:] == ["Price your harvest", "6", "6", "83", "83"]
    question_row = row_of(screen_rows(client.get(QUESTIONS)), "Your own time is a cost.")
    assert question_row[1:] == ["Pricing check", "6", "83"]


def test_most_read_know_how_counts_views(client, world):
    client.force_login(world.editor)
    assert row_of(screen_rows(client.get(RESOURCES)), "Cold storage guide")[3] == "12"


def test_every_report_states_the_rule_and_links_the_others(client, world):
    client.force_login(world.editor)
    for url in REPORTS:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert escape(str(RULE)) in html, url
        for other in REPORTS:
            assert f'href="{other}"' in html, (url, other)
        assert html.count('aria-current="page"') >= 1


def test_a_partner_sees_only_its_own_courses(client, world):
    client.force_login(world.kilimo_user)
    rows = screen_rows(client.get(BREAKDOWN))
    assert [row[0] for row in rows] == ["Dry maize safely", "Price your harvest"]
    client.force_login(world.yonder_user)
    for url in (BREAKDOWN, FUNNEL, QUIZZES, RESOURCES):
        html = client.get(url).content.decode()
        assert "Dry maize" not in html and "Pricing check" not in html and "Cold storage" not in html, url


def test_a_partner_is_not_offered_another_partners_course_and_cannot_ask_for_it(client, world):
    client.force_login(world.yonder_user)
    response = client.get(BREAKDOWN)
    assert "Dry maize" not in response.content.decode()  # not among the course filter's choices
    for params in ({"course": world.maize.pk}, {"partner": world.kilimo.pk}):
        response = client.get(BREAKDOWN, params)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Some filters could not be used" in html
        assert screen_rows(response) == []
        assert "Dry maize" not in html


def test_a_course_filter_narrows_the_rows(client, world):
    client.force_login(world.editor)
    rows = screen_rows(client.get(BREAKDOWN, {"course": world.maize.pk, "dimension": "country"}))
    assert row_of(rows, "Kenya")[1:4] == ["6", "6", "5"]


def test_a_date_range_before_any_enrolment_shows_none(client, world):
    client.force_login(world.editor)
    response = client.get(BREAKDOWN, {"period_from": "2001-01-01", "period_to": "2001-12-31"})
    html = response.content.decode()
    assert "Some filters could not be used" not in html
    assert "No learning records match these filters." in html
    assert screen_rows(response) == []


JUNK = [
    {"course": "99999999999999999999999"},
    {"course": str(2**63)},
    {"course": "abc"},
    {"course": "-1"},
    {"program": "1e9"},
    {"partner": "\u0661\u0662"},
    {"locale": "999999"},
    {"country": "XX"},
    {"region": "atlantis"},
    {"dimension": "password"},
    {"period_from": "2026-13-45"},
    {"period_from": "not a date"},
    {"period_from": "0001-01-01"},
    {"period_to": "9999-12-31"},
    {"period_from": "2026-05-01", "period_to": "2026-01-01"},
]


@pytest.mark.parametrize("params", JUNK)
def test_junk_in_a_filter_is_a_form_error_never_a_server_error(client, world, params):
    client.force_login(world.editor)
    for url in [BREAKDOWN] if "dimension" in params else REPORTS:  # only the breakdown groups
        response = client.get(url, params)
        assert response.status_code == 200, (url, params)
        assert "Some filters could not be used" in response.content.decode(), (url, params)
        assert screen_rows(response) == []
        for export in ("csv", "xlsx"):
            assert client.get(url, {**params, "export": export}).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "learner", "staff without a scope"])
def test_no_report_opens_without_a_scope(client, world, who):
    if who == "learner":
        client.force_login(make_learner())
    elif who == "staff without a scope":
        group = Group.objects.create(name="Staff without reports")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(make_admin_user(groups=[group]))
    for url in REPORTS:
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = client.get(url, params)
            assert response.status_code in (302, 403), (who, url, params)
            assert b"Dry maize" not in response.content


def test_the_menu_offers_the_reports_to_editors_and_partners_only(client, world):
    client.force_login(world.kilimo_user)
    assert BREAKDOWN.encode() in client.get("/admin/").content
    group = Group.objects.create(name="Staff without reports")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(make_admin_user(groups=[group]))
    assert BREAKDOWN.encode() not in client.get("/admin/").content


def test_a_month_breakdown_draws_a_line_chart(client, world):
    client.force_login(world.editor)
    response = client.get(BREAKDOWN, {"dimension": "month"})
    html = response.content.decode()
    assert "report-chart--months" in html
    assert row_of(screen_rows(response), f"{timezone.localdate():%Y-%m}")[2] == "15"


def test_dates_are_inclusive(client, world):
    client.force_login(world.editor)
    today = timezone.localdate().isoformat()
    rows = screen_rows(client.get(BREAKDOWN, {"period_from": today, "period_to": today}))
    assert row_of(rows, "Dry maize safely")[2] == "7"
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert screen_rows(client.get(BREAKDOWN, {"period_from": tomorrow})) == []
