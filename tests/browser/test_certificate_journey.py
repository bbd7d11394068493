"""A learner finishes a short course, finds the certificate on My learning, downloads it and checks it (issue 14).

Needs the issuing branch (i14-core: the completion issues the certificate) and the PDF branch
(i14-crypto: the download), so it passes once both are merged.
"""

import re
from pathlib import Path

import pytest

from courses import services as course_services
from tests.browser.conftest import axe_violations
from tests.builders import PASSWORD, course_lessons, make_course, make_course_index, make_home, make_learner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def press(locator):
    """Activate a control the way a keyboard user does: focus it, then Enter."""
    locator.focus()
    locator.press("Enter")


def test_finish_a_course_download_the_certificate_and_verify_it(live_server, page, tmp_path):
    course = make_course(make_course_index(make_home()), lessons=2, title="Keep simple books")
    learner = make_learner(profile={"certificate_name": "Nino Beridze"})
    course_services.enrollment_create(user=learner, course=course)
    first, last = course_lessons(course)

    page.goto(live_server.url + "/accounts/login/?next=" + first.url)
    page.get_by_label("Email").fill(learner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url(re.compile(re.escape(first.url) + "$"))
    press(page.get_by_role("button", name="Mark as done and continue"))
    page.wait_for_url(re.compile(re.escape(last.url) + "$"))
    press(page.get_by_role("button", name="Mark as done and finish"))
    page.wait_for_url(re.compile(re.escape(course.url) + "$"))

    # My learning lists the certificate.
    page.goto(live_server.url + "/learning/")
    section = page.get_by_role("region", name="Your certificates")
    link = section.get_by_role("link", name="Certificate: Keep simple books")
    assert axe_violations(page) == []
    press(link)
    page.wait_for_url(re.compile(r"/learning/certificates/[A-Za-z0-9_-]+/$"))
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Keep simple books"
    main = page.locator("main").inner_text()
    assert "Nino Beridze" in main
    assert page.get_by_role("img", name="QR code of the verification link").count() == 1
    assert axe_violations(page) == []

    # The PDF downloads as a file.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF (A4)").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.suffix == ".pdf"
    assert Path(saved).read_bytes().startswith(b"%PDF")

    # The verification link opens the public page, which anyone can read.
    # (Playwright passes the pattern to JavaScript unescaped: no "/" in it.)
    verify_link = page.get_by_role("link", name=re.compile(r"verify.[A-Za-z0-9_-]{24}.$"))
    verify_url = verify_link.get_attribute("href")
    page.context.clear_cookies()
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", verify_url))
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Valid certificate"
    main = page.locator("main").inner_text()
    assert "Nino Beridze" in main and "Keep simple books" in main
    assert learner.email not in page.content()
    assert axe_violations(page) == []
