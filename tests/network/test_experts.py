"""Experts: a member's own profile, the directory and its filters, an expert's page, editors hiding one."""

import pytest
from django.urls import reverse

from network import services
from network.models import ExpertProfile
from taxonomy.models import Sector, Topic
from tests.builders import make_expert, make_image, make_learner, signed_in_client
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

DIRECTORY = "/network/experts/"
PROFILE = "/network/my-expert-profile/"
DIRECTORY_QUERIES = 7  # measured: count, experts, photos, renditions, topics, sectors, terms


def _profile_form(**fields):
    return {
        "public_name": "Amina Njeri",
        "organisation": "Kenya SME Federation",
        "biography": "Twenty years of export advice.\nAsk me about pricing.",
        "languages": ["en", "sw"],
        "countries": ["KE", "TZ"],
        "is_published": "on",
        **fields,
    }


def test_a_member_creates_then_edits_their_profile(client, home):
    member = make_learner()
    browser = signed_in_client(member)
    topic = Topic.objects.create(name="Pricing", slug="pricing")

    response = browser.post(PROFILE, _profile_form(topics=[topic.pk]))

    profile = ExpertProfile.objects.get(user=member)
    assert response.status_code == 302 and response.url == reverse("network:expert", args=[profile.pk])
    assert profile.is_listed and profile.language_codes == ["en", "sw"]
    assert [country.code for country in profile.countries] == ["KE", "TZ"]
    assert list(profile.topics.all()) == [topic]

    browser.post(PROFILE, _profile_form(public_name="Amina N.", is_published=""))

    profile.refresh_from_db()
    assert ExpertProfile.objects.count() == 1
    assert profile.public_name == "Amina N." and not profile.is_published
    assert "Amina N." not in client.get(DIRECTORY).content.decode()
    assert client.get(reverse("network:expert", args=[profile.pk])).status_code == 404
    assert "Only you can see this profile" in browser.get(reverse("network:expert", args=[profile.pk])).content.decode()


def test_the_profile_page_needs_a_signed_in_member(client):
    assert client.get(PROFILE).status_code == 302
    assert client.post(PROFILE, _profile_form()).status_code == 302
    assert not ExpertProfile.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"public_name": ""}, "This field is required"),
        ({"public_name": "Amina\u202e"}, "text-direction"),
        ({"biography": "x" * 3000}, "at most 1500"),
        ({"biography": "<a href='javascript:alert(1)'>me</a>"}, "script link"),
        ({"languages": ["xx-nope"]}, "valid choice"),
        ({"countries": ["ZZ"]}, "valid choice"),
        ({"topics": ["999999"]}, "valid choice"),
        ({"topics": ["abc"]}, "valid value"),
    ],
)
def test_bad_profile_input_gets_a_message_and_no_row(home, fields, message):
    browser = signed_in_client(make_learner())

    response = browser.post(PROFILE, _profile_form(**fields))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ExpertProfile.objects.exists()


