"""Export sections for the apps that exist today: courses and assessments.

They live here rather than in those apps so the exporter ships in one piece; a new app
(reading lists, certificates) registers its own section from its own ready().
"""


def _iso(value):
    return value.isoformat() if value else None


def enrollments_for_export(user) -> list:
    """The learner's enrolments, each with the lessons they completed."""
    from courses.models import Enrollment

    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("course")
        .prefetch_related("completions")
        .order_by("enrolled_at", "pk")
    )
    return [
        {
            "course": enrollment.course.title,
            "course_key": str(enrollment.course_key),
            "enrolled_at": _iso(enrollment.enrolled_at),
            "left_at": _iso(enrollment.left_at),
            "completed_at": _iso(enrollment.completed_at),
            "lessons_completed": [
                {
                    "lesson": completion.lesson_title,
                    "lesson_key": str(completion.lesson_key),
                    "completed_at": _iso(completion.completed_at),
                }
                for completion in sorted(enrollment.completions.all(), key=lambda c: (c.completed_at, c.pk))
            ],
        }
        for enrollment in enrollments
    ]


def quiz_attempts_for_export(user) -> list:
    """The learner's quiz attempts with every answer as it was graded."""
    from assessments.models import QuizAttempt

    attempts = QuizAttempt.objects.filter(user=user).prefetch_related("answers").order_by("submitted_at", "pk")
    return [
        {
            "quiz": attempt.quiz_title,
            "quiz_key": str(attempt.quiz_key),
            "number": attempt.number,
            "score": str(attempt.score),
            "passed": attempt.passed,
            "pass_mark": attempt.pass_mark,
            "submitted_at": _iso(attempt.submitted_at),
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
