"""The Content-Security-Policy blocks nothing we need: an editor works in the admin, a learner on the site."""

import pytest
from playwright.sync_api import expect

from tests.builders import (
    PASSWORD,
    give_totp,
    make_admin_user,
    make_course,
    make_course_index,
    make_home,
    make_image,
    make_standard_page,
    totp_code,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def collect_csp_violations(page):
    """A list that fills with every CSP violation the page or its frames report, as Chromium logs them."""
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    return violations


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def about(home):
    make_image(title="Shop front")
    return make_standard_page(home, title="About us")


@pytest.fixture
def course(home):
    return make_course(make_course_index(home), title="Bookkeeping basics", lessons=1)


@pytest.fixture
def editor(db):
    user = make_admin_user(email="csp.editor@example.org", superuser=True, totp=False)
    return user, give_totp(user)


def log_in(page, live_server, email, secret):
    page.goto(live_server.url + "/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_label("Code").press("Enter")
    page.wait_for_url(live_server.url + "/admin/")


def test_an_editor_edits_a_page_chooses_an_image_and_previews_it_without_csp_violations(
    live_server, page, about, editor
):
    violations = collect_csp_violations(page)
    user, secret = editor
    log_in(page, live_server, user.email, secret)

    response = page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'self'" in policy and "style-src 'self' 'unsafe-inline'" in policy
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.locator("#id_title").fill("About the academy")

    # The image chooser opens in a modal, lists the images and fills the field.
    page.get_by_role("button", name="Choose an image").click()
    modal = page.get_by_role("dialog")
    modal.locator("[data-chooser-modal-choice]", has_text="Shop front").click()
    expect(modal).to_be_hidden()
    expect(page.locator("[data-chooser-title]", has_text="Shop front")).to_be_visible()

    # The preview panel shows the edited, unsaved title in Wagtail's own frame.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("About the academy", timeout=15_000)

    assert violations == []
    assert errors == []


def test_a_public_page_refuses_an_injected_inline_script(live_server, page, course):
    """The public policy is enforced, and the violation listener hears a refusal."""
    violations = collect_csp_violations(page)
    response = page.goto(live_server.url + course.url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = true';"
        " document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.ran === undefined")
    assert any("script-src" in violation for violation in violations), violations
