"""On a phone, an entrepreneur filters a library and searches the site, without JavaScript of ours."""

import re

import pytest

from taxonomy.models import Sector, Topic
from tests.browser.conftest import axe_violations
from tests.builders import make_home, make_library, make_partner, make_resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def libraries():
    home = make_home()
    best = make_library(home, kind_group="best_practices", title="Best practices", slug="best-practices")
    partner = make_partner(home, title="Savanna Institute")
    export = Topic.objects.create(name="Export", slug="export")
    pricing = Topic.objects.create(name="Pricing", slug="pricing")
    food = Sector.objects.create(name="Food", slug="food")
    make_resource(
        partner,
        title="Avocado growers ship a container",
        kind="case_study",
        topics=[export],
        sectors=[food],
        country="KE",
        region="africa",
    )
    make_resource(
        best,
        title="A bakery takes orders by chat",
        kind="case_study",
        topics=[pricing],
        sectors=[food],
        country="VN",
        region="asia_pacific",
    )
    make_resource(
        best,
        title="Shared workshops for crafts",
        kind="best_practice",
        topics=[pricing],
        country="GE",
        region="central_asia",
    )
    return best


def test_filter_a_library_and_search_the_site_on_a_phone(live_server, browser, libraries):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + libraries.url)
    assert page.get_by_role("heading", name="3 resources").is_visible()
    assert axe_violations(page) == []
    page.get_by_text("Filter and sort").click()
    page.get_by_label("Kind").select_option("case_study")
    page.get_by_label("Topic").select_option("pricing")
    page.get_by_role("button", name="Show resources").click()
    page.wait_for_url(re.compile(r"kind=case_study"))
    assert page.get_by_role("heading", name="1 resource").is_visible()
    assert page.get_by_role("link", name="A bakery takes orders by chat").is_visible()
    assert page.get_by_role("link", name="Avocado growers ship a container").count() == 0
    # Counts per value, with the other filters applied, in the open form; the URL can be shared.
    assert "Export (1)" in page.get_by_label("Topic").inner_text()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search courses, lessons, programs, resources and partners").fill("avocado")
    page.get_by_label("Search courses, lessons, programs, resources and partners").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=avocado"))
    assert page.get_by_role("heading", name="1 result").is_visible()
    result = page.locator(".search-result").first
    assert "RESOURCE · SAVANNA INSTITUTE" in result.inner_text().upper()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_label("Search courses, lessons, programs, resources and partners").fill("zzzznothing")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("Nothing matches “zzzznothing”.").is_visible()
    assert axe_violations(page) == []

    page.goto(live_server.url + libraries.url)
    page.get_by_role("link", name="A bakery takes orders by chat").click()
    assert page.get_by_role("heading", name="The case in brief").is_visible()
    assert axe_violations(page) == []
    context.close()
