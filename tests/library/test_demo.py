"""The demo libraries are believable: every kind, case studies from several regions, partners' work."""

from io import StringIO

import pytest
from django.core.management import call_command

from home.models import MenuPlace, NavigationMenu
from library import selectors
from library.models import LibraryIndexPage, ResourceKind, ResourcePage
from partners.models import PartnerPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(tmp_path, django_capture_on_commit_callbacks):
    def load():
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo_content", logins_file=tmp_path / "logins.json", languages=("en",), stdout=out)
        return out.getvalue()

    load()
    return load


def test_demo_resources_cover_every_kind_and_regions(demo, client):
    resources = list(ResourcePage.objects.live().public())
    assert len(resources) >= 12
    assert {resource.kind for resource in resources} == set(ResourceKind.values)
    case_studies = [resource for resource in resources if resource.kind == "case_study"]
    assert len(case_studies) >= 4 and len({resource.region for resource in case_studies}) >= 4
    assert any(resource.attachments.exists() for resource in resources)
    for library in LibraryIndexPage.objects.live():
        html = client.get(library.url).content.decode()
        assert html.count('class="card resource-card"') >= 5, library.title
    for resource in resources:
        assert client.get(resource.url).status_code == 200, resource.url


def test_first_three_partners_publish_exactly_two_resources_each(demo):
    for slug in ["riverbend-university", "savanna-institute", "valle-verde"]:
        partner = PartnerPage.objects.get(slug=slug)
        assert len(selectors.partner_resource_list(partner, partner.locale)) == 2, slug


def test_libraries_are_linked_from_the_menus(demo, client):
    main = NavigationMenu.objects.get(place=MenuPlace.MAIN)
    footer = NavigationMenu.objects.get(place=MenuPlace.FOOTER)
    main_titles = [item.value["page"].title for item in main.items if item.value.get("page")]
    footer_titles = [item.value["page"].title for item in footer.items if item.value.get("page")]
    assert "Know-how" in main_titles and {"Know-how", "Best practices"} <= set(footer_titles)


def test_loading_the_demo_again_adds_no_resource(demo):
    count = ResourcePage.objects.count()
    assert "nothing changed" in demo()
    assert ResourcePage.objects.count() == count
