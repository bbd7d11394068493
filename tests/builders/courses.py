"""Learning pages: the catalog, courses with modules and lessons, programs."""

from courses.models import (
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    ProgramCourse,
    ProgramIndexPage,
    TrainingProgramPage,
)
from tests.builders.pages import publish
from tests.builders.unique import unique


def make_course_index(home, **fields):
    """A published catalog under `home`."""
    index = CourseIndexPage(
        title=fields.pop("title", "Courses"),
        slug=fields.pop("slug", f"courses-{unique()}"),
        intro=fields.pop("intro", "All our courses."),
        **fields,
    )
    home.add_child(instance=index)
    return publish(index)


def make_course(parent, *, lessons=3, modules=1, title=None, live=True, **fields):
    """A course under `parent` with `lessons` lessons spread over `modules` modules, published unless live=False."""
    n = unique()
    course = CoursePage(
        title=title or f"Course {n}",
        slug=fields.pop("slug", f"course-{n}"),
        summary=fields.pop("summary", "What this course teaches."),
        estimated_hours=fields.pop("estimated_hours", 1),
        **fields,
    )
    parent.add_child(instance=course)
    if live:
        publish(course)
    else:
        course.save_revision()
        course.live = False
        course.save(update_fields=["live"])
    module_pages = [make_module(course, title=f"Module {m + 1}", slug=f"module-{m + 1}") for m in range(modules)]
    for i in range(lessons):
        make_lesson(module_pages[i * modules // max(lessons, 1)], title=f"Lesson {i + 1} of {course.title}")
    return course


def make_module(course, **fields):
    """A published module at the end of `course`."""
    n = unique()
    module = ModulePage(title=fields.pop("title", f"Module {n}"), slug=fields.pop("slug", f"module-{n}"), **fields)
    course.add_child(instance=module)
    return publish(module)


def make_lesson(module, *, title=None, **fields):
    n = unique()
    lesson = LessonPage(
        title=title or f"Lesson {n}",
        slug=fields.pop("slug", f"lesson-{n}"),
        summary=fields.pop("summary", "A short lesson."),
        body=fields.pop("body", [("paragraph", "<p>Write down every sale today.</p>")]),
        **fields,
    )
    module.add_child(instance=lesson)
    return publish(lesson)


def course_lessons(course):
    """The course's lessons in tree order (quizzes left out)."""
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def make_program_index(home, **fields):
    """A published list of training programs under `home`."""
    index = ProgramIndexPage(
        title=fields.pop("title", "Programs"),
        slug=fields.pop("slug", f"programs-{unique()}"),
        **fields,
    )
    home.add_child(instance=index)
    return publish(index)


def make_program(index, *, courses, title=None, **fields):
    """A published training program under `index` leading through `courses`, in that order."""
    n = unique()
    program = TrainingProgramPage(
        title=title or f"Program {n}",
        slug=fields.pop("slug", f"program-{n}"),
        intro=fields.pop("intro", "Courses to take in order."),
        **fields,
    )
    program.program_courses = [ProgramCourse(course=course, sort_order=i) for i, course in enumerate(courses)]
    index.add_child(instance=program)
    return publish(program)
