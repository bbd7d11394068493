"""The phone-first header (issue 20): content starts high, one menu opens with the keyboard, LTR and RTL."""

import pytest

from home.models import MenuPlace
from tests.browser.conftest import axe_violations
from tests.builders import make_course_index, make_home, make_library, make_menu, make_standard_page, make_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 412, "height": 915}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def site_with_menu():
    """A home page with eight links in the main menu (the case that wrapped into four lines), in English and Arabic."""
    home = make_home()
    pages = [
        make_course_index(home, title="Courses", slug="courses"),
        make_library(home, title="Know-how", slug="know-how"),
    ]
    pages += [make_standard_page(home, title=f"Section number {n}", slug=f"section-{n}") for n in range(6)]
    make_menu(MenuPlace.MAIN, pages)
    make_translation(home, "ar", title="الرئيسية")
    return home


def focus_by_tab(page, locator, presses=15):
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return True
    return False


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("prefix,direction", [("", "ltr"), ("/ar", "rtl")])
def test_phone_header_leaves_room_and_its_menu_opens_with_the_keyboard(
    live_server, browser, site_with_menu, prefix, direction
):
    context = browser.new_context(viewport=PHONE, locale="ar" if direction == "rtl" else "en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}{prefix}/")
    assert page.evaluate("document.documentElement.dir") == direction

    main_top = page.locator("main").bounding_box()["y"]
    print(f"\n<main> starts at {main_top:.0f} px on a {PHONE['width']} px phone ({direction})")
    assert main_top < 120
    assert overflow(page) <= 0
    assert not page.locator(".main-nav").is_visible()  # closed: the links wait in the menu
    assert axe_violations(page) == []

    toggle = page.locator("summary.site-menu__toggle")
    assert focus_by_tab(page, toggle), "Tab never reached the menu"
    assert toggle.evaluate("element => element.getBoundingClientRect().right <= window.innerWidth")
    page.keyboard.press("Enter")
    assert page.locator("details.site-menu").get_attribute("open") is not None
    assert page.locator(".main-nav").is_visible()
    assert page.locator(".main-nav a").count() == 8
    assert page.locator(".site-menu .language-switcher summary").is_visible()
    account = page.locator(".site-menu .account-links a").first
    assert account.is_visible()
    first_link = page.locator(".main-nav a").first
    page.keyboard.press("Tab")
    assert first_link.evaluate("element => element === document.activeElement")
    assert overflow(page) <= 0
    assert axe_violations(page) == []

    # The language list opens inside the menu and still fits the screen.
    switcher = page.locator(".site-menu .language-switcher summary")
    assert focus_by_tab(page, switcher)
    page.keyboard.press("Enter")
    assert page.locator(".site-menu .language-switcher button[value=fr]").is_visible()
    assert overflow(page) <= 0
    assert axe_violations(page) == []
    context.close()


def test_desktop_keeps_the_navigation_open_and_in_the_tab_order(live_server, browser, site_with_menu):
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert not page.locator("summary.site-menu__toggle").is_visible()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link").count() == 8  # in the accessibility tree without opening anything
    assert page.get_by_role("link", name="Log in").is_visible()
    assert focus_by_tab(page, nav.get_by_role("link").first)
    header_height = page.locator(".site-header").bounding_box()["height"]
    print(f"\nheader is {header_height:.0f} px high at {DESKTOP['width']} px")
    assert all(link.is_visible() for link in nav.get_by_role("link").all())
    assert overflow(page) <= 0
    assert axe_violations(page) == []
    context.close()
