"""The demo in every language folder under demo/: real translations of the English pages, shown in that language."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Revision

from assessments.models import QuizPage
from courses import services as course_services
from courses.models import CoursePage, ModulePage, TrainingProgramPage
from demo.loader import DATA_DIR, FOLDERS
from demo.schema import data_read
from home.models import FooterText, MenuPlace, NavigationMenu
from taxonomy.models import BusinessStage, Sector, Topic
from tests.builders import make_learner
from tests.test_demo_content import _row_counts
from tests.test_demo_schema import TRANSLATED_SET, demo_languages

LANGUAGES = demo_languages()
RTL = {"ar"}
PAGE_FILES = [name for name in TRANSLATED_SET if name == "home.yaml" or name.split("/")[0] in FOLDERS]

# The first test waits for the one demo load of every language (minutes on a busy machine).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the module, in a transaction rolled back at its end."""
    logins_file = tmp_path_factory.mktemp("demo") / "logins.json"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", logins_file=logins_file, stdout=StringIO())
        yield logins_file
        transaction.set_rollback(True)


def _read(language, name):
    return data_read(DATA_DIR / language / name, DATA_DIR)


def _english_page(name):
    """The English page of a demo file, found by its slug (the home page by its place)."""
    english = Locale.objects.get(language_code="en")
    if name == "home.yaml":
        return Page.objects.get(depth=2, locale=english).specific
    slug = name.split("/")[-1].removesuffix(".yaml")
    return Page.objects.get(slug=slug, locale=english).specific


def _translation(name, language):
    return _english_page(name).get_translation(Locale.objects.get(language_code=language))


def _question_ids(quiz):
    return [
        (block.id, [option.id for option in block.value["options"].bound_blocks] if "options" in block.value else [])
        for block in quiz.questions
    ]


