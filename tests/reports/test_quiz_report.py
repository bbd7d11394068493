"""The editors' quiz report: every quiz's numbers, one quiz's answers per question, safe exports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments import services as quiz_services
from courses import services as course_services
from tests.builders import (
    QuizSetup,
    make_admin_user,
    make_editor,
    make_learner,
    make_quiz,
    option,
    q_single,
    q_true_false,
)
from tests.reports.conftest import formula_cells, screen_rows, spreadsheet_rows

pytestmark = pytest.mark.django_db

INDEX = "/admin/reports/quizzes/"
EVIL = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture
def answered(home):
    """A quiz of four questions: one learner got all right, one all wrong."""
    setup = QuizSetup(home, title="Know your costs")
    quiz_services.attempt_submit(
        user=setup.learner, quiz=setup.quiz, data=setup.answers(right=False), attempt_number="1"
    )
    right = make_learner()
    course_services.enrollment_create(user=right, course=setup.course)
    quiz_services.attempt_submit(user=right, quiz=setup.quiz, data=setup.answers(right=True), attempt_number="1")
    return setup


def detail_url(quiz):
    return f"/admin/reports/quizzes/{quiz.pk}/"


def test_editor_sees_every_quiz_with_its_numbers(client, answered):
    client.force_login(make_editor())
    [row] = screen_rows(client.get(INDEX))
    assert row == ["Know your costs", "English", "2", "2", "50%", "50%"]
    html = client.get(INDEX).content.decode()
    assert f'href="{detail_url(answered.quiz)}"' in html
    assert "Quiz results" in client.get("/admin/").content.decode()


def test_editor_sees_how_each_question_was_answered(client, answered):
    client.force_login(make_editor())
    response = client.get(detail_url(answered.quiz))
    html = response.content.decode()
    assert "Know your costs" in html and "Which cost is an overhead?" in html
    assert "Answered 2 times." in html and "Fully correct: 50%." in html
    rows = screen_rows(response)
    assert ["Rent", "Correct", "1", "50%"] in rows
    assert ["True", "Correct", "1", "50%"] in rows and ["False", "Not correct", "1", "50%"] in rows


def test_users_without_the_permission_are_refused_both_pages(client, answered):
    from django.contrib.auth.models import Permission

    user = make_admin_user(email="moderator@example.org")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "Quiz results" not in client.get("/admin/").content.decode()
    for url in (INDEX, detail_url(answered.quiz), "/admin/reports/quizzes/999999/", f"{INDEX}?export=csv"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    client.force_login(make_learner())
    assert client.get(INDEX).status_code == 302


def test_an_unknown_quiz_is_not_found(client, answered):
    client.force_login(make_editor())
    assert client.get("/admin/reports/quizzes/999999/").status_code == 404


def test_index_filters_by_status(client, answered):
    draft = make_quiz(answered.lessons[0].get_parent(), questions=[q_true_false()], title="Draft quiz")
    draft.unpublish()
    client.force_login(make_editor())
    assert {row[0] for row in screen_rows(client.get(INDEX))} == {"Know your costs", "Draft quiz Draft"}
    assert [row[0] for row in screen_rows(client.get(INDEX, {"live": "true"}))] == ["Know your costs"]
    assert [row[0] for row in screen_rows(client.get(INDEX, {"live": "false"}))] == ["Draft quiz Draft"]
    exported = spreadsheet_rows(client.get(INDEX, {"live": "false", "export": "csv"}), "csv")
    assert [row[0] for row in exported[1:]] == ["Draft quiz"]


def test_index_and_detail_page_their_rows(client, home):
    setup = QuizSetup(home)
    module = setup.lessons[0].get_parent()
    for n in range(50):
        make_quiz(module, questions=[], title=f"Quiz {n:02d}")
    long_quiz = make_quiz(
        module, questions=[q_true_false(prompt=f"Statement {n}") for n in range(21)], title="Long quiz"
    )
    client.force_login(make_editor())
    assert (len(screen_rows(client.get(INDEX))), len(screen_rows(client.get(INDEX, {"p": 2})))) == (50, 2)
    assert "Page 2 of 2" in client.get(INDEX, {"p": 2}).content.decode()
    assert len(spreadsheet_rows(client.get(INDEX, {"export": "csv"}), "csv")) == 53  # every quiz, and headings
    first = client.get(detail_url(long_quiz)).content.decode()
    second = client.get(detail_url(long_quiz), {"p": 2}).content.decode()
    assert "Statement 19" in first and "Statement 20" not in first
    assert "Statement 20" in second and "Statement 0" not in second


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_carry_the_numbers_on_screen(client, answered, export_format):
    client.force_login(make_editor())
    [screen] = screen_rows(client.get(INDEX))
    [headings, row] = spreadsheet_rows(client.get(INDEX, {"export": export_format}), export_format)
    assert headings == ["Quiz", "Language", "Live", "Attempts", "Learners", "Pass rate (%)", "Average score"]
    assert [str(cell) for cell in row[:2]] == screen[:2] and row[2] == "yes"
    assert [float(cell) for cell in row[3:]] == [float(cell.rstrip("%")) for cell in screen[2:]]

    shown = screen_rows(client.get(detail_url(answered.quiz)))
    exported = spreadsheet_rows(client.get(detail_url(answered.quiz), {"export": export_format}), export_format)[1:]
    with_options = [row for row in exported if row[4]]
    assert [[str(row[4]), str(row[6]), f"{row[7]}%"] for row in with_options] == [
        [cells[0], cells[2], cells[3]] for cells in shown
    ]
    # One row per option (3 + 4 + True/False), and one for the numeric question; each answered twice.
    assert [(int(row[0]), int(row[2])) for row in exported] == [(1, 2)] * 3 + [(2, 2)] * 4 + [(3, 2)] * 2 + [(4, 2)]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_neutralise_formulas(client, answered, export_format):
    quiz = make_quiz(
        answered.lessons[0].get_parent(),
        questions=[q_single(prompt="+cmd|' /C calc'!A0", options=[option(EVIL, True), option("@SUM(A1:A2)")])],
        title=EVIL,
    )
    client.force_login(make_editor())
    for url in (INDEX, detail_url(quiz)):
        rows = spreadsheet_rows(client.get(url, {"export": export_format}), export_format)
        assert not formula_cells(rows), url
        assert "'" + EVIL in [cell for row in rows for cell in row], url
    detail = spreadsheet_rows(client.get(detail_url(quiz), {"export": export_format}), export_format)
    assert {"'+cmd|' /C calc'!A0", "'@SUM(A1:A2)"} <= {cell for row in detail for cell in row}


def test_report_queries_do_not_grow_with_quizzes_and_attempts(client, home):
    client.force_login(make_editor())

    def add(quizzes):
        for _ in range(quizzes):
            setup = QuizSetup(home)
            quiz_services.attempt_submit(user=setup.learner, quiz=setup.quiz, data=setup.answers(), attempt_number="1")
        return setup.quiz

    quiz = add(1)
    urls = [INDEX, f"{INDEX}?export=csv", detail_url(quiz), f"{detail_url(quiz)}?export=xlsx"]
    few = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            assert response.status_code == 200
            b"".join(response.streaming_content) if response.streaming else response.content
        few[url] = len(queries)
    add(3)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            b"".join(response.streaming_content) if response.streaming else response.content
        print(f"\n{url}: {few[url]} queries (1 quiz), {len(queries)} (4 quizzes)")
        assert len(queries) == few[url], url
