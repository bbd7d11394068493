"""The network's pages are valid HTML (W3C Nu checker, as tests/test_html_valid.py runs it), in English and Arabic."""

import pytest
from django.urls import reverse

from network import services
from network.models import ExpertRole
from taxonomy.models import Topic
from tests.builders import make_course, make_expert, make_image, make_learner, signed_in_client
from tests.test_html_valid import _vnu

pytestmark = pytest.mark.django_db


def test_network_pages_are_valid_html(client, home, tmp_path):
    topic = Topic.objects.create(name="Pricing", slug="pricing")
    expert = make_expert(public_name="Amina", topics=[topic], countries=["KE"], languages=["en", "sw"])
    expert.photo = make_image()
    expert.save()
    course = make_course(home, lessons=1)
    ExpertRole.objects.create(expert=expert, page=course, role="author")
    member = make_learner()
    contact = services.expert_contact_send(sender=member, expert=expert, message="Hello\nthere", language="en")
    services.expert_contact_answer(contact_id=contact.pk, expert_user=expert.user, accept=True)
    pending = services.expert_contact_send(sender=make_learner(), expert=expert, message="Hi", language="en")

    files = []

    def save(browser, url, data=None):
        response = browser.get(url) if data is None else browser.post(url, data)
        assert response.status_code in (200, 400), (url, response.status_code)
        path = tmp_path / f"page{len(files)}.html"
        path.write_bytes(response.content)
        files.append((path, url))

    member_browser, expert_browser = signed_in_client(member), signed_in_client(expert.user)
    for prefix in ("", "/ar"):
        save(client, f"{prefix}/network/experts/?topic=pricing")
        save(client, f"{prefix}/network/experts/{expert.pk}/")
        save(client, f"{prefix}/network/join/")
        save(client, f"{prefix}/network/join/", {"organisation": "\u202e", "offer": "x"})
        save(client, f"{prefix}/network/join/thanks/")
        save(member_browser, f"{prefix}/network/experts/{expert.pk}/")
        save(member_browser, f"{prefix}/network/my-expert-profile/")
        save(member_browser, f"{prefix}/network/messages/")
        save(member_browser, f"{prefix}/network/messages/{contact.pk}/")
        save(expert_browser, f"{prefix}/network/messages/{pending.pk}/")
        save(expert_browser, f"{prefix}/network/my-expert-profile/")
    save(client, course.url)
    assert "Amina" in files[-1][0].read_text()

    messages = _vnu([path for path, _url in files])
    by_file = {path.name: url for path, url in files}
    errors = [
        f"{by_file.get(m.get('url', '').rsplit('/', 1)[-1])}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == []
    assert reverse("network:experts")
