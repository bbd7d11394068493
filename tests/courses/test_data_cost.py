"""What a course and its videos cost in mobile data is shown before it is spent (issue 20)."""

import re

import pytest

from courses.models import LessonPage
from tests.builders import make_course, make_course_index, make_lesson, make_module, make_translation

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>" + "Count every cost, including your own time. " * 40 + "</p>"  # about 1.8 kB


def video(duration):
    return ("video", {"url": "https://www.youtube.com/watch?v=Q4kVwF0cA1s", "title": "Costs", "duration": duration})


@pytest.fixture
def course(home):
    course = make_course(make_course_index(home, title="Courses", slug="courses"), lessons=0, modules=0, slug="books")
    module = make_module(course)
    make_lesson(module, title="Costs", body=[("paragraph", PARAGRAPH), video("4:30")])
    make_lesson(module, title="Prices", body=[("paragraph", PARAGRAPH), video("1:00:00")])
    return course


def cost_line(html):
    """The course's data cost line, with filesizeformat's no-break spaces as plain ones."""
    return re.search(r'<p class="data-cost">(.*?)</p>', html).group(1).replace("\xa0", " ")


def test_the_course_says_what_reading_and_the_videos_cost(client, course):
    html = client.get(course.url).content.decode()
    # 2 × ~1.8 kB of text; videos at 80 kB/s: 270 s + 3600 s = 309.6 MB (filesizeformat's MB are MiB).
    assert re.fullmatch(r"About 3\.\d KB to read everything, 295\.\d MB with the videos\.", cost_line(html))


def test_each_video_shows_its_approximate_size_on_a_phone(client, course):
    lesson = LessonPage.objects.get(title="Costs")
    html = client.get(lesson.url).content.decode().replace("\xa0", " ")
    assert "4:30 · about 20.6 MB on a phone · " in html


def test_sizes_follow_the_learners_number_format(client, course, home):
    make_translation(home, "fr", title="Accueil")
    make_translation(course.get_parent(), "fr", title="Cours")  # the course itself is shown in English
    html = client.get("/fr" + course.url).content.decode()
    assert re.search(r"3,\d Kio .* 295,\d Mio", cost_line(html)), cost_line(html)  # Django's French units


def test_a_new_revision_is_measured_again(client, course):
    before = cost_line(client.get(course.url).content.decode())
    lesson = LessonPage.objects.get(title="Prices")
    lesson.body = [("paragraph", PARAGRAPH)]
    lesson.save_revision().publish()
    after = cost_line(client.get(course.url).content.decode())
    assert before != after and re.fullmatch(r"About 3\.\d KB to read everything, 20\.6 MB with the videos\.", after)


def test_a_course_without_videos_says_only_what_reading_costs(client, home):
    course = make_course(make_course_index(home), lessons=2)
    assert re.fullmatch(
        r"About \d+ bytes to read everything\.|About [\d.]+ KB to read everything\.",
        cost_line(client.get(course.url).content.decode()),
    )


def test_each_lesson_says_what_it_costs_before_its_body(client, course):
    html = client.get(LessonPage.objects.get(title="Costs").url).content.decode().replace("\xa0", " ")
    line = re.search(r'<p class="data-cost">(.*?)</p>', html).group(1)
    assert re.fullmatch(r"This lesson: about 1\.\d KB to read, 20\.6 MB with the videos\.", line), line
    assert html.index('class="data-cost"') < html.index("lesson__body")
