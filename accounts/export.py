"""The registry of sections in a learner's data export, and of what it leaves out and why.

Each app that keeps records about a person registers a section from its AppConfig.ready(),
naming the models it covers:

    from accounts.export import export_section_register
    export_section_register("reading_list", reading_list_export_list, models=["library.ReadingListItem"])

A section is a function `(user) -> JSON-serialisable value` that returns that user's own
records only. The export (accounts.selectors.account_export_get) calls every registered
section, so every app's records appear in downloads without this app importing any of them.

Every model with a foreign key or one-to-one to the user is either covered by a section (or
by the export's own "account" and "profile" parts, CORE_MODELS) or registered with
export_exclusion_register and a written reason; tests/accounts/test_export.py fails otherwise.
"""

from collections.abc import Callable, Iterable
from typing import Any

ExportSection = Callable[[Any], Any]

# Written by account_export_get itself, in "account" and "profile".
CORE_MODELS = ("accounts.LearnerProfile", "account.EmailAddress", "mfa.Authenticator")

_sections: dict[str, ExportSection] = {}
_covered: dict[str, str] = {model: "account" for model in CORE_MODELS}
_excluded: dict[str, str] = {}


def export_section_register(name: str, section: ExportSection, *, models: Iterable[str] = ()) -> None:
    """Add (or replace, on a second ready()) the section `name`, which holds `models` ("app_label.Model")."""
    _sections[name] = section
    for model in models:
        _covered[model] = name


def export_section_list() -> dict[str, ExportSection]:
    return dict(_sections)


def iso_or_none(value):
    """A date or time as ISO 8601 text for the export, None when unset."""
    return value.isoformat() if value else None


def export_exclusion_register(model: str, reason: str) -> None:
    """Record that `model` ("app_label.Model") refers to users but is left out of the export, and why."""
    if not reason.strip():
        raise ValueError(f"Say why {model} is not exported.")
    _excluded[model] = reason


def export_coverage_get() -> tuple[dict[str, str], dict[str, str]]:
    """(model label → section that exports it, model label → reason it is not exported)."""
    return dict(_covered), dict(_excluded)
