"""One reading list whatever language a resource is saved in: saved once, shown in the reader's language (issue 15)."""

import pytest
from django.urls import reverse

from library.models import ReadingListItem
from library.services import reading_list_add, reading_list_remove
from tests.builders import make_home, make_learner, make_library, make_resource
from tests.builders.i18n import make_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource_in_two_languages():
    home = make_home()
    library = make_library(home)
    english = make_resource(library, title="Cash flow toolkit")
    make_translation(home, "fr")
    make_translation(library, "fr", title="Savoir-faire")
    french = make_translation(english, "fr", title="Boîte à outils de trésorerie")
    return english, french


def test_saving_the_french_then_the_english_page_keeps_one_item(resource_in_two_languages):
    english, french = resource_in_two_languages
    learner = make_learner()

    reading_list_add(user=learner, resource=french)
    reading_list_add(user=learner, resource=english)

    assert ReadingListItem.objects.filter(user=learner).count() == 1
    assert ReadingListItem.objects.get(user=learner).resource_key == english.translation_key


def test_the_dashboard_shows_the_saved_resource_in_the_readers_language(client, resource_in_two_languages):
    english, french = resource_in_two_languages
    learner = make_learner()
    reading_list_add(user=learner, resource=english)
    client.force_login(learner)

    dashboard = reverse("home:dashboard")  # before a request leaves French active in this thread
    in_french = client.get("/fr" + dashboard).content.decode()
    in_english = client.get(dashboard).content.decode()

    assert "Boîte à outils de trésorerie" in in_french
    assert "Cash flow toolkit" not in in_french
    assert "Cash flow toolkit" in in_english


def test_removing_it_in_english_removes_what_was_saved_in_french(client, resource_in_two_languages):
    english, french = resource_in_two_languages
    learner = make_learner()
    reading_list_add(user=learner, resource=french)

    assert reading_list_remove(user=learner, resource=english) == 1
    client.force_login(learner)
    assert "Boîte à outils de trésorerie" not in client.get("/fr" + reverse("home:dashboard")).content.decode()
