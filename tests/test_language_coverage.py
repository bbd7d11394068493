"""scripts/language_coverage.py counts, per language and page type, the pages with content in the language."""

import importlib
from pathlib import Path

import polib
import pytest

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage
from tests.builders import make_course, make_course_index, make_translation


@pytest.fixture
def coverage(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "scripts"))
    return importlib.import_module("language_coverage")


def _name(model):
    return str(model._meta.verbose_name)


def test_pages_with_a_live_translation_count_and_the_rest_fall_back(coverage, home):
    catalog = make_course_index(home, title="Courses", slug="courses")
    translated = make_course(catalog, title="Bookkeeping", slug="bookkeeping", lessons=1)
    make_course(catalog, title="Pricing", slug="pricing", lessons=1)
    draft_only = make_course(catalog, title="Hiring", slug="hiring", lessons=0)
    make_course(catalog, title="Unpublished", slug="unpublished", lessons=0, modules=0, live=False)
    make_translation(home, "fr", title="Accueil")
    make_translation(catalog, "fr", title="Cours", slug="cours")
    make_translation(translated, "fr", title="Comptabilité", slug="comptabilite")
    make_translation(home, "ar", title="الرئيسية")
    make_translation(catalog, "ar", title="الدورات", slug="dawrat")
    make_translation(draft_only, "ar", title="التوظيف", slug="tawzif", live=False)

    rows = coverage.page_coverage_list(["fr", "ar", "ka"])

    counts = {(row.language, row.page_type): (row.pages, row.translated, row.fallback) for row in rows}
    # English: 1 home, 1 catalog, 3 live courses (the unpublished one is left out), 3 modules, 2 lessons;
    # the Arabic draft is not content a visitor sees.
    assert counts == {
        ("fr", _name(HomePage)): (1, 1, 0),
        ("fr", _name(CourseIndexPage)): (1, 1, 0),
        ("fr", _name(CoursePage)): (3, 1, 2),
        ("fr", _name(ModulePage)): (3, 0, 3),
        ("fr", _name(LessonPage)): (2, 0, 2),
        ("ar", _name(HomePage)): (1, 1, 0),
        ("ar", _name(CourseIndexPage)): (1, 1, 0),
        ("ar", _name(CoursePage)): (3, 0, 3),
        ("ar", _name(ModulePage)): (3, 0, 3),
        ("ar", _name(LessonPage)): (2, 0, 2),
        ("ka", _name(HomePage)): (1, 0, 1),
        ("ka", _name(CourseIndexPage)): (1, 0, 1),
        ("ka", _name(CoursePage)): (3, 0, 3),
        ("ka", _name(ModulePage)): (3, 0, 3),
        ("ka", _name(LessonPage)): (2, 0, 2),
    }


def test_catalog_share_counts_translated_entries_only(coverage, tmp_path):
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="Courses", msgstr="Cours"))
    catalog.append(polib.POEntry(msgid="Search", msgstr=""))
    catalog.append(polib.POEntry(msgid="Library", msgstr="Bibliothèque", flags=["fuzzy"]))
    catalog.append(polib.POEntry(msgid="Old", msgstr="Vieux", obsolete=True))
    folder = tmp_path / "zh_Hans" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog.save(str(folder / "django.po"))

    share = coverage.catalog_coverage_get("zh-hans", tmp_path)

    assert (share.language, share.entries, share.translated) == ("zh-hans", 3, 1)
