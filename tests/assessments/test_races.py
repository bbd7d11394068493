"""A double tap on "Submit answers": one attempt, graded once, on both databases."""

import pytest

from assessments import services
from assessments.models import QuizAnswer, QuizAttempt
from tests.builders import QuizSetup, make_home
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("repeat", range(5))
def test_the_same_attempt_submitted_from_16_threads_counts_once(repeat):
    setup = QuizSetup(make_home(), max_attempts=3)
    data = setup.answers(right=False)

    def submit(i):
        services.attempt_submit(user=setup.learner, quiz=setup.quiz, data=data, attempt_number="1")

    assert run_at_once(submit) == []
    assert QuizAttempt.objects.filter(user=setup.learner).count() == 1
    assert QuizAnswer.objects.count() == 4


@pytest.mark.parametrize("repeat", range(3))
def test_racing_different_attempt_numbers_never_exceed_the_limit(repeat):
    setup = QuizSetup(make_home(), max_attempts=2)

    def submit(i):
        try:
            services.attempt_submit(
                user=setup.learner,
                quiz=setup.quiz,
                data=setup.answers(right=False, number=i % 4 + 1),
                attempt_number=str(i % 4 + 1),
            )
        except services.SubmissionError:
            pass  # out of turn or over the limit: refused with a message

    assert run_at_once(submit) == []
    numbers = sorted(QuizAttempt.objects.values_list("number", flat=True))
    assert numbers in ([1], [1, 2])
    assert QuizAnswer.objects.count() == 4 * len(numbers)
