"""Reads for taking and reviewing quizzes, and for the editors' quiz report.

What a learner's browser receives before submitting is built here, and holds only question
and option texts and ids: never which option is correct, never feedback.
"""

import random
from collections import Counter, defaultdict

from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404

from accounts.export import iso_or_none
from assessments.models import AnswerReveal, QuizAnswer, QuizAttempt, QuizPage
from courses import selectors as course_selectors


def quiz_detail_get(*, quiz: QuizPage, user, is_preview: bool = False, submitted=None, errors=None) -> dict:
    """Where the quiz sits in its course, the learner's attempts, and the questions to show."""
    detail = course_selectors.lesson_detail_get(lesson=quiz, user=user, is_preview=is_preview)
    enrollment = detail["enrollment"]
    attempts = []
    if enrollment is not None:
        attempts = list(QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).order_by("number"))
    passed = next((attempt for attempt in attempts if attempt.passed), None)
    used = len(attempts)
    left = None if not quiz.max_attempts else max(quiz.max_attempts - used, 0)
    can_attempt = enrollment is not None and passed is None and (left is None or left > 0)
    next_number = used + 1
    detail.update(
        {
            "can_read": detail["course"] is not None and (enrollment is not None or is_preview),
            "attempts": attempts,
            "best_attempt": max(attempts, key=lambda attempt: attempt.score, default=None),
            "passed_attempt": passed,
            "attempts_used": used,
            "attempts_left": left,
            "can_attempt": can_attempt,
            "next_number": next_number,
            "questions": question_forms(
                quiz, seed=f"{getattr(user, 'pk', 0)}:{quiz.translation_key}:{next_number}", submitted=submitted, errors=errors
            )
            if can_attempt or is_preview
            else [],
        }
    )
    return detail


def question_forms(quiz: QuizPage, *, seed: str, submitted=None, errors=None) -> list:
    """The questions as the form shows them: texts and ids only, in a stable shuffled order."""
    rng = random.Random(seed)
    submitted = submitted or {}
    errors = errors or {}
    questions = []
    for block in quiz.questions:
        value = block.value
        chosen = [item for item in submitted.getlist(f"q-{block.id}")] if hasattr(submitted, "getlist") else []
        question = {
            "id": block.id,
            "field": f"q-{block.id}",
            "kind": block.block_type,
            "prompt": value["prompt"],
            "error": errors.get(block.id, ""),
            "value": chosen[0] if chosen else "",
            "unit": value.get("unit", "") if block.block_type == "numeric" else "",
            "options": [],
        }
        if block.block_type in ("single_choice", "multiple_choice"):
            options = [
                {"id": child.id, "text": child.value["text"], "selected": child.id in chosen}
                for child in value["options"].bound_blocks
            ]
            if quiz.shuffle_options:
                rng.shuffle(options)
            question["options"] = options
        elif block.block_type == "true_false":
            question["options"] = [
                {"id": "true", "text": None, "selected": "true" in chosen},
                {"id": "false", "text": None, "selected": "false" in chosen},
            ]
        questions.append(question)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions


def reveal_allowed(*, quiz: QuizPage | None, user, attempts_used: int, has_passed: bool) -> bool:
    """Whether reviews may show the correct answers, under the quiz's policy."""
    if quiz is None or quiz.reveal_answers == AnswerReveal.NEVER:
        return False
    if quiz.reveal_answers == AnswerReveal.AFTER_PASS:
        return has_passed
    out_of_attempts = bool(quiz.max_attempts) and attempts_used >= quiz.max_attempts
    return has_passed or out_of_attempts


