"""Menus, footer text and taxonomy terms translate through wagtail-localize like pages (issue 15)."""

import pytest
from django.urls import reverse

from home.models import FooterText, MenuPlace
from taxonomy.models import Topic
from tests.builders import make_library, make_menu, make_resource, make_standard_page, make_term
from tests.localize.translating import in_french, translate_fully

pytestmark = pytest.mark.django_db


@pytest.fixture
def snippets(home):
    about = make_standard_page(home, title="About")
    menu = make_menu(MenuPlace.MAIN, [about])
    menu.items = [("link", {"page": about, "url": "", "label": "Who we are"})]
    menu.save()
    footer = FooterText.objects.create(body="<p>Made with care in Nairobi</p>")
    topic = make_term(Topic, "Pricing")
    return {"menu": menu, "footer": footer, "topic": topic, "about": about}


@pytest.mark.parametrize("name", ["menu", "footer", "topic"])
def test_snippet_translation_views_open(client, snippets, fr_home, french, superuser, name):
    snippet = snippets[name]
    meta = type(snippet)._meta
    client.force_login(superuser)
    url = reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, snippet.pk])
    assert client.get(url).status_code == 200
    if name == "menu":
        translate_fully(snippets["about"], french, user=superuser)
    response = client.post(url, {"locales": [french.pk]})
    assert response.status_code == 302
    target = type(snippet).objects.get(translation_key=snippet.translation_key, locale=french)
    edit = client.get(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[target.pk]))
    assert edit.status_code == 200


def test_translated_menu_and_footer_show_on_the_french_site(client, home, snippets, fr_home, french, superuser):
    fr_about, _translation = translate_fully(snippets["about"], french, user=superuser)
    translate_fully(snippets["menu"], french, user=superuser)
    translate_fully(snippets["footer"], french, user=superuser)
    body = client.get(fr_home.url).content.decode()
    assert in_french("Who we are") in body
    assert fr_about.url in body  # the link goes to the French page
    assert in_french("Made with care in Nairobi") in body
    english = client.get(home.url).content.decode()
    assert in_french("Who we are") not in english and "Who we are" in english


def test_a_translated_topic_keeps_its_slug_and_shows_on_the_french_library(
    client, home, snippets, fr_home, french, superuser
):
    topic = snippets["topic"]
    library = make_library(home, title="Know-how")
    make_resource(library, title="Price a dress", topics=[topic])
    fr_topic, _translation = translate_fully(topic, french, user=superuser)
    assert fr_topic.name == in_french("Pricing")
    assert fr_topic.slug == topic.slug  # a stable id in filter URLs, never offered to translators
    fr_library, _translation = translate_fully(library, french, user=superuser)
    body = client.get(fr_library.url).content.decode()
    assert in_french("Pricing") in body
