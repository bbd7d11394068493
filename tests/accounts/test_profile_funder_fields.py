"""Gender and women-led answers: optional, the reason given, exported, never shown about a person."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts import services
from accounts.models import Gender, LearnerProfile, WomenLed
from courses import services as course_services
from tests.builders import (
    make_certificate,
    make_course,
    make_course_index,
    make_learner,
    make_partner_index,
    onboard,
)
from tests.reports.conftest import spreadsheet_rows

pytestmark = pytest.mark.django_db

REASON = "We ask because our funders and members want to know how many women our courses reach."
PROFILE_URLS = [reverse("accounts:account"), reverse("accounts:profile_complete")]
# What would give a learner's answers away on a page ("Man" and "No" are too common to look for).
ANSWER_TEXTS = [
    "Woman",
    "I describe myself another way",
    "Prefer not to say",
    "Yes, women own or lead it",
    "Your gender",
    "owned or led by women",
]


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("url", PROFILE_URLS)
def test_both_questions_are_radio_buttons_with_prefer_not_to_say_and_the_reason(client, url):
    client.force_login(make_learner())
    soup = _soup(client.get(url))

    for name, choices in (("gender", Gender), ("business_women_led", WomenLed)):
        radios = soup.select(f'input[type="radio"][name="{name}"]')
        assert [radio["value"] for radio in radios] == list(choices.values)
        assert not any(radio.has_attr("required") or radio.has_attr("checked") for radio in radios)
        labels = [soup.find("label", attrs={"for": radio["id"]}).get_text(strip=True) for radio in radios]
        assert labels[-1] == "Prefer not to say"
    group = soup.find("legend", string="Who our courses reach").parent
    reason = soup.find(id=group["aria-describedby"])
    text = " ".join(reason.get_text().split())
    assert REASON in text
    assert "Both questions are optional" in text
    assert "only ever reported in totals of 5 learners or more, never with your name" in text
    assert group.select('input[name="gender"]') and group.select('input[name="business_women_led"]')


@pytest.mark.parametrize("gender", Gender.values)
def test_each_gender_answer_is_saved_and_shown_ticked(client, gender):
    learner = make_learner()
    client.force_login(learner)
    response = client.post(reverse("accounts:account"), {"gender": gender})
    assert response.status_code == 302

    assert LearnerProfile.objects.get(user=learner).gender == gender
    ticked = _soup(client.get(reverse("accounts:account"))).select('input[name="gender"][checked]')
    assert [radio["value"] for radio in ticked] == [gender]


@pytest.mark.parametrize("answer", WomenLed.values)
def test_each_women_led_answer_is_saved(client, answer):
    learner = make_learner()
    client.force_login(learner)
    response = client.post(reverse("accounts:profile_complete"), {"business_women_led": answer, "next": "/"})
    assert response.status_code == 302

    assert LearnerProfile.objects.get(user=learner).business_women_led == answer


def test_leaving_both_unanswered_saves_blank_answers(client):
    learner = make_learner()
    client.force_login(learner)
    response = client.post(reverse("accounts:account"), {"display_name": "Amina"})
    assert response.status_code == 302

    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.display_name, profile.gender, profile.business_women_led) == ("Amina", "", "")


def test_changing_an_answer_to_prefer_not_to_say_replaces_it(client):
    learner = make_learner(profile={"gender": "woman", "business_women_led": "yes"})
    client.force_login(learner)
    client.post(reverse("accounts:account"), {"gender": "unsaid", "business_women_led": "unsaid"})

    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.gender, profile.business_women_led) == ("unsaid", "unsaid")


@pytest.mark.parametrize("url", PROFILE_URLS)
@pytest.mark.parametrize(
    ("field", "junk"),
    [("gender", "female"), ("gender", "x" * 5000), ("business_women_led", "maybe"), ("business_women_led", "\x00")],
)
def test_an_unknown_answer_is_a_field_error_not_a_500(client, url, field, junk):
    learner = make_learner()
    client.force_login(learner)
    response = client.post(url, {field: junk})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [
        f"Select a valid choice. {junk} is not one of the available choices."
    ]
    assert not LearnerProfile.objects.filter(user=learner).exists()


def test_the_data_download_holds_both_answers(client):
    learner = make_learner(profile={"gender": "other", "business_women_led": "no"})
    client.force_login(learner)
    response = client.post(reverse("accounts:export"))

    profile = json.loads(response.content)["profile"]
    assert (profile["gender"], profile["business_women_led"]) == ("other", "no")


def test_deleting_the_account_clears_both_answers():
    learner = make_learner(profile={"gender": "woman", "business_women_led": "yes", "country": "KE"})

    services.account_delete(user=learner)

    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.gender, profile.business_women_led) == ("", "")
    assert profile.country.code == "KE"  # kept, as before: reports count countries of former learners too


def test_no_public_page_shows_a_learners_answers(client, home):
    course = make_course(make_course_index(home), lessons=1, title="Dry maize safely")
    learner = make_learner(
        first_name="Achieng",
        last_name="Otieno",
        profile={"display_name": "Achieng", "gender": "woman", "business_women_led": "yes"},
    )
    enrollment = course_services.enrollment_create(user=learner, course=course)
    certificate = make_certificate(learner, course=course, enrollment=enrollment, recipient_name="Achieng Otieno")

    pages = [course.url, home.url, reverse("certificates:verify", args=[certificate.public_id])]
    for url in pages:
        html = client.get(url).content.decode()
        assert client.get(url).status_code == 200, url
        assert not [text for text in ANSWER_TEXTS if text in html], url
    assert "Achieng Otieno" in client.get(pages[-1]).content.decode()  # the page does show the person


def test_a_partner_never_sees_a_learners_answers(client, home):
    make_partner_index(home)
    partner, editor = onboard("Kilimo University", email="dean@kilimo.example")
    course = make_course(partner, lessons=1, title="Dry maize safely")
    learner = make_learner(
        first_name="Achieng",
        last_name="Otieno",
        profile={"share_progress_with_partner": True, "gender": "woman", "business_women_led": "yes"},
    )
    course_services.enrollment_create(user=learner, course=course)
    client.force_login(editor)

    learners = client.get("/admin/partners/reports/learners/")
    assert "Achieng Otieno" in learners.content.decode()  # the learner shares progress: named
    for url in ("/admin/partners/reports/learners/", "/admin/partners/reports/countries/", "/admin/partners/reports/"):
        html = client.get(url).content.decode()
        assert not [text for text in ANSWER_TEXTS if text in html], url
        for export_format in ("csv", "xlsx"):
            rows = spreadsheet_rows(client.get(url, {"export": export_format}), export_format)
            cells = [str(cell) for row in rows for cell in row]
            assert not [text for text in ANSWER_TEXTS if any(text in cell for cell in cells)], url
