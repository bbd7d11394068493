"""The programme index and its filters, a programme's page and what belongs to it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from projects.models import ProjectPage
from tests.builders import make_course, make_course_index, make_library, make_project, make_resource
from tests.builders.pages import make_private

pytestmark = pytest.mark.django_db


def test_index_lists_live_public_programmes(client, programmes):
    make_project(programmes, title="Georgia SME programme", countries=["GE"], region="central_asia")
    hidden = make_project(programmes, title="Private programme")
    make_private(hidden)
    draft = make_project(programmes, title="Draft programme")
    draft.unpublish()
    html = client.get(programmes.url).content.decode()
    assert "Georgia SME programme" in html and "Georgia" in html
    assert "Private programme" not in html and "Draft programme" not in html
    assert "1 programme" in html


def test_filters_by_country_region_status_and_theme(client, programmes, terms):
    make_project(programmes, title="Georgia SME", countries=["GE"], region="central_asia", topics=[terms["finance"]])
    make_project(
        programmes, title="China Turkey e-commerce", countries=["CN", "TR"], status="planned", topics=[terms["export"]]
    )
    make_project(programmes, title="Old Kenya pilot", countries=["KE"], region="africa", status="completed")
    for query, shown, hidden in (
        ("?country=TR", "China Turkey e-commerce", "Georgia SME"),
        ("?country=CN", "China Turkey e-commerce", "Old Kenya pilot"),
        ("?region=central_asia", "Georgia SME", "China Turkey e-commerce"),
        ("?status=completed", "Old Kenya pilot", "Georgia SME"),
        ("?topic=export", "China Turkey e-commerce", "Georgia SME"),
        ("?status=running&topic=finance", "Georgia SME", "Old Kenya pilot"),
    ):
        html = client.get(programmes.url + query).content.decode()
        assert shown in html and hidden not in html, query
    html = client.get(programmes.url + "?status=planned&country=GE").content.decode()
    assert "No programme matches these filters." in html


@pytest.mark.parametrize(
    "query", ["?status=cancelled", "?country=XX", "?region=%00", "?topic=" + "x" * 3000, "?page=0", "?page=abc"]
)
def test_junk_filters_never_answer_500(client, programmes, query):
    make_project(programmes, title="Still listed")
    response = client.get(programmes.url + query)
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, programmes):
    for i in range(13):
        make_project(programmes, title=f"Programme {i:02d}")
    html = client.get(programmes.url + "?page=40").content.decode()
    assert "showing the last page" in html and "Page 2 of 2" in html


def test_project_page_shows_facts_partners_courses_and_resources(client, home, programmes, partner, terms):
    course = make_course(make_course_index(home), lessons=0, modules=0, title="Sell online with a phone")
    resource = make_resource(make_library(home), title="Marketplace checklist")
    hidden_course = make_course(make_course_index(home, slug="more"), lessons=0, modules=0, title="Draft course")
    hidden_course.unpublish()
    project = make_project(
        programmes,
        title="China Turkey e-commerce pilot",
        countries=["CN", "TR"],
        funder="A development bank",
        start_date=datetime.date(2026, 2, 1),
        end_date=datetime.date(2027, 6, 30),
        goals="<p>Two hundred firms selling across the border.</p>",
        results=[("paragraph", "<p>Forty firms trained so far.</p>")],
        topics=[terms["export"]],
        partners=[partner],
        courses=[course, hidden_course],
        resources=[resource],
    )
    html = client.get(project.url).content.decode()
    for text in (
        "A development bank",
        "China",
        "Two hundred firms",
        "Forty firms trained so far.",
        "Riverbend University",
        "Sell online with a phone",
        "Marketplace checklist",
        "Export",
        "Running",
    ):
        assert text in html, text
    assert "Draft course" not in html


def test_end_before_start_is_refused_by_the_form_and_the_database(programmes):
    project = ProjectPage(
        title="Backwards",
        slug="backwards",
        summary="x",
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError):
        project.full_clean()
    with pytest.raises(ValidationError):
        programmes.add_child(instance=project)
    saved = make_project(programmes, start_date=datetime.date(2026, 5, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPage.objects.filter(pk=saved.pk).update(end_date=datetime.date(2026, 1, 1))


def test_programmes_are_found_by_site_search(client, programmes):
    make_project(programmes, title="Tbilisi artisans programme")
    html = client.get(reverse("search:search") + "?q=tbilisi").content.decode()
    assert "Tbilisi artisans programme" in html and "Programme" in html


def test_a_programme_lists_the_events_that_name_it(client, programmes):
    from tests.builders import make_event, make_event_index

    events = make_event_index(programmes.get_parent(), slug="events")
    georgia = make_project(programmes, title="Georgia SME programme")
    other = make_project(programmes, title="Another programme")
    workshop = make_event(events, title="Digital tools workshop in Tbilisi")
    workshop.projects.set([georgia])
    workshop.save_revision().publish()
    draft = make_event(events, title="Not announced yet", live=False)
    draft.projects.set([georgia])
    draft.save_revision()
    make_event(events, title="An event of no programme")

    html = client.get(georgia.url).content.decode()
    assert '<h2 id="project-events-title">Events</h2>' in html
    assert "Digital tools workshop in Tbilisi" in html
    assert "Not announced yet" not in html and "An event of no programme" not in html
    assert "project-events-title" not in client.get(other.url).content.decode()
