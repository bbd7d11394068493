"""A quiz page and its grading run no more queries with more questions, nor more than their ceiling."""

import pytest
from django.urls import reverse

from assessments.models import QuizAttempt
from tests.builders import make_quiz, option_ids, publish, q_multiple, q_single, q_true_false
from tests.queries import assert_flat, count_queries

pytestmark = pytest.mark.django_db

# Measured when each guard was written (same on SQLite and PostgreSQL).
QUIZ_QUERIES = 7  # issue 16: no permission queries for the userbar of a learner
GRADING_QUERIES = 35  # grading a passing attempt


def questions(count):
    return [q_single() if i % 3 == 0 else q_true_false() if i % 3 == 1 else q_multiple() for i in range(count)]


def passing_answers(raw):
    data = {"attempt": ["1"]}
    for question in raw:
        data[f"q-{question['id']}"] = ["true"] if question["type"] == "true_false" else option_ids(question, True)
    return data


def test_quiz_page_queries_do_not_grow_with_questions(client, setup):
    client.force_login(setup.learner)
    quiz = make_quiz(setup.lessons[0].get_parent(), questions=questions(5))

    def more_questions():
        quiz.questions = questions(40)
        publish(quiz)

    before, after = assert_flat(client, quiz.url, more_questions, ceiling=QUIZ_QUERIES)
    assert before.count('<fieldset class="quiz-question') == 5
    assert after.count('<fieldset class="quiz-question') == 40


def test_grading_queries_do_not_grow_with_questions(client, setup):
    client.force_login(setup.learner)
    counts = []
    for count in (5, 40):
        raw = questions(count)
        quiz = make_quiz(setup.lessons[0].get_parent(), questions=raw)
        client.get(quiz.url)  # as a learner does before submitting; fills the caches
        queries, _ = count_queries(client, reverse("assessments:submit", args=[quiz.pk]), data=passing_answers(raw))
        counts.append(queries)
    few, many = counts
    print(f"\n[queries] grading: {few} with 5 questions, {many} with 40 (ceiling {GRADING_QUERIES})")
    assert QuizAttempt.objects.filter(user=setup.learner, passed=True).count() == 2
    assert many == few, f"grading: {few} queries with 5 questions, {many} with 40"
    assert few <= GRADING_QUERIES
