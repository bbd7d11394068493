"""A visitor filters the academic partners by country and opens one: no JavaScript needed, axe clean."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(tmp_path):
    call_command(
        "load_demo_content", logins_file=str(tmp_path / "logins.json"), languages=("en",), stdout=open("/dev/null", "w")
    )


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_visitor_filters_partners_by_country_and_opens_one(live_server, browser, demo_site, prefix):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    assert page.goto(f"{live_server.url}{prefix}/partners/").status == 200
    page.locator("#id_country").select_option("KE")
    with page.expect_navigation():
        page.locator(".partner-filters button[type=submit]").click()
    assert "country=KE" in page.url
    cards = page.locator(".partner-card")
    assert cards.count() == 1
    with page.expect_navigation():
        cards.first.get_by_role("link").click()
    assert page.locator("h1").inner_text() == "Savanna Institute of Enterprise"
    assert page.locator(".card").count() >= 1  # its course
    context.close()

    page = browser.new_page()
    for url in (f"{prefix}/partners/?country=KE", f"{prefix}/partners/savanna-institute/"):
        page.goto(live_server.url + url)
        assert axe_violations(page) == [], url
    page.close()