def attempt_review_get(*, user, attempt_id: int) -> dict:
    """One of the learner's own attempts with its answers; anyone else's is a 404."""
    attempt = get_object_or_404(QuizAttempt.objects.select_related("quiz"), pk=attempt_id, user=user)
    siblings = QuizAttempt.objects.filter(user=user, quiz_key=attempt.quiz_key)
    stats = siblings.aggregate(used=Count("pk"), passes=Count("pk", filter=Q(passed=True)))
    quiz = attempt.quiz
    if quiz is not None:
        quiz = QuizPage.objects.live().public().filter(translation_key=attempt.quiz_key, locale=quiz.locale_id).first()
    used, has_passed = stats["used"], bool(stats["passes"])
    can_retry = (
        quiz is not None and not has_passed and (not quiz.max_attempts or used < quiz.max_attempts)
    )
    return {
        "attempt": attempt,
        "answers": list(attempt.answers.order_by("pk")),
        "quiz": quiz,
        "reveal": reveal_allowed(quiz=quiz, user=user, attempts_used=used, has_passed=has_passed),
        "has_passed": has_passed,
        "attempts_used": used,
        "attempts_left": None if quiz is None or not quiz.max_attempts else max(quiz.max_attempts - used, 0),
        "can_retry": can_retry,
    }


def attempts_for_dashboard(*, user, limit: int = 20) -> list:
    """The learner's latest quiz attempts, newest first."""
    return list(QuizAttempt.objects.filter(user=user).order_by("-submitted_at", "-pk")[:limit])


def quiz_report_list() -> list:
    """Every quiz with its number of attempts, learners, pass rate and average score."""
    rows = (
        QuizAttempt.objects.values("quiz_key")
        .annotate(
            attempts=Count("pk"),
            learners=Count("user", distinct=True),
            passes=Count("pk", filter=Q(passed=True)),
            average=Avg("score"),
        )
        .order_by()
    )
    stats = {row["quiz_key"]: row for row in rows}
    report = []
    for quiz in QuizPage.objects.order_by("title").select_related("locale"):
        row = stats.get(quiz.translation_key, {})
        attempts = row.get("attempts", 0)
        report.append(
            {
                "quiz": quiz,
                "attempts": attempts,
                "learners": row.get("learners", 0),
                "pass_rate": round(100 * row.get("passes", 0) / attempts) if attempts else None,
                "average": row.get("average"),
            }
        )
    return report


def quiz_report_get(*, quiz: QuizPage) -> dict:
    """Per question: how many answered, the share fully correct, and the share that picked each option."""
    answers = QuizAnswer.objects.filter(attempt__quiz_key=quiz.translation_key).values_list(
        "question_id", "option_ids", "value", "is_correct"
    )
    answered = Counter()
    correct = Counter()
    picks = defaultdict(Counter)
    for question_id, option_ids, value, is_correct in answers:
        answered[question_id] += 1
        correct[question_id] += int(is_correct)
        for option_id in option_ids or ([value] if value in ("true", "false") else []):
            picks[question_id][option_id] += 1
    questions = []
    for block in quiz.questions:
        total = answered[block.id]
        if block.block_type in ("single_choice", "multiple_choice"):
            options = [(child.id, child.value["text"], child.value["is_correct"]) for child in block.value["options"].bound_blocks]
        elif block.block_type == "true_false":
            options = [("true", "True", bool(block.value["is_true"])), ("false", "False", not block.value["is_true"])]
        else:
            options = []
        questions.append(
            {
                "prompt": block.value["prompt"],
                "kind": block.block_type,
                "answered": total,
                "correct_share": round(100 * correct[block.id] / total) if total else None,
                "options": [
                    {
                        "text": text,
                        "is_correct": is_correct,
                        "count": picks[block.id][option_id],
                        "share": round(100 * picks[block.id][option_id] / total) if total else 0,
                    }
                    for option_id, text, is_correct in options
                ],
            }
        )
    attempts = QuizAttempt.objects.filter(quiz_key=quiz.translation_key).aggregate(
        count=Count("pk"), passes=Count("pk", filter=Q(passed=True)), learners=Count("user", distinct=True)
    )
    return {
        "quiz": quiz,
        "questions": questions,
        "attempts": attempts["count"],
        "learners": attempts["learners"],
        "pass_rate": round(100 * attempts["passes"] / attempts["count"]) if attempts["count"] else None,
    }


def quiz_attempts_for_export(user) -> list:
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
