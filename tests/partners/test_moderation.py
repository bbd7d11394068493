"""A partner's course goes live only after an editor approves it in the 'Partner review' workflow."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from courses.models import CoursePage
from tests.builders import make_course_index, make_editor, onboard

pytestmark = pytest.mark.django_db


def public_html(url):
    """The page as an anonymous visitor sees it (no admin messages from the session)."""
    return Client().get(url).content.decode()


def course_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", "kilimo-course"),
            "summary": "How to price maize flour.",
            "outcomes": streamfield([]),
            "audience": "",
            "level": "beginner",
            "estimated_hours": "1.5",
            **extra,
        }
    )


def test_partner_submission_is_live_only_after_an_editor_approves(
    client, home, partner_index, django_capture_on_commit_callbacks
):
    catalog = make_course_index(home)
    partner, partner_user = onboard("Kilimo University", email="dean@kilimo.example")
    editor = make_editor()

    client.force_login(partner_user)
    data = course_form("Price maize flour")
    data["action-submit"] = "Submit"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/add/courses/coursepage/{partner.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    course = CoursePage.objects.get(title="Price maize flour")
    assert not course.live
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.workflow.name == "Partner review" and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Price maize flour" not in public_html(catalog.url)
    assert "Price maize flour" not in public_html("/search/?q=maize")
    assert any(editor.email in message.to for message in mail.outbox)  # editors are notified

    # The partner cannot publish it themselves, nor approve their own submission.
    data["action-publish"] = "Publish"
    del data["action-submit"]
    client.post(f"/admin/pages/{course.pk}/edit/", data)
    course.refresh_from_db()
    assert not course.live
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    client.post(f"/admin/pages/workflow/action/{course.pk}/approve/{task_state.pk}/", {"comment": "self-approved"})
    course.refresh_from_db()
    assert not course.live

    client.force_login(editor)
    response = client.post(
        f"/admin/pages/workflow/action/{course.pk}/approve/{task_state.pk}/", {"comment": "Clear and useful: approved."}
    )
    assert response.status_code in (200, 302)
    course.refresh_from_db()
    assert course.live
    client.logout()
    assert "Price maize flour" in public_html(catalog.url)
    assert "Price maize flour" in public_html("/search/?q=maize")

    client.force_login(partner_user)
    history = client.get(f"/admin/pages/{course.pk}/workflow_history/detail/{state.pk}/").content.decode()
    assert "Clear and useful: approved." in history


def test_rejected_submission_stays_off_the_site_and_the_partner_sees_why(
    client, home, partner_index, django_capture_on_commit_callbacks
):
    catalog = make_course_index(home)
    partner, partner_user = onboard("Kilimo University", email="dean@kilimo.example")
    editor = make_editor()
    client.force_login(partner_user)
    data = course_form("Price maize flour")
    data["action-submit"] = "Submit"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/add/courses/coursepage/{partner.pk}/", data)
    course = CoursePage.objects.get(title="Price maize flour")
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(course.pk))

    client.force_login(editor)
    client.post(
        f"/admin/pages/workflow/action/{course.pk}/reject/{task_state.pk}/", {"comment": "Add a worked example."}
    )
    course.refresh_from_db()
    assert not course.live
    client.force_login(partner_user)
    edit = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert "Changes requested" in edit or "Add a worked example." in edit
    history = client.get(f"/admin/pages/{course.pk}/history/").content.decode()
    assert "Add a worked example." in history
    client.logout()
    assert "Price maize flour" not in public_html(catalog.url)
