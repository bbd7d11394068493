"""Small-cell protection: no report cell may count so few learners that it points at a person.

A count of learners below SMALL_CELL (zero included) shows "fewer than 5" on screen and in every
export, and so does a rate or a median computed over fewer than SMALL_CELL learners. Page views are
not learners (nothing about the reader is stored) and are shown as they are.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext

SMALL_CELL = 5


def rule_text() -> str:
    """The rule as editors read it on every report, in their language."""
    return gettext(
        "To protect learners' privacy, any figure counting fewer than %(n)s learners, and any rate or "
        "median computed over fewer than %(n)s learners, shows “fewer than %(n)s”, on screen and "
        "in exports."
    ) % {"n": SMALL_CELL}


RULE = lazy(rule_text, str)()


def fewer_than_text() -> str:
    return gettext("fewer than %(n)s") % {"n": SMALL_CELL}


@dataclass(frozen=True)
class Cell:
    """A figure in a report: a count, a percentage or a number of days, or suppressed."""

    value: int | float | None
    suppressed: bool = False

    def __str__(self) -> str:
        if self.suppressed:
            return fewer_than_text()
        if self.value is None:
            return "\u2013"
        return number_format(self.value, decimal_pos=None if isinstance(self.value, int) else 1)

    def export(self):
        """The value as a spreadsheet holds it: the number, "fewer than 5", or empty."""
        if self.suppressed:
            return fewer_than_text()
        return "" if self.value is None else self.value


def learners_cell(count: int) -> Cell:
    """A count of learners: suppressed below SMALL_CELL."""
    return Cell(count, suppressed=count < SMALL_CELL)


def rate_cell(part: int, whole: int) -> Cell:
    """part / whole as a whole percentage; suppressed when either side counts fewer than SMALL_CELL."""
    if part < SMALL_CELL or whole < SMALL_CELL:
        return Cell(None, suppressed=True)
    return Cell(round(100 * part / whole))


def measure_cell(value: float | None, over: int) -> Cell:
    """A figure computed over `over` learners (a median, an average): suppressed below SMALL_CELL."""
    if over < SMALL_CELL:
        return Cell(None, suppressed=True)
    return Cell(None if value is None else round(value, 1))


def plain_cell(value: int | float | None) -> Cell:
    """A figure that counts no learner (page views): never suppressed."""
    return Cell(value)
