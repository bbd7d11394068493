"""A measured first ten minutes on a phone (issue 20): shared course link to a finished first lesson.

On a 412 px phone over emulated slow 3G (Chromium DevTools' preset), a newcomer opens a course
link shared in a messaging app, presses "Enrol for free", signs up, types the emailed code, lands
enrolled on the first lesson and marks it done. The test prints the taps, the bytes transferred
and the time, and holds budgets for taps and bytes. Typing is not counted as taps; pressing a
button or submitting a form (Enter) is.
"""

import re
import time

import pytest
from django.core import mail

from courses.models import Enrollment, LessonCompletion
from tests.builders import course_lessons, make_course, make_course_index, make_home

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 412, "height": 915}
# DevTools' "Slow 3G": 400 ms round trip (×5 as DevTools applies it), 500 kbit/s down and up (×0.8).
SLOW_3G = {
    "offline": False,
    "latency": 2000,
    "downloadThroughput": 500 * 1024 / 8 * 0.8,
    "uploadThroughput": 500 * 1024 / 8 * 0.8,
}
TAPS_BUDGET = 8
BYTES_BUDGET = 64 * 1024  # every response of the journey as sent (41.7 KB measured when written)
EMAIL = "fatou.diop@example.org"
PASSWORD = "millet-and-mangoes-2026"
CODE = re.compile(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]{4,})?)\s*$", re.MULTILINE)


@pytest.fixture
def course():
    catalog = make_course_index(make_home(), title="Courses", slug="courses")
    return make_course(catalog, title="Keep simple books", lessons=3)


def test_from_a_shared_link_to_a_finished_first_lesson_on_slow_3g(live_server, browser, course):
    first_lesson = course_lessons(course)[0]
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    transferred = []
    cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
    taps = 0

    def tap(locator):
        nonlocal taps
        taps += 1
        locator.tap()

    def submit(field):
        nonlocal taps
        taps += 1
        field.press("Enter")

    started = time.monotonic()
    page.goto(live_server.url + course.url)  # the shared link: no tap counted
    tap(page.get_by_role("link", name="Enrol for free"))
    page.wait_for_url(re.compile(r"/accounts/signup/"))
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page.get_by_label("Password"))
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    page.get_by_label("Code").fill(CODE.search(mail.outbox[-1].body).group(1))
    submit(page.get_by_label("Code"))
    page.wait_for_url(re.compile(re.escape(first_lesson.url) + "$"))
    assert "You are enrolled in “Keep simple books”" in page.locator(".messages").inner_text()
    tap(page.get_by_role("button", name=re.compile(r"^Mark as done")))
    page.wait_for_url(re.compile(re.escape(course_lessons(course)[1].url) + "$"))
    page.wait_for_load_state("load")
    seconds = time.monotonic() - started
    total = sum(transferred)
    context.close()

    figures = f"{taps} taps, {total / 1024:.1f} KB in {len(transferred)} responses, {seconds:.1f} s"
    print(f"\nphone journey (412 px, slow 3G): {figures}")
    assert Enrollment.objects.filter(user__email=EMAIL, course=course).count() == 1
    assert LessonCompletion.objects.filter(enrollment__user__email=EMAIL, lesson=first_lesson).count() == 1
    assert taps <= TAPS_BUDGET
    assert total <= BYTES_BUDGET
