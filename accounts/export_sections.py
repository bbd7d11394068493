"""Export sections for accounts' own records and for courses and assessments, and the reasons
other apps' user-linked models are left out.

Courses and assessments live here rather than in those apps so the exporter ships in one
piece; a newer app (the library's reading list, certificates) registers its own section from
its own ready().
"""

# Models that point at a user but hold no record about them as a learner: each with why.
# Editors' and partners' authorship stays with the content it describes (and Wagtail shows it
# in the page history); transient admin state is deleted with the session.
NOT_EXPORTED = {
    "wagtailcore.Page": "page ownership and locks: authorship of site content, shown in the page history",
    "wagtailcore.Revision": "drafts of site content an editor saved: authorship, kept with the page history",
    "wagtailcore.PageLogEntry": "the editors' audit log of page changes: kept for accountability",
    "wagtailcore.ModelLogEntry": "the editors' audit log of snippet and setting changes: kept for accountability",
    "wagtailcore.WorkflowState": "moderation of content an editor submitted: part of the page's history",
    "wagtailcore.TaskState": "a reviewer's decision in moderation: part of the page's history",
    "wagtailcore.Comment": "editors' comments on a page draft: part of the page's history",
    "wagtailcore.CommentReply": "editors' replies to comments on a page draft: part of the page's history",
    "wagtailcore.PageSubscription": "an editor's choice to be notified of comments on a page; admin setting",
    "wagtailcore.UploadedFile": "a file being uploaded in the admin, deleted once the upload finishes",
    "wagtailcore.APIToken": "an API credential: a secret, never put in a download",
    "wagtailadmin.EditingSession": "which page an editor has open, deleted within minutes",
    "wagtailadmin.FormState": "an unsaved admin form kept for an editor, deleted once saved",
    "wagtailusers.UserProfile": "the editor's admin interface preferences (language, time zone, avatar, notices)",
    "wagtailimages.Image": "who uploaded an image to the media library: authorship of site content",
    "wagtaildocs.Document": "who uploaded a document to the media library: authorship of site content",
    "wagtail_localize.StringTranslation": "who last translated a text of the site: authorship of site content",
    "wagtail_localize.SegmentOverride": "who last overrode a translated segment: authorship of site content",
}


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


def sessions_for_export(user) -> list:
    """The devices the person is signed in on (allauth usersessions): address, browser, first and last seen.

    Never the session key or the session's data: those would let the file's holder sign in.
    """
    from allauth.usersessions.models import UserSession

    return [
        {
            "ip_address": session.ip,
            "user_agent": session.user_agent,
            "first_seen": _iso(session.created_at),
            "last_seen": _iso(session.last_seen_at),
        }
        for session in UserSession.objects.filter(user=user).order_by("created_at", "pk")
    ]
