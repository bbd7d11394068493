"""Onboarding a partner: one action, by command or admin form, idempotent."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    WorkflowPage,
)

from partners import services
from partners.models import PartnerPage, PartnerTeam
from tests.builders import make_admin_user, make_editor

pytestmark = pytest.mark.django_db


def _page_codenames(group):
    return set(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True))


def test_create_partner_command_sets_up_page_group_collection_and_invitation(
    partner_index, django_capture_on_commit_callbacks
):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_partner",
            "Kilimo University",
            email="dean@kilimo.example",
            country="ke",
            kind="university",
            stdout=out,
        )

    partner = PartnerPage.objects.get(title="Kilimo University")
    assert partner.get_parent().pk == partner_index.pk
    assert not partner.live and partner.country == "KE" and partner.kind == "university"
    group = Group.objects.get(name="Partner: Kilimo University")
    assert _page_codenames(group) == {"add_page", "change_page"}
    assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)) == {partner.pk}
    collection = Collection.objects.get(name="Kilimo University")
    assert set(
        GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", "permission__codename")
    ) == {
        (collection.pk, codename)
        for codename in (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        )
    }
    # wagtail-localize's Translate/Sync, kept to the partner's own pages by the admin guard (issue 15).
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin", "submit_translation"}
    assert PartnerTeam.objects.get(partner=partner).group == group

    user = get_user_model().objects.get(email="dean@kilimo.example")
    assert not user.has_usable_password()
    assert list(user.groups.all()) == [group]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dean@kilimo.example"]
    assert "/accounts/password/reset/" in mail.outbox[0].body
    assert "Kilimo University" in mail.outbox[0].subject
    assert "Invitation sent" in out.getvalue()
    assert WorkflowPage.objects.get(page=partner_index).workflow.name == services.REVIEW_WORKFLOW


def test_running_onboarding_twice_adds_nothing(partner_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.partner_onboard(name="Kilimo University", email="dean@kilimo.example")
    counts = (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        get_user_model().objects.count(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        result = services.partner_onboard(name="Kilimo  University ", email="DEAN@kilimo.example")
    assert not result.created and not result.invited
    assert counts == (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        get_user_model().objects.count(),
    )
    assert len(mail.outbox) == 1


def test_invited_editor_can_ask_for_a_password_reset_code(client, partner_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.partner_onboard(name="Kilimo University", email="dean@kilimo.example")
    mail.outbox.clear()
    response = client.post("/accounts/password/reset/", {"email": "dean@kilimo.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["dean@kilimo.example"]


@pytest.mark.parametrize(
    "name, email, country, kind",
    [
        ("", "a@example.org", "", "university"),
        ("x" * 10_000, "a@example.org", "", "university"),
        ("Bad\x00Name", "a@example.org", "", "university"),
        ("Fine name", "not-an-email", "", "university"),
        ("Fine name", "a@example.org", "XX", "university"),
        ("Fine name", "a@example.org", "", "castle"),
        ("!!!", "a@example.org", "", "university"),
    ],
)
def test_onboarding_refuses_bad_input_and_changes_nothing(partner_index, name, email, country, kind):
    pages = Page.objects.count()
    with pytest.raises(services.PartnerOnboardError):
        services.partner_onboard(name=name, email=email, country=country, kind=kind)
    assert Page.objects.count() == pages
    assert not PartnerTeam.objects.exists()


def test_command_reports_an_error_without_a_partner_section(home):
    with pytest.raises(CommandError):
        call_command("create_partner", "Kilimo University", email="dean@kilimo.example", stdout=StringIO())


def test_editor_onboards_a_partner_from_the_admin(client, partner_index, django_capture_on_commit_callbacks):
    client.force_login(make_editor())
    assert client.get("/admin/partners/onboard/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/partners/onboard/",
            {
                "name": "Andes Business School",
                "email": "head@andes.example",
                "country": "PE",
                "kind": "business_school",
            },
        )
    partner = PartnerPage.objects.get(title="Andes Business School")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{partner.pk}/edit/"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "data",
    [
        {"name": "\x00", "email": "a@example.org", "kind": "university"},
        {"name": "x" * 10_000, "email": "a@example.org", "kind": "university"},
        {"name": "Fine", "email": "a" * 10_000, "kind": "university"},
        {"name": "Fine", "email": "a@example.org", "kind": "castle", "country": "ZZ"},
        {},
    ],
)
def test_admin_onboarding_form_shows_errors_never_500(client, partner_index, data):
    client.force_login(make_editor())
    response = client.post("/admin/partners/onboard/", data)
    assert response.status_code == 200
    assert not PartnerTeam.objects.exists()


def test_only_editors_may_onboard(client, partner_index):
    partner_user = make_admin_user(email="someone@example.org")
    client.force_login(partner_user)
    assert client.get("/admin/partners/onboard/").status_code in (302, 403)
    response = client.post(
        "/admin/partners/onboard/", {"name": "Sneaky", "email": "x@example.org", "kind": "university"}
    )
    assert response.status_code in (302, 403)
    assert not PartnerPage.objects.filter(title="Sneaky").exists()
