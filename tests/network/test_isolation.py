"""Messages to experts are seen only by their two sides and editors: another member's ids are a 404."""

import pytest
from django.urls import reverse

from network import services
from tests.builders import make_expert, make_learner, signed_in_client

pytestmark = pytest.mark.django_db


def test_another_members_message_ids_are_not_found(home, editor):
    expert = make_expert(public_name="Amina")
    sender = make_learner()
    outsider = make_learner()
    contact = services.expert_contact_send(sender=sender, expert=expert, message="Private plans", language="en")
    detail = reverse("network:message", args=[contact.pk])

    for user in (sender, expert.user, editor):
        assert "Private plans" in signed_in_client(user).get(detail).content.decode()
    outsider_browser = signed_in_client(outsider)
    assert outsider_browser.get(detail).status_code == 404
    assert outsider_browser.post(reverse("network:answer", args=[contact.pk]), {"answer": "accept"}).status_code == 404
    assert "Private plans" not in outsider_browser.get(reverse("network:messages")).content.decode()
    assert "Amina" not in outsider_browser.get(reverse("network:messages")).content.decode()
    assert signed_in_client(outsider).get(reverse("network:message", args=[contact.pk + 1000])).status_code == 404
