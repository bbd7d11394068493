"""Quizzes: raw questions with fixed ids, quiz pages, and a course that ends with a quiz."""

from assessments.models import QuizPage
from courses import services as course_services
from tests.builders.accounts import make_learner
from tests.builders.courses import course_lessons, make_course, make_course_index
from tests.builders.pages import publish
from tests.builders.unique import unique


def _id(prefix):
    return f"{prefix}-{unique()}"


def option(text, correct=False, feedback=""):
    return {"type": "item", "id": _id("opt"), "value": {"text": text, "is_correct": correct, "feedback": feedback}}


def q_single(prompt="Which cost is an overhead?", options=None, feedback="Rent is paid even on a quiet day."):
    options = options or [option("Rent", True, "Yes: rent is paid every month."), option("Flour"), option("Thread")]
    return {
        "type": "single_choice",
        "id": _id("q"),
        "value": {"prompt": prompt, "feedback": feedback, "options": options},
    }


def q_multiple(prompt="Which are materials?", options=None, feedback="Materials go into the product."):
    options = options or [option("Fabric", True), option("Buttons", True), option("Rent"), option("Electricity")]
    return {
        "type": "multiple_choice",
        "id": _id("q"),
        "value": {"prompt": prompt, "feedback": feedback, "options": options},
    }


def q_true_false(prompt="Your own time is a cost.", is_true=True, feedback="Pay yourself."):
    return {
        "type": "true_false",
        "id": _id("q"),
        "value": {
            "prompt": prompt,
            "is_true": is_true,
            "feedback": feedback,
            "feedback_true": "",
            "feedback_false": "Think again.",
        },
    }


def q_numeric(prompt="What is 560 + 450 + 150?", answer="1160", tolerance="0", unit="KES", feedback="Add all three."):
    return {
        "type": "numeric",
        "id": _id("q"),
        "value": {"prompt": prompt, "answer": answer, "tolerance": tolerance, "unit": unit, "feedback": feedback},
    }


def option_ids(question, correct=None):
    """Ids of a raw question's options: all, or only the correct (True) or wrong (False) ones."""
    return [
        item["id"] for item in question["value"]["options"] if correct is None or item["value"]["is_correct"] == correct
    ]


def make_quiz(module, *, questions, **fields):
    """A published quiz with raw questions (q_single(), q_multiple(), q_true_false(), q_numeric())."""
    n = unique()
    quiz = QuizPage(
        title=fields.pop("title", f"Quiz {n}"),
        slug=fields.pop("slug", f"quiz-{n}"),
        intro=fields.pop("intro", "Check what you learned."),
        questions=questions,
        **fields,
    )
    module.add_child(instance=quiz)
    return publish(quiz)


class QuizSetup:
    """A course of two lessons ending with a quiz, and an enrolled learner."""

    def __init__(self, home, **quiz_fields):
        self.course = make_course(make_course_index(home), lessons=2)
        self.lessons = course_lessons(self.course)
        self.raw = [q_single(), q_multiple(), q_true_false(is_true=True), q_numeric()]
        self.quiz = make_quiz(self.lessons[0].get_parent(), questions=self.raw, **quiz_fields)
        self.learner = make_learner()
        course_services.enrollment_create(user=self.learner, course=self.course)

    def answers(self, *, right=True, number=1):
        single, multiple, true_false, numeric = self.raw
        data = {
            f"q-{single['id']}": [option_ids(single, right)[0]],
            f"q-{multiple['id']}": option_ids(multiple, True) if right else option_ids(multiple, False),
            f"q-{true_false['id']}": ["true" if right else "false"],
            f"q-{numeric['id']}": ["1160" if right else "999"],
            "attempt": [str(number)],
        }
        return data  # a dict of lists: the test client posts every value (a QueryDict would lose all but one)