def _text(response):
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translated_page_answers_in_its_language(demo, client, language):
    for name in PAGE_FILES:
        page = _translation(name, language)
        assert page.url.startswith(f"/{language}/"), name
        response = client.get(page.url)
        assert response.status_code == 200, name
        text = _text(response)
        data = _read(language, name)
        assert data["hero_title" if name == "home.yaml" else "title"] in text, name
        direction = "rtl" if language in RTL else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in text, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_translation_is_linked_to_its_english_page(demo, language):
    for name in PAGE_FILES:
        english = _english_page(name)
        page = _translation(name, language)
        assert page.translation_key == english.translation_key
        assert english.pk in {other.pk for other in page.get_translations()}, name
        assert page.live and not page.has_unpublished_changes, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_course_shows_its_lessons_and_quiz_in_the_language(demo, client, language):
    learner = make_learner()
    client.force_login(learner)
    for name in [name for name in TRANSLATED_SET if name.startswith("courses/")]:
        data = _read(language, name)
        course = _translation(name, language)
        course_services.enrollment_create(user=learner, course=course)
        for module in data["modules"]:
            for lesson in module["lessons"]:
                response = client.get(f"{course.url}{module['slug']}/{lesson['slug']}/")
                assert response.status_code == 200, lesson["slug"]
                assert lesson["title"] in _text(response)
            quiz_data = module.get("quiz")
            if quiz_data is None:
                continue
            response = client.get(f"{course.url}{module['slug']}/{quiz_data['slug']}/")
            text = _text(response)
            assert response.status_code == 200, quiz_data["slug"]
            assert quiz_data["title"] in text
            for entry in quiz_data["questions"]:
                ((_kind, question),) = entry.items()
                assert " ".join(question["prompt"].split()) in " ".join(text.split())
                for option in question.get("options", []):
                    assert option["text"] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_quiz_questions_and_options_keep_the_english_ids(demo, language):
    quizzes = QuizPage.objects.filter(locale__language_code=language)
    assert quizzes.count() == len([name for name in TRANSLATED_SET if name.startswith("courses/")])
    for quiz in quizzes:
        english = quiz.get_translation(Locale.objects.get(language_code="en"))
        assert _question_ids(quiz) == _question_ids(english)
        assert [block.value["prompt"] for block in quiz.questions] != [
            block.value["prompt"] for block in english.questions
        ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_menus_footer_and_taxonomy_are_translations_in_the_language(demo, client, language):
    data = _read(language, "navigation.yaml")
    text = " ".join(_text(client.get(f"/{language}/")).split())
    for place in (MenuPlace.MAIN, MenuPlace.FOOTER):
        menu = NavigationMenu.objects.get(place=place, locale__language_code=language)
        english = NavigationMenu.objects.get(place=place, locale__language_code="en")
        assert menu.translation_key == english.translation_key
        for item, link in zip(menu.items, data[place], strict=True):
            page = item.value["page"].specific
            label = link.get("label") or page.title
            assert page.locale.language_code == language
            assert f">{label}</a>" in text, label
    footer = FooterText.objects.get(locale__language_code=language)
    assert footer.translation_key == FooterText.objects.get(locale__language_code="en").translation_key
    assert " ".join(data["footer_text"].split()).removeprefix("<p>")[:40] in text
    names = _read(language, "taxonomy.yaml")
    for kind, model in {"topics": Topic, "sectors": Sector, "stages": BusinessStage}.items():
        terms = {term.slug: term for term in model.objects.filter(locale__language_code=language)}
        assert {slug: term.name for slug, term in terms.items()} == names[kind]
        english = {term.slug: term.translation_key for term in model.objects.filter(locale__language_code="en")}
        assert {slug: term.translation_key for slug, term in terms.items()} == {slug: english[slug] for slug in terms}


@pytest.mark.parametrize("language", LANGUAGES)
def test_program_lists_its_translated_courses_and_the_rest_in_english(demo, client, language):
    for name in [name for name in TRANSLATED_SET if name.startswith("programs/")]:
        program = _translation(name, language)
        text = _text(client.get(program.url))
        for row in TrainingProgramPage.objects.get(pk=program.pk).program_courses.select_related("course"):
            translated = row.course.get_translation_or_none(program.locale)
            course = CoursePage.objects.get(pk=(translated or row.course).pk)
            assert course == row.course, "the program links the course in its language where there is one"
            assert course.title in text
            assert f'href="{course.url}"' in text


def test_a_second_load_changes_nothing(demo):
    counts = _row_counts()
    pages = list(Page.objects.values_list("pk", "latest_revision_id", "live_revision_id", "last_published_at"))
    revisions = Revision.objects.count()

    out = StringIO()
    call_command("load_demo_content", logins_file=demo, stdout=out)

    assert _row_counts() == counts
    assert Revision.objects.count() == revisions
    assert list(Page.objects.values_list("pk", "latest_revision_id", "live_revision_id", "last_published_at")) == pages
    assert "nothing changed" in out.getvalue()


# --- French and Arabic visitors (issue 15's proof) --------------------------------------------

VISITOR_LANGUAGES = ["fr", "ar"]
ENGLISH_NOTE = "This page is not yet available in"


def _demo_pages():
    """Every live page of the English demo site, its home included, in tree order.

    Modules are left out: they have no page of their own (they redirect into their course's syllabus).
    """
    english = Locale.objects.get(language_code="en")
    home = Page.objects.get(depth=2, locale=english)
    pages = Page.objects.live().descendant_of(home, inclusive=True).not_type(ModulePage).order_by("path")
    return [page.specific for page in pages]


def _visitor(client):
    """A learner enrolled on every demo course, so that lessons and quizzes open rather than show their door."""
    learner = make_learner()
    for course in CoursePage.objects.live().filter(locale__language_code="en"):
        course_services.enrollment_create(user=learner, course=course)
    client.force_login(learner)


def _shown_title(page):
    return page.hero_title if page.depth == 2 else page.title


@pytest.mark.parametrize("language", VISITOR_LANGUAGES)
def test_a_visitor_reads_each_translated_demo_page_in_the_language_and_the_note_elsewhere(demo, client, language):
    _visitor(client)
    locale = Locale.objects.get(language_code=language)
    translated = fallback = 0
    for english in _demo_pages():
        translation = english.get_translation_or_none(locale)
        if translation is not None and translation.live:
            translation = translation.specific
            response = client.get(translation.url, follow=True)
            text = _text(response)
            assert response.status_code == 200, translation.url
            assert " ".join(_shown_title(translation).split()) in " ".join(text.split()), translation.url
            assert "language-fallback-note" not in text, translation.url
            translated += 1
            continue
        address = f"/{language}{english.url}"
        response = client.get(address, follow=True)
        text = _text(response)
        main = re.search(r"<main [^>]*>", text).group(0)
        assert response.status_code == 200, address
        assert f'class="callout language-fallback-note" role="note" lang="{language}"' in text, address
        assert ENGLISH_NOTE not in text, address
        assert 'lang="en"' in main, address
        assert " ".join(_shown_title(english).split()) in " ".join(text.split()), address
        fallback += 1
    assert translated >= len(PAGE_FILES) and fallback > 0, (translated, fallback)
