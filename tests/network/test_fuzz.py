"""Every network form a visitor, a member or an expert reaches answers hostile input without a 500."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from network import services
from tests.builders import make_expert, make_learner, signed_in_client
from tests.fuzz.forms import Fuzzer

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_network_forms_never_answer_500(client, home, capsys):
    fuzzer = Fuzzer()
    expert = make_expert(public_name="Amina")
    member = make_learner()
    contact = services.expert_contact_send(sender=member, expert=expert, message="Hello", language="en")

    client.raise_request_exception = False
    for form in fuzzer.forms_on(client, reverse("network:experts"), method="get"):
        fuzzer.fuzz(client, form, next_values=())
    for form in fuzzer.forms_on(client, reverse("network:join")):
        fuzzer.fuzz(client, form, next_values=(), before=cache.clear)  # past the per-address limit otherwise

    browser = signed_in_client(make_learner())
    browser.raise_request_exception = False
    for url in (reverse("network:profile"), reverse("network:expert", args=[expert.pk])):
        for form in fuzzer.forms_on(browser, url):
            fuzzer.fuzz(browser, form, next_values=(), before=cache.clear)

    expert_browser = signed_in_client(expert.user)
    expert_browser.raise_request_exception = False
    for form in fuzzer.forms_on(expert_browser, reverse("network:message", args=[contact.pk])):
        fuzzer.fuzz(expert_browser, form, next_values=())
    fuzzer.report(capsys, "network")
