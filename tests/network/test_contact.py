"""Contact through the site: a message a day per pair, the expert emailed once, details shared on consent."""

import pytest
from django.core import mail
from django.urls import reverse

from network.models import ExpertContact
from network.services import CONTACT_RATE
from tests.builders import make_expert, make_learner, signed_in_client

pytestmark = pytest.mark.django_db


def _contact_url(expert):
    return reverse("network:contact", args=[expert.pk])


@pytest.fixture
def expert(home):
    user = make_learner(email="amina@experts.example", profile={"preferred_language": "fr"})
    return make_expert(user, public_name="Amina Njeri")


@pytest.fixture
def member(home):
    return make_learner(email="bruno@member.example", profile={"display_name": "Bruno"})


def test_a_message_reaches_the_expert_once_without_anyones_email(
    client, expert, member, django_capture_on_commit_callbacks
):
    browser = signed_in_client(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(_contact_url(expert), {"message": "Can you help with <b>pricing</b>?"})

    assert response.status_code == 302
    contact = ExpertContact.objects.get()
    assert contact.sender == member and contact.status == "pending"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amina@experts.example"]
    assert "bruno@member.example" not in mail.outbox[0].body
    assert "<b>pricing</b>" in mail.outbox[0].body  # plain text mail: shown as typed, never as markup
    expert_page = browser.get(reverse("network:expert", args=[expert.pk])).content.decode()
    assert "amina@experts.example" not in expert_page
    detail = browser.get(reverse("network:message", args=[contact.pk])).content.decode()
    assert "&lt;b&gt;pricing&lt;/b&gt;" in detail and "amina@experts.example" not in detail


def test_a_second_message_the_same_day_is_refused(expert, member, django_capture_on_commit_callbacks):
    browser = signed_in_client(member)
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(_contact_url(expert), {"message": "Hello"})
        response = browser.post(_contact_url(expert), {"message": "Hello again"})

    assert response.status_code == 400
    assert "already written to this expert today" in response.content.decode()
    assert ExpertContact.objects.count() == 1 and len(mail.outbox) == 1


def test_many_messages_to_different_experts_hit_the_rate_limit(member):
    limit, _period = CONTACT_RATE
    experts = [make_expert() for _n in range(limit + 1)]
    browser = signed_in_client(member)
    for expert in experts[:limit]:
        browser.post(_contact_url(expert), {"message": "Hello"})

    response = browser.post(_contact_url(experts[-1]), {"message": "Hello"})

    assert response.status_code == 400 and "Too many tries" in response.content.decode()
    assert ExpertContact.objects.count() == limit


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("", "This field is required"),
        ("x" * 5000, "at most 1000"),
        ("Hi\u202egnp.exe", "text-direction"),
        ("ding\x07", "control or invisible"),
        ("Click JavaScript :alert(1)".replace(" :", ":"), "script link"),
    ],
)
def test_bad_messages_get_a_clear_message_and_no_row(expert, member, message, error):
    response = signed_in_client(member).post(_contact_url(expert), {"message": message})

    assert response.status_code == 400 and error in response.content.decode()
    assert not ExpertContact.objects.exists()


def test_nobody_writes_to_themselves_an_unlisted_expert_or_while_signed_out(client, expert, member):
    hidden = make_expert(published=False)

    assert signed_in_client(expert.user).post(_contact_url(expert), {"message": "Me"}).status_code == 400
    assert signed_in_client(member).post(_contact_url(hidden), {"message": "Hi"}).status_code == 404
    assert client.post(_contact_url(expert), {"message": "Hi"}).status_code == 302
    assert signed_in_client(member).get(_contact_url(expert)).status_code == 405
    assert signed_in_client(member).post("/network/experts/99999999/contact/", {"message": "Hi"}).status_code == 404
    assert not ExpertContact.objects.exists()


def test_accepting_shares_both_sides_details_once(expert, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in_client(member).post(_contact_url(expert), {"message": "Hello"})
    contact = ExpertContact.objects.get()
    mail.outbox.clear()
    expert_browser = signed_in_client(expert.user)

    with django_capture_on_commit_callbacks(execute=True):
        expert_browser.post(reverse("network:answer", args=[contact.pk]), {"answer": "accept"})
    with django_capture_on_commit_callbacks(execute=True):
        expert_browser.post(reverse("network:answer", args=[contact.pk]), {"answer": "decline"})

    contact.refresh_from_db()
    assert contact.status == "accepted"
    to_member = [message for message in mail.outbox if message.to == ["bruno@member.example"]]
    to_expert = [message for message in mail.outbox if message.to == ["amina@experts.example"]]
    assert len(mail.outbox) == 2
    assert "amina@experts.example" in to_member[0].body and "bruno@member.example" in to_expert[0].body
    page = signed_in_client(member).get(reverse("network:message", args=[contact.pk])).content.decode()
    assert "amina@experts.example" in page


def test_declining_shares_nothing(expert, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in_client(member).post(_contact_url(expert), {"message": "Hello"})
    contact = ExpertContact.objects.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        signed_in_client(expert.user).post(reverse("network:answer", args=[contact.pk]), {"answer": "decline"})

    contact.refresh_from_db()
    assert contact.status == "declined" and mail.outbox == []
    page = signed_in_client(member).get(reverse("network:message", args=[contact.pk])).content.decode()
    assert "amina@experts.example" not in page


def test_only_the_expert_answers_and_junk_answers_are_404(expert, member):
    signed_in_client(member).post(_contact_url(expert), {"message": "Hello"})
    contact = ExpertContact.objects.get()
    url = reverse("network:answer", args=[contact.pk])

    assert signed_in_client(member).post(url, {"answer": "accept"}).status_code == 404
    assert signed_in_client(make_learner()).post(url, {"answer": "accept"}).status_code == 404
    assert signed_in_client(expert.user).post(url, {"answer": "maybe"}).status_code == 404
    assert signed_in_client(expert.user).get(url).status_code == 405
    contact.refresh_from_db()
    assert contact.status == "pending"
