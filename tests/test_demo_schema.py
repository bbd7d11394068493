"""Every demo data file fits its schema; a broken one is reported by file and field; a new file loads."""

import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from courses.models import CoursePage
from demo.loader import DATA_DIR
from demo.schema import DemoDataError, ImageRef, PageRef, data_read

NEW_COURSE = """\
order: 99
title: Count your stock once a month
summary: A monthly stock count in one hour, so you know what sells and what sits on the shelf.
audience: Shop owners who buy stock for resale.
level: beginner
estimated_hours: 0.5
cover_image: !image course-keep-simple-books
topics: [bookkeeping-and-cash]
outcomes:
- outcome: Count the whole shop in one hour.
modules:
- slug: count-and-compare
  title: Count and compare
  lessons:
  - slug: count-the-shelves
    title: Count the shelves
    summary: One shelf at a time, on the last Sunday of the month.
    estimated_minutes: 8
    body:
    - paragraph: <p>Start at the door and count every shelf, left to right, on a printed list.</p>
  quiz:
    slug: stock-quiz
    title: "Quiz: count your stock"
    pass_mark: 60
    estimated_minutes: 5
    questions:
    - true_false:
        prompt: A stock count is best done on a busy market day.
        is_true: false
        feedback: Count when the shop is closed or quiet.
"""


def _data_files():
    return sorted(path for path in DATA_DIR.rglob("*.yaml") if path.name != "schema.yaml")


def _refs(data, kind):
    if isinstance(data, dict):
        return [ref for value in data.values() for ref in _refs(value, kind)]
    if isinstance(data, list):
        return [ref for value in data for ref in _refs(value, kind)]
    return [data] if isinstance(data, kind) else []


def test_every_demo_file_fits_its_schema():
    assert len(_data_files()) > 40
    problems = []
    for path in _data_files():
        try:
            data_read(path, DATA_DIR)
        except DemoDataError as error:
            problems.append(str(error))
    assert not problems, "\n".join(problems)


def test_every_image_and_page_reference_points_at_a_demo_file():
    images = data_read(DATA_DIR / "en" / "images.yaml", DATA_DIR)
    files = {path.stem for path in (DATA_DIR / "images").iterdir()}
    assert set(images) <= files
    pages = {
        path.stem
        for folder in ("pages", "partners", "courses", "programs", "resources")
        for path in (DATA_DIR / "en" / folder).glob("*.yaml")
    }
    for path in _data_files():
        data = data_read(path, DATA_DIR)
        assert set(_refs(data, ImageRef)) <= set(images), path
        assert set(_refs(data, PageRef)) <= pages, path


def test_a_broken_file_is_named_with_the_field_at_fault(tmp_path):
    path = tmp_path / "en" / "courses" / "price-your-products.yaml"
    path.parent.mkdir(parents=True)
    data = yaml.safe_load((DATA_DIR / "en" / "courses" / "price-your-products.yaml").read_text().replace("!image", ""))
    data["modules"][0]["lessons"][1]["estimated_minutes"] = "eight"
    del data["modules"][1]["title"]
    data["level"] = ["beginner"]
    data["colour"] = "red"
    path.write_text(yaml.safe_dump(data))

    with pytest.raises(DemoDataError) as error:
        data_read(path, tmp_path)

    message = str(error.value)
    assert (
        "en/courses/price-your-products.yaml: modules[0].lessons[1].estimated_minutes should be int, not str" in message
    )
    assert "en/courses/price-your-products.yaml: modules[1].title is required" in message
    assert "en/courses/price-your-products.yaml: level should be str, not list" in message
    assert "en/courses/price-your-products.yaml: colour is not a known field" in message
    assert "cover_image should be image, not str" in message  # the !image tag was dropped


@pytest.mark.django_db
def test_the_command_stops_on_a_broken_file_and_names_it(tmp_path):
    data_dir = tmp_path / "demo"
    shutil.copytree(DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.py", "__pycache__", "management"))
    (data_dir / "accounts.yaml").write_text("admin:\n  email: admin@example.org\nlearners: []\n")

    with pytest.raises(CommandError, match=r"accounts\.yaml: admin\.first_name is required"):
        call_command("load_demo_content", logins_file=tmp_path / "logins.json", data_dir=data_dir, stdout=StringIO())


@pytest.mark.django_db
def test_adding_a_course_file_adds_the_course(tmp_path, client, django_capture_on_commit_callbacks):
    data_dir = tmp_path / "demo"
    shutil.copytree(DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.py", "__pycache__", "management"))
    (data_dir / "en" / "courses" / "count-your-stock.yaml").write_text(NEW_COURSE)

    def load():
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo_content", logins_file=tmp_path / "logins.json", data_dir=data_dir, stdout=out)
        return out.getvalue()

    load()

    course = CoursePage.objects.live().get(slug="count-your-stock")
    assert course.get_parent().slug == "courses"
    assert "Count your stock once a month" in client.get("/courses/").content.decode()
    assert "Count the shelves" in client.get(course.url).content.decode()
    assert client.get(f"{course.url}count-and-compare/count-the-shelves/").status_code == 200
    assert "nothing changed" in load()
    assert CoursePage.objects.filter(slug="count-your-stock").count() == 1
