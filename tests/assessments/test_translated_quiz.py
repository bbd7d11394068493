"""One quiz whatever the language (issue 15): attempts in English and French count together, the
options keep their ids, the best score and the attempts left are the same in both languages."""

import pytest
from django.urls import reverse

from assessments import selectors
from assessments.models import QuizAttempt
from tests.builders.translations import make_locale
from tests.localize.translating import in_french, translate_tree_fully

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_setup):
    return make_setup(max_attempts=3)


@pytest.fixture
def fr_quiz(setup):
    translate_tree_fully(setup.course, make_locale("fr"))
    return setup.quiz.get_translation(make_locale("fr")).specific


def submit(client, quiz, data):
    return client.post(reverse("assessments:submit", args=[quiz.pk]), data)


def test_attempts_in_english_and_french_count_together(client, setup, fr_quiz):
    client.force_login(setup.learner)
    submit(client, setup.quiz, setup.answers(right=False, number=1))
    response = submit(client, fr_quiz, setup.answers(right=True, number=2))  # the same option ids, in French
    assert response.status_code == 302
    attempts = list(QuizAttempt.objects.order_by("number").values_list("number", "score", "passed", "quiz_key"))
    assert [(number, float(score), passed) for number, score, passed, _key in attempts] == [
        (1, 0.0, False),
        (2, 100.0, True),
    ]
    assert {key for *_rest, key in attempts} == {setup.quiz.translation_key}
    for quiz in (setup.quiz, fr_quiz):
        detail = selectors.quiz_detail_get(quiz=quiz, user=setup.learner)
        assert detail.attempts_used == 2
        assert float(detail.best_attempt.score) == 100.0
        assert detail.passed_attempt.number == 2
        assert not detail.can_attempt  # passed, in either language


def test_the_attempt_limit_counts_both_languages(client, make_setup):
    setup = make_setup(max_attempts=2)
    translate_tree_fully(setup.course, make_locale("fr"))
    fr_quiz = setup.quiz.get_translation(make_locale("fr")).specific
    client.force_login(setup.learner)
    submit(client, setup.quiz, setup.answers(right=False, number=1))
    submit(client, fr_quiz, setup.answers(right=False, number=2))
    response = submit(client, fr_quiz, setup.answers(right=True, number=3))
    assert QuizAttempt.objects.count() == 2
    assert "used all your attempts" in response.content.decode()  # the third, in French, is refused
    detail = selectors.quiz_detail_get(quiz=fr_quiz, user=setup.learner)
    assert detail.attempts_left == 0


def test_a_french_attempt_is_graded_and_reviewed_in_french(client, setup, fr_quiz):
    client.force_login(setup.learner)
    submit(client, fr_quiz, setup.answers(right=False, number=1))
    attempt = QuizAttempt.objects.get()
    assert attempt.quiz.pk == fr_quiz.pk and float(attempt.score) == 0.0
    review = client.get(f"/fr{reverse('assessments:attempt', args=[attempt.pk])}")
    assert review.status_code == 200
    html = review.content.decode()
    assert in_french("Pay yourself.") in html  # the true/false question's feedback, translated
    # The French quiz page shows the attempt made there, and the English one shows it too.
    for quiz in (fr_quiz, setup.quiz):
        assert selectors.quiz_detail_get(quiz=quiz, user=setup.learner).attempts_used == 1


def test_a_true_false_answer_given_in_english_reads_in_french_in_the_review(client, make_setup):
    setup = make_setup(reveal_answers="after_last_attempt", max_attempts=1)
    client.force_login(setup.learner)
    submit(client, setup.quiz, setup.answers(right=False, number=1))  # "false" to a true statement, in English
    attempt = QuizAttempt.objects.get()
    english = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    french = client.get(f"/fr{reverse('assessments:attempt', args=[attempt.pk])}").content.decode()
    assert "<dd>False</dd>" in english and "<dd>True</dd>" in english  # the answer, then the correct one
    assert "<dd>Faux</dd>" in french and "<dd>Vrai</dd>" in french
    assert "<dd>False</dd>" not in french and "<dd>True</dd>" not in french
