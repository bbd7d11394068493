"""Every demo data file fits its schema; a broken one is reported by file and field; a new file loads."""

import shutil
from io import StringIO

import pytest
import yaml
from django.conf import settings
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
            call_command(
                "load_demo_content",
                logins_file=tmp_path / "logins.json",
                data_dir=data_dir,
                languages=("en",),
                stdout=out,
            )
        return out.getvalue()

    load()

    course = CoursePage.objects.live().get(slug="count-your-stock")
    assert course.get_parent().slug == "courses"
    assert "Count your stock once a month" in client.get("/courses/").content.decode()
    assert "Count the shelves" in client.get(course.url).content.decode()
    assert client.get(f"{course.url}count-and-compare/count-the-shelves/").status_code == 200
    assert "nothing changed" in load()
    assert CoursePage.objects.filter(slug="count-your-stock").count() == 1


# The demo set every content language translates (issue 15); a language folder holds all of it.
TRANSLATED_SET = (
    "home.yaml",
    "navigation.yaml",
    "taxonomy.yaml",
    "images.yaml",
    *(
        f"pages/{slug}.yaml"
        for slug in (
            "about",
            "best-practices",
            "contact",
            "courses",
            "for-partners",
            "how-it-works",
            "know-how",
            "news",
            "partners",
            "privacy",
            "programmes",
            "programs",
            "terms",
        )
    ),
    "partners/riverbend-university.yaml",
    "courses/one-page-business-plan.yaml",
    "courses/find-and-keep-customers.yaml",
    "courses/plan-a-week-in-your-workshop.yaml",
    "programs/start-your-business.yaml",
    "programs/go-digital.yaml",
    "projects/georgia-sme-programme.yaml",
    "projects/china-turkey-e-commerce-pilot.yaml",
    "news/georgia-programme-opens-in-six-regions.yaml",
    "news/cross-border-e-commerce-what-small-firms-need.yaml",
    *(
        f"resources/{slug}.yaml"
        for slug in (
            "cash-flow-toolkit",
            "one-page-business-plan-template",
            "price-list-customers-understand",
            "sell-on-a-marketplace-app",
            "family-bakery-takes-orders-by-chat",
            "apprenticeships-in-small-firms",
        )
    ),
)


def demo_languages() -> list:
    """The folders under demo/ named for a content language other than English."""
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} - {"en"}
    return sorted(path.name for path in DATA_DIR.iterdir() if path.is_dir() and path.name in codes)


def test_language_folders_are_content_languages():
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    folders = {path.name for path in DATA_DIR.iterdir() if path.is_dir()} - {"images", "documents", "management"}
    assert folders - {"__pycache__"} <= codes


@pytest.mark.parametrize("language", demo_languages())
def test_a_language_folder_holds_the_whole_set_and_only_english_files(language):
    files = {str(path.relative_to(DATA_DIR / language)) for path in (DATA_DIR / language).rglob("*.yaml")}
    english = {str(path.relative_to(DATA_DIR / "en")) for path in (DATA_DIR / "en").rglob("*.yaml")}
    assert sorted(set(TRANSLATED_SET) - files) == [], f"demo/{language} misses these files"
    assert sorted(files - english) == [], f"demo/{language} has files with no English file"


def _quiz_shape(data):
    """What a translation must keep of each quiz: slugs, question types, right answers, options' count."""
    shape = []
    for module in data.get("modules", []):
        for entry in (module.get("quiz") or {}).get("questions", []):
            ((kind, value),) = entry.items()
            fixed = {key: str(value[key]) for key in ("is_true", "answer", "tolerance") if key in value}
            options = [bool(option.get("is_correct")) for option in value.get("options", [])]
            shape.append((module["slug"], module["quiz"]["slug"], kind, fixed, options))
    return shape


@pytest.mark.parametrize("language", demo_languages())
def test_translated_files_keep_slugs_references_numbers_and_quiz_shapes(language):
    for path in sorted((DATA_DIR / language).rglob("*.yaml")):
        relative = path.relative_to(DATA_DIR / language)
        data = data_read(path, DATA_DIR)
        english = data_read(DATA_DIR / "en" / relative, DATA_DIR)
        where = f"{language}/{relative}"
        assert _quiz_shape(data) == _quiz_shape(english), where
        assert _refs(data, ImageRef) == _refs(english, ImageRef), where
        assert _refs(data, PageRef) == _refs(english, PageRef), where
        if relative.name == "taxonomy.yaml":  # there the keys hold the names
            assert {name: set(terms) for name, terms in data.items()} == {
                name: set(terms) for name, terms in english.items()
            }, where
            continue
        for key in (
            *("order", "parent", "type", "estimated_hours", "level", "topics", "sectors", "stages", "kind"),
            *("status", "countries", "region", "date", "start_date", "end_date", "original_url"),
            *("projects", "partners", "courses", "resources"),
        ):
            assert data.get(key) == english.get(key), f"{where}: {key}"
        lessons = [
            [(lesson["slug"], lesson["estimated_minutes"]) for lesson in module["lessons"]]
            for module in data.get("modules", [])
        ]
        assert lessons == [
            [(lesson["slug"], lesson["estimated_minutes"]) for lesson in module["lessons"]]
            for module in english.get("modules", [])
        ], where
