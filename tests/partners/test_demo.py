"""The demo's partners: three with a team, a logo, a course and an editor who can log in."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import WorkflowState

from courses.models import CoursePage
from demo.loader import DATA_DIR
from demo.schema import data_read
from partners.models import PartnerPage

pytestmark = pytest.mark.django_db


def test_demo_partners_have_logo_course_team_and_a_working_editor_login(
    tmp_path, django_capture_on_commit_callbacks, settings
):
    settings.ADMIN_REQUIRE_MFA = False  # as `make run` sets it for the local demo (the printout says so)
    logins_file = tmp_path / "logins.json"
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", logins_file=logins_file, languages=("en",), stdout=out)
    logins = json.loads(logins_file.read_text())
    files = {path.stem: data_read(path, DATA_DIR) for path in (DATA_DIR / "en" / "partners").glob("*.yaml")}
    with_editor = {slug: data for slug, data in files.items() if "editor" in data}
    assert sorted(with_editor) == ["riverbend-university", "savanna-institute", "valle-verde"]
    for slug, data in with_editor.items():
        partner = PartnerPage.objects.get(slug=slug)
        assert partner.logo_id and partner.team and partner.expertise.exists()
        assert CoursePage.objects.live().descendant_of(partner).exists(), slug
        email = data["editor"]["email"]
        assert f"email: {email}  password: {logins[email]['password']}" in out.getvalue()
        client = Client()
        assert (
            client.post("/accounts/login/", {"login": email, "password": logins[email]["password"]}).status_code == 302
        )
        assert client.get(f"/admin/pages/{partner.pk}/edit/").status_code == 200
        assert client.get("/admin/partners/reports/").status_code == 200

    course = CoursePage.objects.get(slug="plan-a-week-in-your-workshop")
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_APPROVED and course.live
    review = data_read(DATA_DIR / "en" / "courses" / "plan-a-week-in-your-workshop.yaml", DATA_DIR)["review"]
    assert review["comment"] == "Clear and practical. Approved for the catalog."
    assert review["comment"] in "".join(state.task_states.values_list("comment", flat=True))
    assert course.title in Client().get("/courses/").content.decode()
