"""Every spreadsheet the Wagtail admin offers writes formula-like text as text, never as a formula."""

from functools import wraps

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from base.spreadsheets import safe_cell

# The methods through which SpreadsheetExportMixin writes every CSV and XLSX cell and heading.
FUNNELS = ("preprocess_field_value", "get_heading")
# Writers that call the funnels; a view overriding one of them could bypass the funnels.
WRITERS = ("write_csv_row", "generate_xlsx_row", "stream_csv", "write_xlsx", "write_xlsx_response")


def spreadsheet_exports_neutralise() -> None:
    """Pass every cell and heading of Wagtail's CSV and XLSX exports through base.spreadsheets.safe_cell.

    Titles, names and form labels come from partners and learners; a cell starting with =, +, -,
    @, tab or CR runs as a formula when the file is opened (OWASP "CSV injection"). Wagtail has no
    setting or hook for its exports (site history, aging pages, locked pages, workflow and task
    reports, redirects, form submissions, any viewset's list_export), but all of them inherit
    SpreadsheetExportMixin, which sends each value through preprocess_field_value and each heading
    through get_heading, for CSV and XLSX alike: wrapping those two fixes every export at once,
    including views added later. tests/home/test_admin_exports.py checks that no view in use
    overrides a writer and so escapes them.
    """
    for name in FUNNELS:
        original = getattr(SpreadsheetExportMixin, name)
        if getattr(original, "neutralises_formulas", False):
            continue  # ready() can run twice (tests, autoreload)

        def funnel(self, *args, _original=original, **kwargs):
            return safe_cell(_original(self, *args, **kwargs))

        funnel = wraps(original)(funnel)
        funnel.neutralises_formulas = True
        setattr(SpreadsheetExportMixin, name, funnel)
