"""A visitor on a phone opens the home page and follows the navigation to every section."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import axe_violations, menu_open

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(tmp_path):
    call_command("load_demo_content", logins_file=str(tmp_path / "logins.json"), stdout=open("/dev/null", "w"))


def test_every_top_level_section_answers_with_a_heading_and_no_serious_axe_violations(live_server, page, demo_site):
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []

    menu_open(page)
    main_nav = page.get_by_role("navigation", name="Main")
    names = [link.inner_text() for link in main_nav.get_by_role("link").all()]
    assert len(names) >= 3, names
    for name in names:
        page.goto(live_server.url + "/")
        menu_open(page)
        with page.expect_navigation() as navigation:
            page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()
        assert navigation.value.status == 200, name
        assert page.locator("h1").count() == 1, name
        assert page.locator("h1").inner_text().strip(), name
        assert page.locator("a[aria-current=page]").first.text_content().strip() == name
        assert axe_violations(page) == [], name


def test_footer_links_and_the_skip_link_work_with_the_keyboard(live_server, page, demo_site):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    footer_links = page.get_by_role("navigation", name="Footer").get_by_role("link").all()
    hrefs = [link.get_attribute("href") for link in footer_links]
    assert hrefs
    for href in hrefs:
        response = page.goto(live_server.url + href)
        assert response.status == 200, href
        assert page.locator("h1").count() == 1, href


def test_right_to_left_home_page_is_accessible(live_server, page, demo_site):
    response = page.goto(live_server.url + "/ar/")
    assert response.status == 200
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert axe_violations(page) == []


def test_language_menu_opens_with_the_keyboard_and_switches_language(live_server, page, demo_site):
    page.goto(live_server.url + "/")
    menu_open(page)
    summary = page.locator("details.language-switcher summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.get_by_role("form", name="Choose a language").get_by_role("button", name="Français").click()
    page.wait_for_load_state()
    assert page.url.endswith("/fr/")
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_the_axe_check_catches_a_real_violation(page):
    """The accessibility harness can fail: an image without alt text is reported."""
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
        '<body><main><img src="data:,"></main></body></html>'
    )
    assert any(violation.startswith("image-alt") for violation in axe_violations(page))
