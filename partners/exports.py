"""The partner report as an XLSX workbook (openpyxl), safe to open in a spreadsheet."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from base.spreadsheets import safe_cell



def _sheet(workbook, title, header, rows):
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(value) for value in header])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
    return sheet


def partner_report_xlsx(report: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    rows = report["rows"]
    _sheet(
        workbook,
        _("Courses"),
        [_("Course"), _("Live"), _("Enrolments"), _("Active learners"), _("Completions"), _("Completion rate (%)")],
        [
            [row["course"].title, _("yes") if row["course"].live else _("no"), row["enrolled"], row["active"],
             row["completed"], row["completion_rate"]]
            for row in rows
        ],
    )
    _sheet(
        workbook,
        _("Quiz pass rates"),
        [_("Course"), _("Month"), _("Attempts"), _("Passes"), _("Pass rate (%)")],
        [
            [row["course"].title, month["month"].strftime("%Y-%m"), month["attempts"], month["passes"], month["pass_rate"]]
            for row in rows
            for month in row["months"]
        ],
    )
    _sheet(
        workbook,
        _("Countries"),
        [_("Course"), _("Country"), _("Learners")],
        [[row["course"].title, country["name"], country["count"]] for row in rows for country in row["countries"]],
    )
    _sheet(
        workbook,
        _("Learners who share progress"),
        [_("Course"), _("Learner"), _("Enrolled"), _("Completed"), _("Progress (%)")],
        [
            [
                row["course"].title,
                learner["name"],
                learner["enrolled_at"].date().isoformat(),
                learner["completed_at"].date().isoformat() if learner["completed_at"] else "",
                learner["progress"],
            ]
            for row in rows
            for learner in row["learners"]
        ],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
