"""Submitting attempts: graded once, limited, and counted toward the course through its service."""

from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from assessments import services
from assessments.grading import SubmissionError
from assessments.models import QuizAnswer, QuizAttempt
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Enrollment
from tests.builders import make_learner, make_quiz, q_numeric

pytestmark = pytest.mark.django_db


def submit(setup, *, right=True, number=1, user=None, quiz=None):
    return services.attempt_submit(
        user=user or setup.learner,
        quiz=quiz or setup.quiz,
        data=setup.answers(right=right, number=number),
        attempt_number=str(number),
    )


def test_a_right_attempt_passes_and_stores_every_answer(setup):
    attempt = submit(setup)
    assert (attempt.number, attempt.score, attempt.passed) == (1, Decimal("100.00"), True)
    assert attempt.answers.count() == 4
    assert all(answer.is_correct for answer in attempt.answers.all())


def test_a_wrong_attempt_fails_with_feedback_and_counts_one(setup):
    attempt = submit(setup, right=False)
    assert attempt.passed is False and attempt.score == Decimal("0.00")
    assert QuizAnswer.objects.filter(attempt=attempt, feedback__contains="Pay yourself").exists()


def test_passing_the_quiz_completes_the_course_with_its_lessons(setup):
    learner = setup.learner
    for lesson in setup.lessons:
        course_services.lesson_complete(user=learner, lesson=lesson)
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is None  # the required quiz is still to pass
    submit(setup, right=False)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    submit(setup, number=2)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    progress = course_selectors.course_detail_get(course=setup.course, user=learner).progress
    assert (progress.done, progress.total) == (3, 3)


def test_resubmitting_the_same_attempt_number_returns_it_graded_once(setup):
    first = submit(setup, right=False)
    again = submit(setup, right=True)  # the same form sent twice, even with other answers
    assert again.pk == first.pk and again.passed is False
    assert QuizAttempt.objects.count() == 1 and QuizAnswer.objects.count() == 4


def test_a_stale_attempt_number_is_refused(setup):
    with pytest.raises(SubmissionError):
        submit(setup, number=3)
    with pytest.raises(SubmissionError):
        services.attempt_submit(user=setup.learner, quiz=setup.quiz, data=setup.answers(), attempt_number="abc")
    assert QuizAttempt.objects.count() == 0


def test_no_attempt_after_the_last_allowed_one(make_setup):
    setup = make_setup(max_attempts=2)
    submit(setup, right=False)
    submit(setup, right=False, number=2)
    with pytest.raises(SubmissionError) as error:
        submit(setup, number=3)
    assert "used all your attempts" in str(error.value)
    assert QuizAttempt.objects.count() == 2


def test_no_attempt_after_passing(setup):
    submit(setup)
    with pytest.raises(SubmissionError):
        submit(setup, number=2)
    assert QuizAttempt.objects.count() == 1


def test_a_learner_not_enrolled_cannot_submit(setup):
    with pytest.raises(SubmissionError):
        submit(setup, user=make_learner())
    assert QuizAttempt.objects.count() == 0


def test_a_learner_who_left_the_course_cannot_submit(setup):
    course_services.enrollment_leave(user=setup.learner, course=setup.course)
    with pytest.raises(SubmissionError):
        submit(setup)
    assert QuizAttempt.objects.count() == 0


@pytest.mark.parametrize("closure", ["draft", "private", "course_unpublished", "course_private"])
def test_a_closed_quiz_refuses_submissions(setup, closure):
    if closure == "draft":
        setup.quiz.unpublish()
    elif closure == "private":
        PageViewRestriction.objects.create(page=setup.quiz, restriction_type=PageViewRestriction.LOGIN)
    elif closure == "course_unpublished":
        setup.course.unpublish()  # the quiz page itself stays live; only its course is withdrawn
    else:
        PageViewRestriction.objects.create(page=setup.course, restriction_type=PageViewRestriction.LOGIN)
    setup.quiz.refresh_from_db()
    with pytest.raises(SubmissionError):
        submit(setup)
    assert QuizAttempt.objects.count() == 0
    assert setup.quiz.live is (closure != "draft")  # only the draft case closes the quiz page itself


def test_options_of_another_quiz_are_refused(setup, home):
    other = make_quiz(setup.lessons[0].get_parent(), questions=[setup.raw[0] | {"id": "other-q"}])
    data = setup.answers()
    with pytest.raises(SubmissionError):
        services.attempt_submit(user=setup.learner, quiz=other, data=data, attempt_number="1")
    assert QuizAttempt.objects.count() == 0


def test_an_optional_quiz_does_not_hold_back_completion(make_setup):
    setup = make_setup(is_required=False)
    for lesson in setup.lessons:
        course_services.lesson_complete(user=setup.learner, lesson=lesson)
    assert Enrollment.objects.get(user=setup.learner).completed_at is not None


def test_stored_answer_texts_are_capped(setup):
    quiz = make_quiz(setup.lessons[0].get_parent(), questions=[q_numeric(prompt="P" * 20_000, feedback="F" * 20_000)])
    question_id = quiz.questions[0].id
    attempt = services.attempt_submit(
        user=setup.learner, quiz=quiz, data={f"q-{question_id}": ["1160"]}, attempt_number="1"
    )
    answer = attempt.answers.get()
    assert 0 < len(answer.prompt) <= 8000 and 0 < len(answer.feedback) <= 8000
    assert answer.is_correct
