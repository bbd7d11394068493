"""On a 412 px phone: a member posts a request, an editor approves it in the admin, another member answers,
the poster accepts, and both see each other's contact details; every page of the journey axe-clean."""

import re

import pytest
from django.core import mail

from opportunities.models import Interest, Opportunity, Status
from tests.browser.conftest import axe_violations
from tests.builders import PASSWORD, give_totp, make_admin_user, make_board, make_home, make_learner, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 412, "height": 915}
TITLE = "Organic cotton for a Dakar workshop"


@pytest.fixture
def people():
    board = make_board(make_home())
    poster = make_learner(
        email="awa.sow@example.org", first_name="Awa", last_name="Sow", profile={"display_name": "Awa Sow"}
    )
    answerer = make_learner(
        email="kofi.mensah@example.org", first_name="Kofi", last_name="Mensah", profile={"display_name": "Kofi Mensah"}
    )
    editor = make_admin_user(email="board.editor@example.org", superuser=True, totp=False)
    return board, poster, answerer, (editor, give_totp(editor))


def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def sign_in(page, url, email, next_path):
    page.goto(f"{url}/accounts/login/?next={next_path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")


def assert_axe_clean(page):
    assert axe_violations(page) == [], page.url


def test_post_approve_answer_accept_and_both_see_contacts_on_a_phone(live_server, browser, people):
    board, poster, answerer, (editor, secret) = people
    url = live_server.url

    # The poster posts a request.
    poster_context, poster_page = phone(browser)
    sign_in(poster_page, url, poster.email, f"{board.url}new/")
    poster_page.wait_for_url(re.compile(re.escape(f"{board.url}new/") + "$"))
    assert_axe_clean(poster_page)
    poster_page.get_by_label("Request").check()
    poster_page.get_by_label(re.compile(r"^Kind:?$")).select_option("supplier")
    poster_page.get_by_label("Title").fill(TITLE)
    poster_page.get_by_label("Description").fill(
        "We need 200 kg of organic cotton yarn each month, delivered to Dakar."
    )
    poster_page.get_by_label("Your organisation").fill("Atelier Sow")
    poster_page.get_by_label("Countries").select_option(["SN", "ML"])
    poster_page.get_by_role("button", name="Send for review").tap()
    poster_page.wait_for_url(re.compile(r"/learning/opportunities/$"))
    assert "will be on the board once an editor has reviewed it" in poster_page.locator(".messages").inner_text()
    assert_axe_clean(poster_page)
    opportunity = Opportunity.objects.get(title=TITLE)
    assert opportunity.status == Status.PENDING

    # An editor approves it in the admin.
    editor_context, editor_page = phone(browser)
    sign_in(editor_page, url, editor.email, "/admin/")
    editor_page.get_by_label("Code").fill(totp_code(secret))
    editor_page.get_by_label("Code").press("Enter")
    editor_page.wait_for_url(url + "/admin/")
    editor_page.goto(f"{url}/admin/opportunity/?status=pending")
    editor_page.get_by_role("link", name=TITLE).first.click()
    editor_page.wait_for_url(re.compile(rf"/admin/opportunity/review/{opportunity.pk}/$"))
    editor_page.get_by_label("Approve: publish it on the board").check()
    editor_page.get_by_role("button", name="Save decision").click()
    editor_page.wait_for_url(re.compile(r"/admin/opportunity/$"))
    opportunity.refresh_from_db()
    assert opportunity.status == Status.PUBLISHED
    editor_context.close()

    # Another member finds it on the board and answers.
    answer_context, answer_page = phone(browser)
    sign_in(answer_page, url, answerer.email, board.url)
    answer_page.wait_for_url(re.compile(re.escape(board.url) + "$"))
    assert_axe_clean(answer_page)
    answer_page.get_by_role("link", name=TITLE).tap()
    answer_page.wait_for_url(re.compile(rf"{re.escape(board.url)}{opportunity.pk}/$"))
    assert "awa.sow@example.org" not in answer_page.content()
    assert_axe_clean(answer_page)
    answer_page.get_by_label("Your message").fill("We spin organic cotton in Mali and deliver to Dakar every month.")
    answer_page.get_by_label("Your organisation").fill("Mali Cotton Co")
    answer_page.get_by_role("button", name="Send my answer").tap()
    answer_page.wait_for_url(re.compile(rf"{re.escape(board.url)}{opportunity.pk}/$"))
    assert "Your answer was sent" in answer_page.locator(".messages").inner_text()
    assert Interest.objects.filter(opportunity=opportunity, member=answerer).count() == 1
    assert [m.to for m in mail.outbox] == [["awa.sow@example.org"]]

    # The poster reads the answer on My opportunities and accepts it.
    poster_page.goto(f"{url}/learning/opportunities/")
    assert "We spin organic cotton in Mali" in poster_page.content()
    assert "kofi.mensah@example.org" not in poster_page.content()
    poster_page.get_by_role("button", name="Accept and share contacts").tap()
    poster_page.wait_for_url(re.compile(r"/learning/opportunities/#answer-\d+$"))
    contacts = poster_page.locator(".contact-card")
    assert "kofi.mensah@example.org" in contacts.inner_text() and "Kofi Mensah" in contacts.inner_text()
    assert_axe_clean(poster_page)

    # The other side sees the poster's contacts too, and both got them by email.
    answer_page.goto(f"{url}/learning/opportunities/")
    contacts = answer_page.locator(".contact-card")
    assert "awa.sow@example.org" in contacts.inner_text() and "Atelier Sow" in contacts.inner_text()
    assert_axe_clean(answer_page)
    by_address = {m.to[0]: m.body for m in mail.outbox[1:]}
    assert "kofi.mensah@example.org" in by_address["awa.sow@example.org"]
    assert "awa.sow@example.org" in by_address["kofi.mensah@example.org"]
    poster_context.close()
    answer_context.close()
