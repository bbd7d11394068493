"""Grading of every question kind, partial credit and tolerance edges; no database needed."""

from decimal import Decimal

import pytest
from django.http import QueryDict

from assessments.blocks import QuestionStreamBlock
from assessments.grading import SubmissionError, grade, parse_number, read_submission, score_percent
from tests.builders import option, option_ids, q_multiple, q_numeric, q_single, q_true_false


class FakeQuiz:
    def __init__(self, raw):
        self.questions = QuestionStreamBlock().to_python(raw)


def questions(*raw):
    from assessments.grading import questions_of

    return questions_of(FakeQuiz(list(raw)))


def form(**fields):
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name, values if isinstance(values, list) else [values])
    return data


def run(raw_questions, data, scoring="all_or_nothing"):
    qs = questions(*raw_questions)
    return grade(qs, read_submission(qs, data), scoring=scoring)


def test_single_choice_scores_the_right_option_only():
    q = q_single()
    right, wrong = option_ids(q, True)[0], option_ids(q, False)[0]
    assert run([q], form(**{f"q-{q['id']}": right}))[0].points == 1
    graded = run([q], form(**{f"q-{q['id']}": wrong}))[0]
    assert graded.points == 0 and not graded.is_correct
    assert graded.correct_answer_text == "Rent"


def test_single_choice_refuses_two_options():
    q = q_single()
    with pytest.raises(SubmissionError) as error:
        run([q], form(**{f"q-{q['id']}": option_ids(q)[:2]}))
    assert q["id"] in error.value.errors


def test_multiple_choice_all_or_nothing_needs_every_correct_option_and_no_wrong_one():
    q = q_multiple()
    right = option_ids(q, True)
    wrong = option_ids(q, False)
    assert run([q], form(**{f"q-{q['id']}": right}))[0].points == 1
    assert run([q], form(**{f"q-{q['id']}": right[:1]}))[0].points == 0
    assert run([q], form(**{f"q-{q['id']}": right + wrong[:1]}))[0].points == 0


@pytest.mark.parametrize(
    "picks,points",
    [
        (("r0", "r1"), Decimal(1)),
        (("r0",), Decimal("0.5")),
        (("r0", "w0"), Decimal(0)),
        (("r0", "r1", "w0"), Decimal("0.5")),
        (("w0", "w1"), Decimal(0)),  # never below zero
    ],
)
def test_multiple_choice_partial_credit(picks, points):
    q = q_multiple()
    ids = {f"r{i}": oid for i, oid in enumerate(option_ids(q, True))} | {
        f"w{i}": oid for i, oid in enumerate(option_ids(q, False))
    }
    graded = run([q], form(**{f"q-{q['id']}": [ids[p] for p in picks]}), scoring="partial")[0]
    assert graded.points == points
    assert graded.is_correct == (points == 1)


def test_true_false_with_its_feedback():
    q = q_true_false(is_true=True)
    assert run([q], form(**{f"q-{q['id']}": "true"}))[0].points == 1
    graded = run([q], form(**{f"q-{q['id']}": "false"}))[0]
    assert graded.points == 0 and "Think again." in graded.feedback


@pytest.mark.parametrize(
    "typed,tolerance,points",
    [
        ("1160", "0", 1),
        ("1160.0", "0", 1),
        ("1 160", "0", 1),
        ("1161", "0", 0),
        ("1161", "1", 1),  # the edge of the tolerance counts
        ("1159", "1", 1),
        ("1161.01", "1", 0),
        ("1158,99", "1", 0),  # a comma decimal is read as one
        ("-1160", "0", 0),
    ],
)
def test_numeric_answer_within_tolerance(typed, tolerance, points):
    q = q_numeric(tolerance=tolerance)
    assert run([q], form(**{f"q-{q['id']}": typed}))[0].points == points


@pytest.mark.parametrize("typed", ["abc", "1e999", "NaN", "Infinity", "9" * 30, "1,2,3", "12..5", "x"])
def test_non_numeric_or_absurd_numbers_get_a_field_error(typed):
    q = q_numeric()
    with pytest.raises(SubmissionError) as error:
        run([q], form(**{f"q-{q['id']}": typed}))
    assert q["id"] in error.value.errors


def test_parse_number_accepts_what_people_type():
    assert parse_number("12.5") == Decimal("12.5")
    assert parse_number("12,5") == Decimal("12.5")
    assert parse_number("\u00a01 160 ") == Decimal("1160")
    assert parse_number("1,600") == Decimal("1600")
    assert parse_number("12,500.75") == Decimal("12500.75")
    assert parse_number("1.600,5") == Decimal("1600.5")
    assert parse_number("0,75") == Decimal("0.75")
    assert parse_number("١٬٢٠٠٫٥") == Decimal("1200.5")  # Arabic-Indic digits and separators
    assert parse_number("") is None


def test_an_option_of_another_question_is_refused():
    a, b = q_single(), q_single()
    with pytest.raises(SubmissionError) as error:
        run([a, b], form(**{f"q-{a['id']}": option_ids(b)[0], f"q-{b['id']}": option_ids(b)[0]}))
    assert "does not belong" in str(error.value)


def test_an_unknown_question_field_is_refused_as_a_stale_form():
    a = q_single()
    with pytest.raises(SubmissionError) as error:
        run([a], form(**{f"q-{a['id']}": option_ids(a)[0], "q-someone-elses-question": "x"}))
    assert "does not match the quiz" in str(error.value)


def test_duplicate_options_are_refused():
    q = q_multiple()
    right = option_ids(q, True)[0]
    with pytest.raises(SubmissionError) as error:
        run([q], form(**{f"q-{q['id']}": [right, right]}))
    assert q["id"] in error.value.errors


def test_every_question_must_be_answered():
    a, b = q_single(), q_true_false()
    with pytest.raises(SubmissionError) as error:
        run([a, b], form(**{f"q-{a['id']}": option_ids(a)[0]}))
    assert list(error.value.errors) == [b["id"]]
    with pytest.raises(SubmissionError):
        run([a, b], form())


def test_score_is_the_share_of_points():
    a, b, c = q_single(), q_true_false(), q_numeric()
    graded = run(
        [a, b, c],
        form(**{f"q-{a['id']}": option_ids(a, True)[0], f"q-{b['id']}": "false", f"q-{c['id']}": "1160"}),
    )
    assert score_percent(graded) == Decimal("66.67")


def test_options_mark_feedback_per_choice():
    q = q_single(options=[option("Rent", True, "Rent is an overhead."), option("Flour", False, "Flour is a material.")])
    graded = run([q], form(**{f"q-{q['id']}": option_ids(q, False)[0]}))[0]
    assert "Flour is a material." in graded.feedback
    assert "Rent is paid even on a quiet day." in graded.feedback
