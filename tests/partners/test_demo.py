"""The demo's partners: three with a team, a logo, a course and an editor who can log in."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import WorkflowState

from courses.demo.steps import PARTNER_DETAILS
from courses.models import CoursePage
from partners.demo.steps import DEMO_PARTNERS, REVIEW_COMMENT, partner_editor_email
from partners.models import PartnerPage

pytestmark = pytest.mark.django_db


def test_demo_partners_have_logo_course_team_and_a_working_editor_login(tmp_path, django_capture_on_commit_callbacks, settings):
    settings.ADMIN_REQUIRE_MFA = False  # as `make run` sets it for the local demo (the printout says so)
    logins_file = tmp_path / "logins.json"
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", logins_file=logins_file, stdout=out)
    logins = json.loads(logins_file.read_text())
    for name in DEMO_PARTNERS:
        slug = PARTNER_DETAILS[name]["slug"]
        partner = PartnerPage.objects.get(slug=slug)
        assert partner.logo_id and partner.team and partner.expertise.exists()
        assert CoursePage.objects.live().descendant_of(partner).exists(), name
        email = partner_editor_email(slug)
        assert f"email: {email}  password: {logins[email]['password']}" in out.getvalue()
        client = Client()
        assert client.post("/accounts/login/", {"login": email, "password": logins[email]["password"]}).status_code == 302
        assert client.get(f"/admin/pages/{partner.pk}/edit/").status_code == 200
        assert client.get("/admin/partners/reports/").status_code == 200

    course = CoursePage.objects.get(slug="plan-a-week-in-your-workshop")
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_APPROVED and course.live
    assert REVIEW_COMMENT in "".join(state.task_states.values_list("comment", flat=True))
    assert course.title in Client().get("/courses/").content.decode()
