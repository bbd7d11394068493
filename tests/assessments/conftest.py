import pytest

from courses import services as course_services
from tests.assessments.questions import option_ids, q_multiple, q_numeric, q_single, q_true_false
from tests.factories import course_lessons, make_course, make_course_index, make_learner, make_quiz


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


@pytest.fixture
def setup(home):
    return QuizSetup(home)


@pytest.fixture
def make_setup(home):
    return lambda **fields: QuizSetup(home, **fields)
