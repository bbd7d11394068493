"""A learner fails the end-of-course quiz, reads the feedback, retries, passes, and the course is done."""

import re

import pytest

from courses import services as course_services
from tests.browser.conftest import axe_violations
from tests.builders import PASSWORD, QuizSetup, make_home

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_fail_read_feedback_retry_pass_and_complete_the_course(live_server, page):
    setup = QuizSetup(make_home(), max_attempts=3)
    for lesson in setup.lessons:
        course_services.lesson_complete(user=setup.learner, lesson=lesson)
    single, multiple, true_false, numeric = setup.raw

    page.goto(live_server.url + "/accounts/login/?next=" + setup.quiz.url)
    page.get_by_label("Email").fill(setup.learner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url(re.compile(re.escape(setup.quiz.url) + "$"))
    assert axe_violations(page) == []

    def answer(right):
        page.get_by_role("group", name=re.compile(single["value"]["prompt"])).get_by_label(
            "Rent" if right else "Flour"
        ).check()
        for text in ("Fabric", "Buttons") if right else ("Rent", "Electricity"):
            page.get_by_role("group", name=re.compile(multiple["value"]["prompt"])).get_by_label(text).check()
        page.get_by_role("group", name=re.compile(true_false["value"]["prompt"])).get_by_label(
            "True" if right else "False", exact=True
        ).check()
        page.get_by_role("group", name=re.compile(re.escape(numeric["value"]["prompt"]))).get_by_role("textbox").fill(
            "1160" if right else "900"
        )
        submit = page.get_by_role("button", name="Submit answers")
        submit.focus()
        submit.press("Enter")
        page.wait_for_url(re.compile(r"/learning/quizzes/attempts/\d+/$"))

    answer(right=False)
    review = page.locator("main").inner_text()
    assert "0%" in review and "Think again." in review
    assert axe_violations(page) == []
    page.get_by_role("link", name="Try again").click()
    page.wait_for_url(re.compile(re.escape(setup.quiz.url) + "$"))

    answer(right=True)
    assert "100%" in page.locator("main").inner_text()

    page.goto(live_server.url + setup.course.url)
    assert page.locator("progress").first.get_attribute("value") == page.locator("progress").first.get_attribute("max")
    assert re.search(r"complet", page.locator("main").inner_text(), re.IGNORECASE)
