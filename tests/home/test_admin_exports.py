"""Every spreadsheet the admin offers writes partner-controlled text as text, never as a formula."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import get_resolver, reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from base.spreadsheets import WRITERS
from tests.builders import PASSWORD, make_standard_page

pytestmark = pytest.mark.django_db

EVIL_TITLE = '=HYPERLINK("http://evil.example","x")'
EVIL_NAME = "+cmd"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORTS = [
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailredirects:index",
]


@pytest.fixture
def evil_content(home):
    """Pages titled like a formula, published, locked and in review by a user named like one."""
    from wagtail.contrib.redirects.models import Redirect

    user = get_user_model().objects.create_superuser(email="partner.editor@example.org", password=PASSWORD)
    # The name validator would refuse the name; "+cmd@…" is a valid address (aging pages shows it).
    get_user_model().objects.filter(pk=user.pk).update(first_name=EVIL_NAME, email=EVIL_NAME + "@evil.example")
    user.refresh_from_db()
    page = make_standard_page(home, title=EVIL_TITLE, slug="evil")
    page.save_revision(user=user, log_action=True).publish(user=user)
    page.refresh_from_db()
    page.locked, page.locked_by, page.locked_at = True, user, timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])

    draft = make_standard_page(home, title=EVIL_TITLE, slug="evil-draft")
    draft.save_revision(user=user)
    workflow = Workflow.objects.create(name="Review")
    task = GroupApprovalTask.objects.create(name="Approve")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(draft, user)
    Redirect.objects.create(old_path="/old", redirect_link=EVIL_TITLE)
    return page


def csv_cells(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def xlsx_cells(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(content))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    return [cell.value for cell in cells if isinstance(cell.value, str)]


@pytest.mark.parametrize("url_name", EXPORTS)
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_admin_exports_write_formulas_as_text(admin_client, evil_content, url_name, export_format):
    response = admin_client.get(reverse(url_name), {"export": export_format})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    cells = csv_cells(response) if export_format == "csv" else xlsx_cells(response)
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert "'" + EVIL_TITLE in cells
    if url_name != "wagtailredirects:index":  # redirects name no user
        assert any(cell.startswith("'" + EVIL_NAME) for cell in cells)


def test_no_admin_export_view_bypasses_the_neutralising_funnels():
    """A view in the admin that overrides a writer could write cells that skip safe_cell."""
    views = set()

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
            else:
                view = getattr(pattern.callback, "view_class", None)
                if view is not None and issubclass(view, SpreadsheetExportMixin):
                    views.add(view)

    walk(get_resolver().url_patterns)
    views.add(SubmissionsListView)  # reached through a form page's serve_submissions_list_view, not a URL
    assert len(views) >= len(EXPORTS)
    for view in views:
        for name in WRITERS:
            owner = next(klass for klass in view.__mro__ if name in vars(klass))
            assert owner is SpreadsheetExportMixin, (view, name)
        assert getattr(view.preprocess_field_value, "neutralises_formulas", False)
        assert getattr(view.get_heading, "neutralises_formulas", False)
