"""Join the network: the public form, spam and bad input, and the editors' queue (accept once, reject)."""

import pytest
from django.core import mail
from django.urls import reverse

from network.models import NetworkApplication
from network.services import APPLICATION_RATE
from partners.models import PartnerPage, PartnerTeam
from tests.builders import application_data, make_application, make_learner, onboard, signed_in_client

pytestmark = pytest.mark.django_db

JOIN = "/network/join/"


def _form(**fields):
    return {**application_data(**fields), "homepage": ""}


def test_the_form_records_a_pending_application_and_thanks_the_applicant(client):
    response = client.post(JOIN, _form(organisation="Kenya SME Federation"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("network:join_thanks")
    assert "Thank you for applying" in response.content.decode()
    application = NetworkApplication.objects.get()
    assert application.organisation == "Kenya SME Federation" and application.status == "pending"
    assert application.language == "en"


def test_the_form_in_french_keeps_its_language_for_the_emails(client):
    client.post("/fr/network/join/", _form())

    assert NetworkApplication.objects.get().language == "fr"


def test_a_replayed_form_keeps_one_application(client):
    data = _form(organisation="Lima Chamber", contact_email="ana@lima.example")
    client.post(JOIN, data)
    client.post(JOIN, {**data, "organisation": " lima  chamber ", "contact_email": "ANA@lima.example"})

    assert NetworkApplication.objects.count() == 1


def test_a_filled_trap_field_is_thanked_and_kept_nowhere(client):
    response = client.post(JOIN, {**_form(), "homepage": "http://spam.example"})

    assert response.status_code == 302
    assert not NetworkApplication.objects.exists()


def test_too_many_applications_from_one_address_are_refused_with_a_message(client):
    limit, _period = APPLICATION_RATE
    for _n in range(limit):
        client.post(JOIN, _form())

    response = client.post(JOIN, _form())

    assert response.status_code == 400
    assert "Too many tries" in response.content.decode()
    assert NetworkApplication.objects.count() == limit


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation", "", "This field is required"),
        ("organisation", "Evil\u202eCorp", "text-direction"),
        ("contact_name", "Ana\x00", "Null characters are not allowed"),
        ("contact_email", "not-an-email", "valid email"),
        ("website", "javascript:alert(1)", "valid URL"),
        ("country", "ZZ", "valid choice"),
        ("kind", "bank", "valid choice"),
        ("offer", "x" * 5000, "at most 2000"),
        ("offer", "See <a href='javascript:alert(1)'>this</a>", "script link"),
        ("offer", "bell\x07", "control or invisible"),
    ],
)
def test_bad_input_gets_a_clear_message_and_no_row(client, field, value, message):
    response = client.post(JOIN, _form(**{field: value}))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not NetworkApplication.objects.exists()


def test_junk_posts_never_fail(client):
    for data in ({}, {"kind": ["a", "b"]}, {"organisation": "x" * 100_000}):
        assert client.post(JOIN, data).status_code == 400
    assert client.get(JOIN + "?organisation=%00").status_code == 200


# --- The editors' queue -------------------------------------------------------------------------


def test_editors_see_the_queue_and_partner_admins_and_members_do_not(client, editor, partner_index):
    application = make_application(organisation="Tbilisi Crafts Union")
    _partner, partner_admin = onboard("Kilimo University", email="dean@kilimo.example")
    url = reverse("network_admin:applications")

    assert "Tbilisi Crafts Union" in signed_in_client(editor).get(url).content.decode()
    assert signed_in_client(partner_admin).get(url).status_code in (302, 403)
    assert signed_in_client(make_learner()).get(url).status_code in (302, 403)
    for user in (partner_admin, make_learner()):
        response = signed_in_client(user).post(reverse("network_admin:accept", args=[application.pk]))
        assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == "pending"


def test_accepting_onboards_the_partner_once_and_tells_the_applicant_in_their_language(
    editor, partner_index, django_capture_on_commit_callbacks
):
    application = make_application(
        organisation="Kenya SME Federation",
        kind="sme_association",
        country="KE",
        contact_email="amina@ksf.example",
        offer="Mentors and\nexport clinics.",
        language="fr",
    )
    client = signed_in_client(editor)
    url = reverse("network_admin:accept", args=[application.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)

    partner = PartnerPage.objects.get(title="Kenya SME Federation")
    assert partner.kind == "sme_association" and partner.country == "KE" and not partner.live
    assert partner.offers == "Mentors and export clinics."
    assert PartnerTeam.objects.filter(partner=partner).count() == 1
    application.refresh_from_db()
    assert application.status == "accepted" and application.partner_id == partner.pk
    assert application.decided_by == editor
    invitations = [message for message in mail.outbox if "invited" in message.subject]
    decisions = [message for message in mail.outbox if message not in invitations]
    assert len(decisions) == 1 and decisions[0].to == ["amina@ksf.example"]
    assert "Kenya SME Federation" in decisions[0].subject
    assert len(invitations) == 1 and invitations[0].to == ["amina@ksf.example"]


def test_rejecting_sends_the_editors_message_once_and_creates_no_partner(
    editor, partner_index, django_capture_on_commit_callbacks
):
    application = make_application(organisation="Shell Company", contact_email="x@shell.example")
    client = signed_in_client(editor)
    url = reverse("network_admin:reject", args=[application.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"message": "We only welcome organisations that serve SMEs."})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"message": "Again"})
        response = client.post(reverse("network_admin:accept", args=[application.pk]), follow=True)

    application.refresh_from_db()
    assert application.status == "rejected"
    assert application.decision_message == "We only welcome organisations that serve SMEs."
    assert not PartnerPage.objects.filter(title="Shell Company").exists()
    assert "already decided" in response.content.decode()
    assert len(mail.outbox) == 1 and "serve SMEs" in mail.outbox[0].body


def test_a_tampered_application_id_is_a_message_not_a_500(editor, partner_index):
    client = signed_in_client(editor)

    response = client.post(reverse("network_admin:accept", args=[999_999]), follow=True)
    assert response.status_code == 200 and "does not exist" in response.content.decode()
    assert client.post(reverse("network_admin:reject", args=[999_999]), {"message": "\u202e"}).status_code == 302
    assert client.post("/admin/network/applications/99999999999999999999/accept/").status_code == 404
