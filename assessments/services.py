"""Submitting a quiz attempt: checked, graded on the server once, and counted toward the course."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from assessments import grading
from assessments.grading import SubmissionError  # noqa: F401 (re-exported for callers)
from assessments.models import QuizAnswer, QuizAttempt, QuizPage
from courses import services as course_services

# Longest text kept per answer field: question texts, options and feedback are bounded by the
# blocks (10 options of 300, feedback of 600 and 1000), so only a tampered quiz reaches it.
STORED_TEXT_MAX = 8000
_VALUE_MAX = QuizAnswer._meta.get_field("value").max_length


class SubmissionRateLimited(Exception):
    """The learner sent more quiz submissions than QUIZ_SUBMIT_RATE_LIMIT allows; retry in `retry_after` s."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def _rate_limit() -> tuple[int, int]:
    """QUIZ_SUBMIT_RATE_LIMIT ("20/m", "100/h"; allauth's notation) as (count, seconds)."""
    count, _slash, unit = settings.QUIZ_SUBMIT_RATE_LIMIT.partition("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]


def attempt_submit_rate_consume(*, user) -> None:
    """Count one quiz submission by `user`; raises SubmissionRateLimited past the limit.

    A fixed window in the cache, like allauth's limits: shared by every process with Redis,
    per process with the local-memory cache.
    """
    limit, period = _rate_limit()
    now = int(time.time())
    key = f"assessments:submit-rate:{user.pk}:{now // period}"
    cache.add(key, 0, timeout=period)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        used = 1
    if used > limit:
        raise SubmissionRateLimited(retry_after=period - now % period)


@transaction.atomic
def attempt_submit(*, user, quiz: QuizPage, data, attempt_number) -> QuizAttempt:
    """Grade attempt `attempt_number` of `quiz` from the form `data`; a repeat returns the same attempt.

    The enrolment row is locked first, so two submissions of one learner's quiz (a double tap,
    two tabs) run one after the other: the second finds the attempt already graded.
    """
    if not user.is_authenticated:
        raise SubmissionError(_("Log in to take this quiz."))
    if not course_services.page_is_open(quiz):
        raise SubmissionError(_("This quiz is not available."))
    course = course_services.lesson_course_get(quiz)
    if not course_services.page_is_open(course):
        raise SubmissionError(_("This course is not available."))
    enrollment = course_services.enrollment_lock(user=user, course=course)
    if enrollment is None:
        raise SubmissionError(_("Enrol in the course to take this quiz."))
    try:
        number = int(attempt_number)
    except (TypeError, ValueError):
        raise SubmissionError(_("This form is out of date. Reload the page and try again.")) from None

    attempts = QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key)
    existing = attempts.filter(number=number).first()
    if existing is not None:
        return existing  # already graded: the same submission arriving twice
    done = attempts.count()
    if attempts.filter(passed=True).exists():
        raise SubmissionError(_("You have already passed this quiz."))
    if quiz.max_attempts and done >= quiz.max_attempts:
        raise SubmissionError(_("You have used all your attempts at this quiz."))
    if number != done + 1:
        raise SubmissionError(_("This form is out of date. Reload the page and try again."))

    questions = grading.questions_of(quiz)
    graded = grading.grade(questions, grading.read_submission(questions, data), scoring=quiz.multiple_choice_scoring)
    score = grading.score_percent(graded)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=user,
                quiz_key=quiz.translation_key,
                quiz=quiz,
                quiz_title=quiz.title[:255],
                number=number,
                score=score,
                passed=score >= quiz.pass_mark,
                pass_mark=quiz.pass_mark,
            )
    except IntegrityError:
        # Another process graded this attempt number between our check and our insert.
        return attempts.get(number=number)
    QuizAnswer.objects.bulk_create(
        [
            QuizAnswer(
                attempt=attempt,
                question_id=answer.question_id,
                question_type=answer.question_type,
                prompt=answer.prompt[:STORED_TEXT_MAX],
                option_ids=answer.option_ids,
                value=answer.value[:_VALUE_MAX],
                answer_text=answer.answer_text[:STORED_TEXT_MAX],
                points=answer.points,
                is_correct=answer.is_correct,
                feedback=answer.feedback[:STORED_TEXT_MAX],
                correct_answer_text=answer.correct_answer_text[:STORED_TEXT_MAX],
            )
            for answer in graded
        ]
    )
    if attempt.passed:
        # The same service that records a lesson: the quiz now counts as done in the course.
        course_services.lesson_complete(user=user, lesson=quiz)
    return attempt