def test_a_photo_that_is_not_an_image_is_refused(home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    browser = signed_in_client(make_learner())
    fake = SimpleUploadedFile("me.png", b"<svg onload=alert(1)>", content_type="image/png")

    response = browser.post(PROFILE, {**_profile_form(), "photo": fake})

    assert response.status_code == 400
    assert not ExpertProfile.objects.exists()


def test_markup_in_a_biography_is_shown_as_text(client, home):
    expert = make_expert(biography="I <b>love</b> <script>alert(1)</script> exports")

    page = client.get(reverse("network:expert", args=[expert.pk])).content.decode()

    assert "&lt;b&gt;love&lt;/b&gt;" in page and "<script>alert(1)" not in page


def test_the_directory_filters_by_expertise_language_and_country(client, home):
    pricing = Topic.objects.create(name="Pricing", slug="pricing")
    export = Topic.objects.create(name="Export", slug="export")
    food = Sector.objects.create(name="Food", slug="food")
    make_expert(public_name="Amina", topics=[pricing], sectors=[food], languages=["en", "sw"], countries=["KE"])
    make_expert(public_name="Bruno", topics=[export], languages=["fr"], countries=["PE", "KE"])
    make_expert(public_name="Chen", topics=[pricing], languages=["zh-hans"], countries=["CN"])
    make_expert(public_name="Hidden Draft", topics=[pricing], published=False)

    def names(query):
        page = client.get(DIRECTORY + query).content.decode()
        return {name for name in ("Amina", "Bruno", "Chen", "Hidden Draft") if f">{name}</a>" in page}

    assert names("") == {"Amina", "Bruno", "Chen"}
    assert names("?topic=pricing") == {"Amina", "Chen"}
    assert names("?sector=food") == {"Amina"}
    assert names("?language=fr") == {"Bruno"}
    assert names("?language=zh-hans") == {"Chen"}
    assert names("?country=KE") == {"Amina", "Bruno"}
    assert names("?country=KE&topic=export") == {"Bruno"}


@pytest.mark.parametrize("query", ["?topic=%00", "?language=<script>", "?country=ZZZ", "?page=0", "?page=99999"])
def test_the_directory_never_fails_on_junk(client, home, query):
    make_expert(public_name="Amina")

    response = client.get(DIRECTORY + query)

    assert response.status_code == 200 and ">Amina</a>" in response.content.decode()


def test_editors_hide_a_profile_and_the_experts_choice_stays(client, home):
    expert = make_expert(public_name="Amina")

    services.expert_profile_hide(profile_id=expert.pk, hidden=True)
    services.expert_profile_save(
        user=expert.user,
        data=services.ExpertProfileData(
            public_name="Amina",
            organisation="",
            biography="Still here.",
            topics=[],
            sectors=[],
            languages=[],
            countries=[],
            is_published=True,
        ),
    )

    expert.refresh_from_db()
    assert expert.is_hidden and expert.is_published
    assert ">Amina</a>" not in client.get(DIRECTORY).content.decode()
    assert client.get(reverse("network:expert", args=[expert.pk])).status_code == 404
    owner_view = signed_in_client(expert.user).get(reverse("network:expert", args=[expert.pk])).content.decode()
    assert "Our editors have hidden this profile" in owner_view


def test_only_editors_see_experts_in_the_admin(home, editor, partner_index):
    from tests.builders import onboard

    expert = make_expert(public_name="Amina")
    _partner, partner_admin = onboard("Kilimo University", email="dean@kilimo.example")
    listing = reverse("wagtailsnippets_network_expertprofile:list")
    edit = reverse("wagtailsnippets_network_expertprofile:edit", args=[expert.pk])

    assert "Amina" in signed_in_client(editor).get(listing).content.decode()
    add = reverse("wagtailsnippets_network_expertprofile:add")
    assert signed_in_client(editor).get(add).status_code in (302, 403)  # a profile is its member's to make
    assert signed_in_client(partner_admin).get(listing).status_code in (302, 403)
    assert signed_in_client(partner_admin).post(edit, {"is_hidden": "on"}).status_code in (302, 403)
    expert.refresh_from_db()
    assert not expert.is_hidden

    signed_in_client(editor).post(edit, {"is_hidden": "on"})
    expert.refresh_from_db()
    assert expert.is_hidden


def test_directory_queries_do_not_grow_with_experts(client, home):
    pricing = Topic.objects.create(name="Pricing", slug="pricing")
    food = Sector.objects.create(name="Food", slug="food")

    def add(count):
        for _n in range(count):
            expert = make_expert(topics=[pricing], sectors=[food], languages=["en"], countries=["KE"])
            expert.photo = make_image()
            expert.save()

    add(2)
    _before, after = assert_flat(client, DIRECTORY + "?topic=pricing", lambda: add(8), ceiling=DIRECTORY_QUERIES)
    assert after.count('class="card expert-card"') == 10
