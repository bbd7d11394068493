"""The learning reports' CSV and XLSX exports: the numbers on screen, "fewer than 5" alike, no formulas."""

import pytest

from tests.reports.conftest import formula_cells, screen_rows, spreadsheet_rows
from tests.reports.test_learning_views import BREAKDOWN, FEWER, REPORTS, RESOURCES, World

pytestmark = pytest.mark.django_db

INJECTION = "=cmd|' /C calc'!A0"


@pytest.fixture
def world(home, partner_index):
    return World(maize_title=INJECTION)


def figure(cell):
    """A cell as a number when it is one (screen "12.0", CSV "12.0" and XLSX 12 compare equal), else its text."""
    if cell in (None, "", "\u2013"):
        return "\u2013"
    text = str(cell)
    try:
        return float(text)
    except ValueError:
        return text.removeprefix("'") if text.startswith("'=") else text  # the neutralised title


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "url",
    [*REPORTS, *(f"{BREAKDOWN}?dimension={dimension}" for dimension in ("country", "region", "month", "partner"))],
)
def test_export_holds_the_rows_on_screen(client, world, url, export_format):
    client.force_login(world.editor)
    screen = screen_rows(client.get(url))
    assert screen, url
    joiner = "&" if "?" in url else "?"
    heading, *rows = spreadsheet_rows(client.get(f"{url}{joiner}export={export_format}"), export_format)
    assert [[figure(cell) for cell in row] for row in rows] == [[figure(cell) for cell in row] for row in screen]
    assert len(heading) == len(screen[0])


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_small_cells_read_fewer_than_five_in_exports(client, world, export_format):
    client.force_login(world.editor)
    _heading, *rows = spreadsheet_rows(client.get(BREAKDOWN, {"export": export_format}), export_format)
    yonder = [row for row in rows if row[0] == "Yonder bookkeeping"]
    assert yonder == [["Yonder bookkeeping", FEWER, FEWER, FEWER, FEWER, FEWER]]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_formula_like_titles_are_neutralised(client, world, export_format):
    client.force_login(world.editor)
    for url in (BREAKDOWN, f"{BREAKDOWN}?dimension=course"):
        rows = spreadsheet_rows(client.get(url, {"export": export_format}), export_format)
        assert formula_cells(rows) == []
        assert "'" + INJECTION in [row[0] for row in rows]
    screen = screen_rows(client.get(BREAKDOWN))
    assert INJECTION in [row[0] for row in screen]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_partners_export_never_holds_another_partners_rows(client, world, export_format):
    client.force_login(world.yonder_user)
    for url in REPORTS:
        response = client.get(url, {"export": export_format})
        rows = spreadsheet_rows(response, export_format)
        flat = " ".join(str(cell) for row in rows for cell in row)
        for foreign in (INJECTION, "Price your harvest", "Pricing check", "Cold storage guide"):
            assert foreign not in flat, (url, foreign)
    client.force_login(world.kilimo_user)
    rows = spreadsheet_rows(client.get(BREAKDOWN, {"export": export_format}), export_format)
    assert "Yonder bookkeeping" not in [row[0] for row in rows]
    assert "Price your harvest" in [row[0] for row in rows]
    rows = spreadsheet_rows(client.get(RESOURCES, {"export": export_format}), export_format)
    assert "Cold storage guide" in [row[0] for row in rows]
