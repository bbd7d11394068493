"""A member's expert profile, messages and applications are in their data download and go with their account."""

import json

import pytest
from django.urls import reverse
from wagtail.images import get_image_model

from accounts.selectors import account_export_get
from accounts.services import account_delete
from network import services
from network.models import ExpertContact, ExpertProfile, ExpertRole, NetworkApplication
from tests.builders import application_data, make_course, make_expert, make_image, make_learner, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(home):
    expert_user = make_learner(email="amina@experts.example")
    expert = make_expert(expert_user, public_name="Amina Njeri", biography="Export advice.")
    member = make_learner(email="bruno@member.example")
    services.expert_contact_send(sender=member, expert=expert, message="Bruno's question", language="en")
    other = make_learner()
    services.expert_contact_send(sender=other, expert=expert, message="Someone else's question", language="en")
    services.application_submit(
        data=application_data(organisation="Bruno Crafts", contact_email="bruno@member.example"),
        language="en",
        applicant=member,
    )
    return expert, member


def test_the_download_holds_the_members_profile_messages_and_applications(people):
    expert, member = people

    member_data = account_export_get(user=member)
    expert_data = account_export_get(user=expert.user)

    assert member_data["expert_profile"] is None
    assert [row["message"] for row in member_data["expert_messages"]["sent"]] == ["Bruno's question"]
    assert member_data["network_applications"][0]["organisation"] == "Bruno Crafts"
    assert expert_data["expert_profile"]["public_name"] == "Amina Njeri"
    assert {row["message"] for row in expert_data["expert_messages"]["received"]} == {
        "Bruno's question",
        "Someone else's question",
    }
    assert expert_data["network_applications"] == []
    json.dumps(member_data, default=str)


def test_the_download_view_holds_no_one_elses_messages(people):
    _expert, member = people

    body = signed_in_client(member).post(reverse("accounts:export")).content.decode()

    assert "Bruno's question" in body and "Someone else's question" not in body


def test_deleting_the_experts_account_removes_profile_photo_roles_and_messages(people, home):
    expert, member = people
    photo = make_image()
    photo.uploaded_by_user = expert.user
    photo.save()
    expert.photo = photo
    expert.save()
    ExpertRole.objects.create(expert=expert, page=make_course(home, lessons=1), role="author")

    account_delete(user=expert.user)

    assert not ExpertProfile.objects.exists() and not ExpertRole.objects.exists()
    assert not ExpertContact.objects.exists()
    assert not get_image_model().objects.filter(pk=photo.pk).exists()


def test_deleting_a_members_account_removes_their_messages_and_anonymises_applications(people):
    expert, member = people

    account_delete(user=member)

    assert list(ExpertContact.objects.values_list("message", flat=True)) == ["Someone else's question"]
    application = NetworkApplication.objects.get()
    assert application.organisation == "Bruno Crafts"
    assert application.applicant is None and application.contact_email == "" and application.contact_name == ""
    assert ExpertProfile.objects.filter(pk=expert.pk).exists()
