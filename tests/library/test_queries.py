"""No library or search page runs more queries because there is more content, nor more than its ceiling."""

import pytest
from django.urls import reverse

from library import services
from taxonomy.models import BusinessStage, Sector, Topic
from tests.builders import make_image, make_learner, make_resource
from tests.queries import assert_flat, page_queries

pytestmark = pytest.mark.django_db

# Measured when each guard was written or lowered (same on SQLite and PostgreSQL).
LIBRARY_QUERIES = 4  # issue 16: facets, partners, restrictions, alternates cached (16 before)
SEARCH_QUERIES = 6  # issue 16: alternates cached (7 before)
RESOURCE_QUERIES = 6  # issue 16: partners, restrictions, alternates cached (11 before)
DASHBOARD_QUERIES = 8  # no enrolments, only the reading list; issue 16: no userbar queries for a learner


def add_resources(parent, count, partner=None):
    topic, _ = Topic.objects.get_or_create(slug="pricing", defaults={"name": "Pricing"})
    sector, _ = Sector.objects.get_or_create(slug="food", defaults={"name": "Food"})
    stage, _ = BusinessStage.objects.get_or_create(slug="growth", defaults={"name": "Growth"})
    for i in range(count):
        make_resource(
            partner if (partner and i % 2) else parent,
            title=f"Cashbook guide {i}",
            kind="guide",
            topics=[topic],
            sectors=[sector],
            stages=[stage],
            country="KE",
            region="africa",
            image=make_image() if i % 3 == 0 else None,
        )


def test_library_queries_do_not_grow_with_resources(client, know_how, partner):
    add_resources(know_how, 10, partner)
    before, after = assert_flat(
        client, know_how.url, lambda: add_resources(know_how, 90, partner), ceiling=LIBRARY_QUERIES
    )
    assert before.count('class="card resource-card"') == 10 and "Pricing (10)" in before
    assert after.count('class="card resource-card"') == 12 and "Pricing (100)" in after
    few, _ = page_queries(client, know_how.url)
    filtered, _ = page_queries(client, know_how.url + "?topic=pricing&country=KE&sort=title&page=2")
    assert filtered == few


def test_search_queries_do_not_grow_with_hits(client, know_how, partner):
    add_resources(know_how, 5, partner)
    before, after = assert_flat(
        client,
        reverse("search:search") + "?q=cashbook",
        lambda: add_resources(know_how, 45, partner),
        ceiling=SEARCH_QUERIES,
    )
    assert before.count('class="search-result"') == 5
    assert "50 results" in after and after.count('class="search-result"') == 10


def test_resource_page_queries_do_not_grow_with_relations(client, know_how):
    resource = make_resource(know_how)

    def relate():
        resource.related_resources.set([make_resource(know_how) for _ in range(10)])
        resource.save_revision().publish()

    _, after = assert_flat(client, resource.url, relate, ceiling=RESOURCE_QUERIES)
    assert after.count("Guide:</span>") == 10


def test_dashboard_reading_list_queries_do_not_grow(client, know_how):
    learner = make_learner()
    client.force_login(learner)
    resources = [make_resource(know_how, title=f"Saved {i}") for i in range(12)]
    services.reading_list_add(user=learner, resource=resources[0])

    def save_the_rest():
        for resource in resources[1:]:
            services.reading_list_add(user=learner, resource=resource)

    _, after = assert_flat(client, reverse("home:dashboard"), save_the_rest, ceiling=DASHBOARD_QUERIES)
    assert after.count("Remove from reading list") == 12
