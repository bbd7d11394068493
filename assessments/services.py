"""Submitting a quiz attempt: checked, graded on the server once, and counted toward the course."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from assessments import grading
from assessments.grading import SubmissionError  # noqa: F401 (re-exported for callers)
from assessments.models import QuizAnswer, QuizAttempt, QuizPage
from courses import services as course_services


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
    course = course_services.course_of_lesson(quiz)
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
                prompt=answer.prompt,
                option_ids=answer.option_ids,
                value=answer.value,
                answer_text=answer.answer_text,
                points=answer.points,
                is_correct=answer.is_correct,
                feedback=answer.feedback,
                correct_answer_text=answer.correct_answer_text,
            )
            for answer in graded
        ]
    )
    if attempt.passed:
        # The same service that records a lesson: the quiz now counts as done in the course.
        course_services.lesson_complete(user=user, lesson=quiz)
    return attempt
