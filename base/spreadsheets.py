"""Spreadsheet cells that show text as text, never run it as a formula."""

# A cell starting with one of these is read as a formula by spreadsheet programs
# (OWASP "CSV injection"); tab and carriage return can hide one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet shows as text, never runs: a leading apostrophe before formula characters."""
    if isinstance(value, str):
        value = "".join(char for char in value if char in "\t\n\r" or ord(char) >= 32)  # XML forbids most controls
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value
