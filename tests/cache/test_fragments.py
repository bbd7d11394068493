"""Menus, footer and taxonomy lists are cached per language and generation, for signed-in pages too (issue 16)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.models import FooterText, MenuPlace
from taxonomy.models import Topic
from tests.builders import make_course, make_learner, make_menu, make_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(catalog):
    client = Client()
    client.force_login(make_learner())
    return client


def tables_read(client, url) -> str:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return " ".join(query["sql"] for query in queries)


def test_a_signed_in_page_reads_the_menus_and_terms_once(learner, catalog):
    make_menu(MenuPlace.MAIN, [catalog])
    FooterText.objects.create(body="<p>Run by the chamber of commerce.</p>")
    make_term(Topic, "Pricing")

    first = tables_read(learner, catalog.url)
    second = tables_read(learner, catalog.url)

    assert "home_navigationmenu" in first and "home_footertext" in first and "taxonomy_topic" in first
    assert "home_navigationmenu" not in second and "home_footertext" not in second
    assert "taxonomy_topic" not in second


def test_the_current_page_is_marked_in_a_cached_menu(learner, home, catalog):
    make_menu(MenuPlace.MAIN, [home, catalog])
    learner.get("/")

    html = learner.get(catalog.url).content.decode()

    assert f'<a href="{catalog.url}" aria-current="page">Courses</a>' in html


def test_a_renamed_term_and_a_new_footer_show_on_the_next_signed_in_page(learner, catalog):
    pricing = make_term(Topic, "Pricing")
    course = make_course(catalog, title="Price your bread")
    course.topics.set([pricing])
    course.save_revision().publish()
    assert "Pricing" in learner.get(catalog.url).content.decode()

    pricing.name = "Prices and margins"
    pricing.save()
    FooterText.objects.create(body="<p>Run by the chamber of commerce.</p>")

    html = learner.get(catalog.url).content.decode()
    assert "Prices and margins" in html and "Run by the chamber of commerce." in html


def test_each_language_has_its_own_menu(home, catalog):
    from wagtail.models import Locale

    french = Locale.objects.create(language_code="fr")
    make_menu(MenuPlace.MAIN, [catalog])
    french_menu = make_menu(MenuPlace.MAIN, [], locale=french)
    french_menu.items = [("link", {"page": None, "url": "https://example.org/fr", "label": "Tous les cours"})]
    french_menu.save()

    assert "Tous les cours" not in Client().get("/").content.decode()
    assert "Tous les cours" in Client().get("/fr/").content.decode()
    assert "Tous les cours" not in Client().get("/").content.decode()
