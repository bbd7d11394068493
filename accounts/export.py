"""The registry of sections in a learner's data export.

Each app that keeps records about a person registers a section from its AppConfig.ready():

    from accounts.export import export_section_register
    export_section_register("certificates", certificates_for_export)

A section is a function `(user) -> JSON-serialisable value` that returns that user's own
records only. The export (accounts.selectors.account_export_get) calls every registered
section, so an app added later appears in downloads without changing this app.
"""

from collections.abc import Callable
from typing import Any

ExportSection = Callable[[Any], Any]

_sections: dict[str, ExportSection] = {}


def export_section_register(name: str, section: ExportSection) -> None:
    """Add (or replace, on a second ready()) the section `name` of every export."""
    _sections[name] = section


def export_sections() -> dict[str, ExportSection]:
    return dict(_sections)
