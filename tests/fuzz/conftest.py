"""The world every fuzz test sends its hostile input to."""

import pytest

from tests.builders import (
    course_lessons,
    make_course,
    make_course_index,
    make_editor,
    make_library,
    make_partner_index,
    make_quiz,
    make_resource,
    onboard,
    q_numeric,
    q_single,
    q_true_false,
)


@pytest.fixture
def site(home):
    """A course with lessons and a quiz, a library with a resource, a partner with its own editor, an editor."""
    catalog = make_course_index(home)
    course = make_course(catalog, lessons=2, title="Keep simple books")
    lessons = course_lessons(course)
    quiz = make_quiz(lessons[0].get_parent(), questions=[q_single(), q_true_false(is_true=True), q_numeric()])
    library = make_library(home, title="Know-how")
    resource = make_resource(library, title="Cash-flow toolkit")
    make_partner_index(home)
    partner, partner_editor = onboard("Riverbend University", email="dean@riverbend.example")
    partner_course = make_course(partner, lessons=1, title="Dry maize safely")
    editor = make_editor()
    return {
        "home": home,
        "catalog": catalog,
        "course": course,
        "lessons": lessons,
        "quiz": quiz,
        "library": library,
        "resource": resource,
        "partner": partner,
        "partner_editor": partner_editor,
        "partner_course": partner_course,
        "editor": editor,
    }
