"""Double taps and two editors: applications, onboarding and messages hold under 16 threads (SQLite and PostgreSQL)."""

import pytest
from django.core import mail

from network import services
from network.models import ExpertContact, NetworkApplication
from partners.models import PartnerPage, PartnerTeam
from tests.builders import (
    application_data,
    make_application,
    make_editor,
    make_expert,
    make_learner,
    root_collection,
)
from tests.builders.partners import make_partner_index
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_application_sent_from_16_threads_is_kept_once(home):
    data = application_data(organisation="Lima Chamber", contact_email="ana@lima.example")

    errors = run_at_once(lambda i: services.application_submit(data=dict(data), language="es"))

    assert errors == []
    assert NetworkApplication.objects.count() == 1


def test_an_application_accepted_from_16_threads_onboards_one_partner_and_sends_one_decision(home):
    root_collection()
    make_partner_index(home)
    editor = make_editor(email="race-editor@example.org")
    application = make_application(organisation="Kenya SME Federation", contact_email="amina@ksf.example")
    mail.outbox = []

    errors = run_at_once(lambda i: services.application_accept(application_id=application.pk, editor=editor))

    assert errors == []
    partner = PartnerPage.objects.get(title="Kenya SME Federation")
    assert PartnerTeam.objects.filter(partner=partner).count() == 1
    application.refresh_from_db()
    assert application.status == "accepted" and application.partner_id == partner.pk
    decisions = [message for message in mail.outbox if "invited" not in message.subject]
    assert len(decisions) == 1


def test_one_message_sent_from_16_threads_is_kept_once_and_mailed_once(home):
    expert = make_expert(make_learner(email="amina@experts.example"))
    member = make_learner()
    mail.outbox = []

    errors = run_at_once(
        lambda i: services.expert_contact_send(sender=member, expert=expert, message=f"Hello {i}", language="en")
    )

    assert all(isinstance(error, services.NetworkError) for error in errors), errors
    assert ExpertContact.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["amina@experts.example"]]
