"""Reads for taking and reviewing quizzes (the editors' quiz report is in reports.selectors).

What a learner's browser receives before submitting (assessments.forms) holds only question
and option texts and ids: never which option is correct, never feedback.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from accounts.export import iso_or_none
from assessments.models import AnswerReveal, QuizAttempt, QuizPage
from courses import selectors as course_selectors
from courses.selectors import StepDetail


@dataclass(kw_only=True)
class QuizDetail(StepDetail):
    """A quiz as a course step, with the learner's attempts and whether they may make another."""

    attempts: list
    best_attempt: QuizAttempt | None
    passed_attempt: QuizAttempt | None
    attempts_used: int
    attempts_left: int | None  # None: unlimited
    can_attempt: bool
    next_number: int
    shows_questions: bool  # the form is shown: to a learner who may attempt, and in an editor's preview
    question_seed: str  # the shuffled order of the questions, stable for this learner's next attempt


@dataclass
class AttemptReview:
    """One of the learner's own attempts with its answers, and what the quiz's rules let them see."""

    attempt: QuizAttempt
    answers: list
    quiz: QuizPage | None  # the live, public quiz in the attempt's language, if there is one
    reveal: bool
    has_passed: bool
    attempts_used: int
    attempts_left: int | None
    can_retry: bool


def quiz_detail_get(*, quiz: QuizPage, user, is_preview: bool = False) -> QuizDetail:
    """Where the quiz sits in its course, and the learner's attempts."""
    step = course_selectors.step_detail_get(step=quiz, user=user, is_preview=is_preview)
    attempts = []
    if step.enrollment is not None:
        attempts = list(QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).order_by("number"))
    passed = next((attempt for attempt in attempts if attempt.passed), None)
    used = len(attempts)
    left = None if not quiz.max_attempts else max(quiz.max_attempts - used, 0)
    can_attempt = step.enrollment is not None and passed is None and (left is None or left > 0)
    next_number = used + 1
    return QuizDetail(
        **vars(step),
        attempts=attempts,
        best_attempt=max(attempts, key=lambda attempt: attempt.score, default=None),
        passed_attempt=passed,
        attempts_used=used,
        attempts_left=left,
        can_attempt=can_attempt,
        next_number=next_number,
        shows_questions=can_attempt or is_preview,
        question_seed=f"{getattr(user, 'pk', 0)}:{quiz.translation_key}:{next_number}",
    )


def answer_reveal_allowed(*, quiz: QuizPage | None, user, attempts_used: int, has_passed: bool) -> bool:
    """Whether reviews may show the correct answers, under the quiz's policy."""
    if quiz is None or quiz.reveal_answers == AnswerReveal.NEVER:
        return False
    if quiz.reveal_answers == AnswerReveal.AFTER_PASS:
        return has_passed
    out_of_attempts = bool(quiz.max_attempts) and attempts_used >= quiz.max_attempts
    return has_passed or out_of_attempts


def attempt_review_get(*, user, attempt_id: int) -> AttemptReview | None:
    """One of the learner's own attempts with its answers; None for anyone else's."""
    attempt = QuizAttempt.objects.select_related("quiz").filter(pk=attempt_id, user=user).first()
    if attempt is None:
        return None
    siblings = QuizAttempt.objects.filter(user=user, quiz_key=attempt.quiz_key)
    stats = siblings.aggregate(used=Count("pk"), passes=Count("pk", filter=Q(passed=True)))
    quiz = attempt.quiz
    if quiz is not None:
        quiz = QuizPage.objects.live().public().filter(translation_key=attempt.quiz_key, locale=quiz.locale_id).first()
    used, has_passed = stats["used"], bool(stats["passes"])
    can_retry = quiz is not None and not has_passed and (not quiz.max_attempts or used < quiz.max_attempts)
    return AttemptReview(
        attempt=attempt,
        answers=list(attempt.answers.order_by("pk")),
        quiz=quiz,
        reveal=answer_reveal_allowed(quiz=quiz, user=user, attempts_used=used, has_passed=has_passed),
        has_passed=has_passed,
        attempts_used=used,
        attempts_left=None if quiz is None or not quiz.max_attempts else max(quiz.max_attempts - used, 0),
        can_retry=can_retry,
    )


def attempt_list(*, user, limit: int = 20) -> list:
    """The learner's latest quiz attempts, newest first."""
    return list(QuizAttempt.objects.filter(user=user).order_by("-submitted_at", "-pk")[:limit])


def attempt_export_list(user) -> list:
    """The learner's quiz attempts with every answer as it was graded."""
    attempts = QuizAttempt.objects.filter(user=user).prefetch_related("answers").order_by("submitted_at", "pk")
    return [
        {
            "quiz": attempt.quiz_title,
            "quiz_key": str(attempt.quiz_key),
            "number": attempt.number,
            "score": str(attempt.score),
            "passed": attempt.passed,
            "pass_mark": attempt.pass_mark,
            "submitted_at": iso_or_none(attempt.submitted_at),
            "answers": [
                {
                    "question": answer.prompt,
                    "question_type": answer.question_type,
                    "chosen_options": answer.option_ids,
                    "typed": answer.value,
                    "answer": answer.answer_text,
                    "points": str(answer.points),
                    "correct": answer.is_correct,
                    "feedback": answer.feedback,
                }
                for answer in sorted(attempt.answers.all(), key=lambda a: a.pk)
            ],
        }
        for attempt in attempts
    ]
