"""The profile step after sign-up, the My account page, and what the profile form accepts."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts import services
from accounts.models import LearnerProfile
from taxonomy.models import BusinessStage, Sector
from tests.accounts.helpers import last_code
from tests.builders import make_learner

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def terms():
    en = Locale.objects.get_or_create(language_code="en")[0]
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    crafts = Sector.objects.create(name="Crafts", slug="crafts", locale=en)
    Sector.objects.create(name="Artisanat", slug="artisanat", locale=fr, translation_key=crafts.translation_key)
    idea = BusinessStage.objects.create(name="Idea", slug="idea", locale=en)
    return {"sector": crafts, "stage": idea}


def _page(response):
    return response.content.decode()


def test_a_new_learner_lands_on_the_profile_step_after_verifying_their_email(client):
    client.post(reverse("account_signup"), {"email": "amina@example.org", "password1": "learning-by-doing-2026"})
    assert len(mail.outbox) == 1
    response = client.post(reverse("account_email_verification_sent"), {"code": last_code()})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile_complete")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Tell us a little about you" in _page(page)
    assert "Skip for now" in _page(page)


def test_the_profile_step_can_be_skipped_without_creating_anything(client):
    learner = make_learner()
    client.force_login(learner)
    page = client.get(reverse("accounts:profile_complete"))
    assert 'href="/"' in _page(page)  # "Skip for now" goes on to the site
    assert not LearnerProfile.objects.filter(user=learner).exists()


def test_saving_the_profile_step_stores_every_answer(client, terms):
    learner = make_learner()
    client.force_login(learner)
    response = client.post(
        reverse("accounts:profile_complete"),
        {
            "display_name": "Amina",
            "certificate_name": "Amina Diallo",
            "country": "SN",
            "preferred_language": "fr",
            "sector": terms["sector"].pk,
            "business_stage": terms["stage"].pk,
            "business_size": "micro",
            "role": "owner",
            "share_progress_with_partner": "on",
            "next": "/learning/",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/learning/"
    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.display_name, profile.certificate_name, profile.country.code) == ("Amina", "Amina Diallo", "SN")
    assert profile.sector == terms["sector"] and profile.business_stage == terms["stage"]
    assert (profile.business_size, profile.role, profile.preferred_language) == ("micro", "owner", "fr")
    assert profile.share_progress_with_partner and not profile.newsletter
    assert profile.completed_at is not None


def test_the_profile_step_never_redirects_off_site(client):
    client.force_login(make_learner())
    response = client.post(reverse("accounts:profile_complete"), {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_sectors_are_labelled_in_the_readers_language_but_stored_once(client, terms):
    client.force_login(make_learner())
    page = client.get("/fr" + reverse("accounts:account"))
    translation.activate("en")  # the request left French active in this thread
    assert "Artisanat" in _page(page)
    assert f'value="{terms["sector"].pk}"' in _page(page)


@pytest.mark.parametrize(
    "name",
    [
        "أمينة ديالو",  # Arabic
        "李小龙",  # Chinese
        "ნინო ბერიძე",  # Georgian
        "Nino ნინო",  # mixed scripts are real names too
        "Zoë O'Brien-Łukasik",
        "مهدی‌زاده",  # Persian with a zero-width non-joiner, which is part of the spelling
    ],
)
def test_names_in_any_script_round_trip_exactly(client, name):
    learner = make_learner()
    client.force_login(learner)
    response = client.post(reverse("accounts:account"), {"display_name": name, "certificate_name": name})
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=learner)
    assert profile.display_name == name and profile.certificate_name == name
    assert f'value="{name}"'.replace("'", "&#x27;") in _page(client.get(reverse("accounts:account")))


BAD_NAMES = {
    "empty after trimming is fine, so not here": None,
    "10,000 characters": "x" * 10_000,
    "NUL byte": "Ami\x00na",
    "newline": "Amina\nDiallo",
    "escape character": "Amina\x1b[31m",
    "right-to-left override": "Amina\u202eollaiD",
    "left-to-right isolate": "\u2066Amina\u2069",
    "right-to-left mark": "Amina\u200f",
    "private use": "Amina\ue000",
    "lone surrogate-like unassigned": "Amina\U000e0000",
}


@pytest.mark.parametrize("field", ["display_name", "certificate_name"])
@pytest.mark.parametrize("label", [k for k, v in BAD_NAMES.items() if v is not None])
def test_bad_names_get_a_field_error_never_a_500(client, field, label):
    learner = make_learner()
    client.force_login(learner)
    for url in (reverse("accounts:account"), reverse("accounts:profile_complete")):
        response = client.post(url, {field: BAD_NAMES[label]})
        assert response.status_code == 200, label
        assert response.context["form"].errors.get(field), label
        assert 'aria-invalid="true"' in _page(response)
    assert not LearnerProfile.objects.filter(user=learner).exists()


def test_emoji_are_fine_in_a_display_name_but_not_on_a_certificate(client):
    learner = make_learner()
    client.force_login(learner)
    response = client.post(reverse("accounts:account"), {"display_name": "Amina 🌍", "certificate_name": "Amina 🌍"})
    assert response.status_code == 200
    assert "no emoji or symbols" in str(response.context["form"].errors["certificate_name"])
    assert "display_name" not in response.context["form"].errors


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("country", "XX"),
        ("country", "x" * 10_000),
        ("preferred_language", "klingon"),
        ("business_size", "huge"),
        ("role", "\u202eowner"),
        ("sector", "999999"),
        ("sector", "not-a-number"),
        ("business_stage", "1\x00"),
    ],
)
def test_values_outside_the_choices_get_a_field_error(client, field, value):
    client.force_login(make_learner())
    response = client.post(reverse("accounts:account"), {field: value})
    assert response.status_code == 200
    assert response.context["form"].errors.get(field)


def test_an_empty_form_saves_an_empty_profile(client):
    learner = make_learner()
    client.force_login(learner)
    assert client.post(reverse("accounts:account"), {}).status_code == 302
    assert LearnerProfile.objects.get(user=learner).display_name == ""


def test_profile_pages_need_a_login(client):
    for url in (reverse("accounts:account"), reverse("accounts:profile_complete")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_the_header_links_signed_in_learners_to_my_account(client, home):
    client.force_login(make_learner())
    assert 'href="/accounts/me/"' in _page(client.get("/"))


def test_my_account_links_to_every_account_setting(client):
    client.force_login(make_learner())
    page = _page(client.get(reverse("accounts:account")))
    for name in ("account_email", "account_change_password", "mfa_index", "usersessions_list", "accounts:delete"):
        assert f'href="{reverse(name)}"' in page, name
    assert f'action="{reverse("accounts:export")}"' in page


def test_profile_get_or_create_makes_one_profile(django_user_model):
    learner = make_learner()
    first = services.profile_get_or_create(learner)
    second = services.profile_get_or_create(user=learner)
    assert first.pk == second.pk
    assert LearnerProfile.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("next_url", ["foo", "account", "//evil.example/", "javascript:alert(1)", "/\\evil", "/a\x00b"])
def test_the_profile_step_ignores_a_next_that_is_not_a_path(client, next_url):
    """Issue 12: `foo` used to pass the check and then be looked up as a URL name (a 500)."""
    client.force_login(make_learner())
    response = client.post(reverse("accounts:profile_complete"), {"next": next_url})
    assert response.status_code == 302 and response["Location"] == "/"
    response = client.get(reverse("accounts:profile_complete"), {"next": next_url})
    assert response.status_code == 200 and '<input type="hidden" name="next" value="/">' in response.content.decode()
