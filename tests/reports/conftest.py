import csv
import io

import pytest
from openpyxl import load_workbook

from tests.builders import make_partner_index

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def partner_index(home):
    return make_partner_index(home)


def spreadsheet_rows(response, export_format) -> list[list]:
    """The rows of a CSV or XLSX export, headings first; XLSX cells are checked to hold no formula."""
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return [row for row in csv.reader(io.StringIO(content.decode("utf-8-sig")))]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(content))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    return [list(row) for sheet in workbook for row in sheet.iter_rows(values_only=True)]


def formula_cells(rows) -> list:
    return [cell for row in rows for cell in row if isinstance(cell, str) and cell.startswith(FORMULA_STARTS)]


def screen_rows(response) -> list[list[str]]:
    """The body rows of the report's tables as the user reads them, one list of cell texts per row."""
    from bs4 import BeautifulSoup

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        [" ".join(cell.get_text(" ", strip=True).split()) for cell in row.find_all(["th", "td"])]
        for row in soup.select("table.listing tbody tr")
    ]
