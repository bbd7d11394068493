"""The key pages, in every language of the site, show no interface string left in English.

A page is rendered at its address in a language (`/fr/…`, `/ar/…`), its visible text and its
human-readable attributes collected, and each compared with the English msgids of that language's
catalog (locale/<lang>/LC_MESSAGES/django.po): a text equal to a msgid whose translation differs
from it is an interface string shown in English. Content is built with names that are no interface
string, so a hit is always the interface's. Only the project's own catalog is checked: Django's,
allauth's and Wagtail's strings are theirs. A text node split by markup (`Signed in as <b>x</b>`)
is compared piece by piece, so a msgid with markup inside is not checked.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.db import transaction
from django.utils.translation import to_locale

from assessments import services as assessment_services
from courses import services as course_services
from library import services as library_services
from tests.builders import (
    course_lessons,
    make_course,
    make_course_index,
    make_home,
    make_learner,
    make_library,
    make_partner,
    make_quiz,
    make_resource,
    make_translation,
    option_ids,
    q_single,
    q_true_false,
)

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
SKIPPED = {"script", "style", "template"}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|%%")

pytestmark = pytest.mark.django_db


# --- what a page shows ---------------------------------------------------------------------


class _Texts(HTMLParser):
    """The visible text nodes (outside script and style) and the human-readable attribute values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in SKIPPED:
            self._skipping += 1
        for name in ATTRIBUTES & values.keys():
            self.texts.append(values[name] or "")
        if tag == "input" and (values.get("type") or "").lower() in {"submit", "button", "reset"}:
            self.texts.append(values.get("value") or "")

    def handle_endtag(self, tag):
        if tag in SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.texts.append(data)


def page_texts(html):
    parser = _Texts()
    parser.feed(html)
    parser.close()
    return {text for text in (" ".join(raw.split()) for raw in parser.texts) if text}


# --- the catalogs ----------------------------------------------------------------------------


@dataclass
class Catalog:
    """The English msgids of one language whose translation differs from them."""

    plain: set = field(default_factory=set)
    patterns: list = field(default_factory=list)

    def english(self, texts):
        found = {text for text in texts if text in self.plain}
        return found | {text for text in texts - found if any(pattern.fullmatch(text) for pattern in self.patterns)}


def _pattern(msgid):
    """A regex for a python-format msgid (placeholders match any text), or None if it is all placeholder."""
    pieces = PLACEHOLDER.split(msgid)
    if sum(ch.isalpha() for piece in pieces for ch in piece) < 4:
        return None
    markers = PLACEHOLDER.findall(msgid)
    regex = re.escape(" ".join(pieces[0].split()))
    for marker, piece in zip(markers, pieces[1:], strict=True):
        regex += ("%" if marker == "%%" else ".+?") + re.escape(" ".join(piece.split()))
    return re.compile(regex)


def catalog_read(language):
    catalog = Catalog()
    translated = {}
    for entry in polib.pofile(str(LOCALE / to_locale(language) / "LC_MESSAGES" / "django.po")):
        if entry.obsolete or entry.fuzzy:
            continue
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
            translated.setdefault(msgid, set()).update(" ".join(form.split()) for form in forms if form)
            translated[msgid].add("" if any(forms) else msgid)  # an empty msgstr is shown as the msgid
    for msgid, translations in translated.items():
        text = " ".join(msgid.split())
        if text in translations or "<" in msgid:
            continue
        if PLACEHOLDER.search(msgid):
            if pattern := _pattern(msgid):
                catalog.patterns.append(pattern)
        else:
            catalog.plain.add(text)
    return catalog


# --- the site ----------------------------------------------------------------------------------


