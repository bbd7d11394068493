"""The quiz step of the demo: a quiz at the end of every demo course."""

from assessments.demo.quizzes import QUIZZES
from assessments.models import QuizPage
from courses.models import CoursePage, ModulePage
from home.demo import DemoRun
from home.demo.pages import stream_build


def quizzes_load(run: DemoRun) -> None:
    """Add each course's end-of-course quiz to its last module, if it is not there yet."""
    for course_slug, spec in QUIZZES.items():
        course = CoursePage.objects.filter(slug=course_slug).first()
        if course is None:
            continue
        module = ModulePage.objects.child_of(course).order_by("-path").first()
        if module is None or module.get_children().filter(slug=spec["slug"]).exists():
            continue
        quiz = QuizPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            pass_mark=spec["pass_mark"],
            max_attempts=spec["max_attempts"],
            multiple_choice_scoring=spec["scoring"],
            estimated_minutes=max(5, 2 * len(spec["questions"])),
            owner=run.editor,
        )
        quiz.questions = stream_build(
            QuizPage, "questions", [{"type": kind, "value": value} for kind, value in spec["questions"]]
        )
        module.add_child(instance=quiz)
        quiz.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
        run.added(f"quiz {quiz.title!r} ({quiz.url_path})")
