"""Site search: labelled hits from every public part of the site, and never a 500."""

import time

import pytest
from django.urls import reverse

from tests.builders import (
    make_course,
    make_course_index,
    make_lesson,
    make_partner,
    make_program,
    make_program_index,
    make_resource,
    publish,
)

pytestmark = pytest.mark.django_db
SEARCH = "/search/"


def search(client, q, **params):
    response = client.get(SEARCH, {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_one_query_finds_courses_lessons_programs_resources_and_partners_labelled_by_type(client, home, know_how):
    catalog = make_course_index(home)
    course = make_course(catalog, title="Pricing for bakers", lessons=0, modules=1)
    make_lesson(course.get_children().first(), title="Count your flour", summary="Pricing starts with costs.")
    programs = make_program_index(home, slug="programs")
    make_program(programs, courses=[course], title="Pricing path", slug="pricing-path", intro="Three courses.")
    make_resource(know_how, title="Pricing toolkit", kind="toolkit")
    make_partner(home, title="Pricing Institute")

    html = search(client, "pricing")
    for label, title in (
        ("Course", "Pricing for bakers"),
        ("Lesson", "Count your flour"),
        ("Training program", "Pricing path"),
        ("Resource", "Pricing toolkit"),
        ("Partner", "Pricing Institute"),
    ):
        assert title in html
        assert f'<p class="search-result__type">{label}' in html
    assert "5 results" in html


def test_lesson_bodies_are_never_searchable_only_their_public_summaries(client, home):
    course = make_course(make_course_index(home), lessons=0, modules=1)
    module = course.get_children().first()
    make_lesson(
        module,
        title="Open lesson",
        summary="A public quokkasummary.",
        body=[("paragraph", "<p>Secret quokkabody.</p>")],
    )
    make_lesson(module, title="Locked lesson", summary="Another.", body=[("paragraph", "<p>Locked quokkalocked.</p>")])
    assert "Open lesson" in search(client, "quokkasummary")
    assert "0 results" in search(client, "quokkabody")
    html = search(client, "quokkalocked")
    assert "0 results" in html and "Locked lesson" not in html


def test_results_are_paginated_and_the_empty_state_is_clear(client, know_how):
    for i in range(13):
        make_resource(know_how, title=f"Cashbook guide {i}")
    first = search(client, "cashbook")
    assert "13 results" in first and first.count('class="search-result"') == 10
    assert "Page 1 of 2" in first and "q=cashbook&amp;page=2" in first
    second = search(client, "cashbook", page=2)
    assert second.count('class="search-result"') == 3
    assert search(client, "cashbook", page=99).count('class="search-result"') == 3
    empty = search(client, "nothingmatchesthis")
    assert "Nothing matches “nothingmatchesthis”." in empty and "0 results" in empty
    assert "Type a word or two" in client.get(SEARCH).content.decode()


def test_search_shows_only_the_current_language(client, know_how):
    from wagtail.models import Locale

    resource = make_resource(know_how, title="Toolkit walrusword")
    french = Locale.objects.create(language_code="fr")
    translation = resource.copy_for_translation(french, copy_parents=True, alias=False)
    translation.title = "Boîte à outils walrusword"
    publish(translation)
    for page in translation.get_ancestors().filter(depth__gt=1):
        if not page.live:
            page.specific.save_revision().publish()
    english = search(client, "walrusword")
    assert "Toolkit walrusword" in english and "Boîte à outils" not in english
    french_html = client.get("/fr/search/", {"q": "walrusword"}).content.decode()
    assert "Boîte à outils walrusword" in french_html and "Toolkit walrusword" not in french_html


HOSTILE = [
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "{{ request.user }} {% debug %}",
    "${7*7} <script>alert(1)</script>",
    "a" * 10_000,
    "word " * 2_000,
    "\x00",
    "bread\x00flour",
    "\x01\x02\x1b[31m\x7f",
    "((((((((((((((((((((",
    "OR AND NOT",
    '"unbalanced',
    "*?+[](){}|\\^$",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_give_a_page_never_a_500(client, know_how, query):
    make_resource(know_how, title="Bread and flour")
    started = time.monotonic()
    response = client.get(SEARCH, {"q": query})
    assert time.monotonic() - started < 5
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html  # echoed escaped, never as markup
    if "{{" in query:
        assert "{{ request.user }} {% debug %}" in html  # echoed literally, never evaluated


def test_invalid_utf8_and_repeated_parameters_give_a_page(client, know_how):
    for url in (SEARCH + "?q=%ff%fe%ed%a0%80", SEARCH + "?q=a&q=b&page=%00", SEARCH + "?q[]=1&page=-5"):
        assert client.get(url).status_code == 200


def test_a_10000_character_query_is_cut_with_a_message(client, know_how):
    make_resource(know_how, title="Bread and flour")
    html = search(client, "bread " + "x" * 10_000)
    assert "only its first 200 characters were used" in html
    assert 'maxlength="200"' in html


def test_search_view_is_get_only(client):
    assert client.post(SEARCH, {"q": "bread"}).status_code == 405
    assert reverse("search:search") == SEARCH
