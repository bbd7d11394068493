"""An entrepreneur signs up, finds a course, learns with the keyboard, and resumes elsewhere."""

import re

import pytest
from django.core import mail

from taxonomy.models import Topic
from tests.browser.conftest import axe_violations
from tests.builders import course_lessons, make_course, make_course_index, make_home

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL = "nino.beridze@example.org"
PASSWORD = "bread-and-butter-2026"


def press(locator):
    """Activate a control the way a keyboard user does: focus it, then Enter."""
    locator.focus()
    locator.press("Enter")


@pytest.fixture
def catalog_with_courses():
    catalog = make_course_index(make_home())
    pricing = Topic.objects.create(name="Pricing and costs", slug="pricing-and-costs")
    marketing = Topic.objects.create(name="Marketing", slug="marketing")
    course = make_course(catalog, lessons=3, title="Price your bread")
    course.topics.set([pricing])
    course.save_revision().publish()
    other = make_course(catalog, lessons=2, title="Find new customers")
    other.topics.set([marketing])
    other.save_revision().publish()
    return catalog, course


def test_sign_up_enrol_learn_leave_and_continue_on_another_device(live_server, browser, catalog_with_courses):
    catalog, course = catalog_with_courses
    lessons = course_lessons(course)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)

    # Sign up and verify the address with the emailed code.
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    code = re.search(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]{4,})?)\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
    page.get_by_label("Code").fill(code)
    page.get_by_label("Code").press("Enter")
    page.wait_for_load_state()
    assert "/accounts/confirm-email/" not in page.url

    # Find the course in the catalog with a filter.
    page.goto(live_server.url + catalog.url)
    assert axe_violations(page) == []
    press(page.locator("details.filters summary"))
    page.get_by_label("Topic").select_option("pricing-and-costs")
    press(page.get_by_role("button", name="Show courses"))
    page.wait_for_url(re.compile(r"topic=pricing-and-costs"))
    assert page.get_by_role("link", name="Find new customers").count() == 0
    press(page.get_by_role("link", name="Price your bread"))
    page.wait_for_url(re.compile(re.escape(course.url) + "$"))
    assert axe_violations(page) == []

    # Enrol, start, and complete two lessons with the keyboard.
    press(page.get_by_role("button", name="Enrol for free"))
    page.wait_for_load_state()
    press(page.get_by_role("link", name="Start the course"))
    page.wait_for_url(re.compile(re.escape(lessons[0].url) + "$"))
    assert axe_violations(page) == []
    press(page.get_by_role("button", name="Mark as done and continue"))
    page.wait_for_url(re.compile(re.escape(lessons[1].url) + "$"))
    press(page.get_by_role("button", name="Mark as done and continue"))
    page.wait_for_url(re.compile(re.escape(lessons[2].url) + "$"))
    context.close()

    # A week later, on another device: log in, see the progress, press Continue.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/accounts/login/?next=/learning/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url(re.compile(r"/learning/$"))
    assert page.locator("progress").first.get_attribute("value") == "2"
    assert "67%" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    press(page.get_by_role("link", name=re.compile(r"^Continue")))
    page.wait_for_url(re.compile(re.escape(lessons[2].url) + "$"))
    assert page.locator("h1").inner_text().strip() == lessons[2].title
    context.close()
