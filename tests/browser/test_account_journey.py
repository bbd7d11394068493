"""A new learner on a phone signs up, fills in the profile step and turns on two-factor authentication."""

import re

import pytest
from django.core import mail
from wagtail.models import Locale

from accounts.models import LearnerProfile
from taxonomy.models import Sector
from tests.browser.conftest import axe_violations, menu_open
from tests.builders import make_home, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "learning-by-doing-2026"
CODE = re.compile(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]{4,})?)\s*$", re.MULTILINE)


@pytest.fixture
def site(db):
    home = make_home()
    Sector.objects.create(name="Crafts", slug="crafts", locale=Locale.get_default())
    return home


def test_sign_up_complete_the_profile_and_turn_on_2fa(live_server, page, site):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email").fill("nino@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()

    code = CODE.search(mail.outbox[-1].body).group(1)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url("**/accounts/welcome/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tell us a little about you"
    assert axe_violations(page) == []
    page.get_by_label("Display name").fill("ნინო")
    page.get_by_label("Name on certificates").fill("ნინო ბერიძე")
    page.get_by_label("Country").select_option("GE")
    page.get_by_label("Business sector").select_option(label="Crafts")
    page.get_by_label("Role").select_option("owner")
    page.get_by_label("Send me the newsletter").check()
    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_url(live_server.url + "/")
    assert "your profile is saved" in page.locator(".messages").inner_text()

    profile = LearnerProfile.objects.get(user__email="nino@example.org")
    assert (profile.display_name, profile.certificate_name, profile.country.code) == ("ნინო", "ნინო ბერიძე", "GE")
    assert profile.sector.slug == "crafts" and profile.newsletter

    menu_open(page)
    page.get_by_role("link", name="My account").click()
    assert page.get_by_role("heading", level=1).inner_text() == "My account"
    assert page.get_by_label("Display name").input_value() == "ნინო"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Two-factor authentication").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Activate").first.click()
    # Turning 2FA on asks for the password again.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/2fa/totp/activate/")
    assert axe_violations(page) == []
    secret = page.get_by_label("Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()

    page.wait_for_url("**/2fa/recovery-codes/")
    assert page.get_by_role("heading", level=1).inner_text() == "Recovery Codes"
    assert axe_violations(page) == []
    assert profile.user.authenticator_set.filter(type="totp").exists()

    # The other account pages a learner reaches from "My account" are accessible too.
    page.goto(live_server.url + "/accounts/me/")
    page.get_by_role("link", name="Signed-in devices").click()
    assert page.get_by_role("heading", level=1).count() == 1
    assert axe_violations(page) == []
    page.goto(live_server.url + "/accounts/me/")
    page.get_by_role("link", name="Delete my account").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Delete my account"
    assert axe_violations(page) == []
    page.get_by_role("button", name="Delete my account for good").click()
    assert page.get_by_text("Tick the box to confirm").count() == 1
    assert LearnerProfile.objects.get(pk=profile.pk).display_name == "ნინო"