def _site():
    """Every key page, with content named so that no name is an interface string; a learner with records."""
    home = make_home(title="Kilimo Ventures Hub", hero_title="Kilimo Ventures for Zawadi")
    catalog = make_course_index(home, title="Zawadi learning shelf", slug="shelf", intro="Zawadi trainings.")
    course = make_course(catalog, title="Zawadi bookkeeping", slug="zawadi-books", lessons=2, summary="Zawadi ledgers.")
    for lesson in course_lessons(course):
        lesson.title = f"Zawadi ledger {lesson.pk}"
        lesson.summary = "Zawadi notes."
        lesson.save_revision().publish()
    module = course_lessons(course)[0].get_parent().specific
    module.title = "Zawadi part one"
    module.save_revision().publish()
    single = q_single(prompt="Zawadi: rent or flour?")
    true_false = q_true_false(prompt="Zawadi counts her time.", feedback="Zawadi pays herself.")
    quiz = make_quiz(module, questions=[single, true_false], title="Zawadi check-up", intro="Zawadi questions.")
    library = make_library(home, title="Zawadi toolbox", slug="toolbox", intro="Zawadi tools.")
    resource = make_resource(library, title="Zawadi cash book", slug="cash-book", summary="Zawadi cash.")
    partner = make_partner(home, title="Zawadi University", slug="zawadi-university")
    for language in LANGUAGES:
        home_translated = make_translation(home, language, title=f"Kilimo {language}")
        make_translation(catalog, language, title=f"Zawadi {language}", slug=f"shelf-{language}")
        assert home_translated.live

    learner = make_learner(first_name="Amina", last_name="Wanjiru", profile={"certificate_name": "Amina Wanjiru"})
    course_services.enrollment_create(user=learner, course=course)
    for lesson in course_lessons(course):
        course_services.lesson_complete(user=learner, lesson=lesson)
    answers = {
        f"q-{single['id']}": [option_ids(single, True)[0]],
        f"q-{true_false['id']}": ["true"],
        "attempt": ["1"],
    }
    attempt = assessment_services.attempt_submit(user=learner, quiz=quiz, data=answers, attempt_number="1")
    library_services.reading_list_add(user=learner, resource=resource)
    certificate = learner.certificates.get()
    pages = {
        "home": "/",
        "catalog": catalog.url,
        "course": course.url,
        "lesson": course_lessons(course)[0].url,
        "quiz": quiz.url,
        "quiz attempt": f"/learning/quizzes/attempts/{attempt.pk}/",
        "dashboard": "/learning/",
        "account": "/accounts/me/",
        "certificate": f"/learning/certificates/{certificate.public_id}/",
        "library": library.url,
        "resource": resource.url,
        "search results": "/search/?q=Zawadi",
        "partner": partner.url,
    }
    return learner, pages


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The site built once for the module, in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _site()
        transaction.set_rollback(True)


def _english_left(client, language, pages, catalog):
    """{page name: sorted English strings} for the pages at their address in `language`."""
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    left = {}
    for name, path in pages.items():
        response = client.get(f"{prefix}{path}", follow=True)
        assert response.status_code == 200, (language, name, response.redirect_chain)
        assert response.redirect_chain == [] or response.redirect_chain[-1][0].startswith(f"{prefix}/"), name
        if found := catalog.english(page_texts(response.content.decode())):
            left[name] = sorted(found)
    return left


def test_no_interface_string_is_left_in_english_on_any_key_page_in_any_language(client, site):
    learner, pages = site
    client.force_login(learner)
    left = {}
    for language in LANGUAGES:
        client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
        for name, strings in _english_left(client, language, pages, catalog_read(language)).items():
            left[f"{name} in {language}"] = strings
    assert left == {}, "\n".join(f"{page}: {strings}" for page, strings in left.items())


def test_the_check_flags_the_pages_rendered_in_english(client, site):
    """The self-check: the English pages read against the French catalog show the English interface."""
    learner, pages = site
    client.force_login(learner)
    left = _english_left(client, settings.LANGUAGE_CODE, pages, catalog_read("fr"))
    assert set(left) == set(pages)
    assert "Search" in left["home"]
    assert "My learning" in left["dashboard"] or "Dashboard" in left["dashboard"], left["dashboard"]


def test_a_placeholder_msgid_matches_the_rendered_sentence():
    catalog = Catalog(patterns=[_pattern("Signed in as %(name)s.")])
    assert catalog.english({"Signed in as Amina.", "Connecté en tant que Amina."}) == {"Signed in as Amina."}
    assert _pattern("%(count)s") is None


def test_page_texts_skip_scripts_and_keep_labels():
    html = (
        '<title>Courses</title><script>var a = "Search";</script><style>p{}</style>'
        '<nav aria-label="Main"><input type="submit" value="Go"><img alt="Logo" src="x">'
        '<input type="text" value="typed"> Some   text\n here </nav>'
    )
    assert page_texts(html) == {"Courses", "Main", "Go", "Logo", "Some text here"}
