"""An editor reads the learning reports and the dashboard panel in Chromium: axe clean, no CSP violation."""

import pytest

from tests.browser.conftest import axe_violations
from tests.browser.test_csp_journey import collect_csp_violations, log_in
from tests.builders import give_totp, make_admin_user, make_partner_index, root_collection
from tests.reports.test_learning_views import REPORTS, World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partner_index(home):
    root_collection()  # an earlier transactional test may have emptied the tables migrations filled
    return make_partner_index(home)


@pytest.fixture
def admin_page(browser):
    """A desktop-sized tab: the charts sit beside their tables from 75em."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def test_editor_reads_the_learning_reports_without_accessibility_or_csp_problems(
    admin_page, live_server, home, partner_index
):
    page = admin_page
    World()
    editor = make_admin_user(email="reports.editor@example.org", superuser=True, totp=False)
    secret = give_totp(editor)
    violations = collect_csp_violations(page)
    log_in(page, live_server, editor.email, secret)
    # Wagtail's own "logged in" message fades in; axe caught it mid-fade once. The panel is ours.
    page.goto(live_server.url + "/admin/")
    assert page.get_by_role("heading", name="Learning at a glance").is_visible()
    assert axe_violations(page) == []
    for url in REPORTS:
        page.goto(live_server.url + url)
        assert page.get_by_role("table").first.is_visible(), url
        assert axe_violations(page) == [], url
    page.goto(live_server.url + REPORTS[0] + "?dimension=country")
    assert page.get_by_role("img", name="Enrolments and completions, the first 2 groups of the table").is_visible()
    assert violations == []
