"""Demo content for a fresh site, loaded step by step by `manage.py load_demo_content`."""

# A step is a function taking a DemoRun. It adds what is missing and never changes what
# exists, so an editor's changes survive a second run. Other apps add their own steps to
# the command's STEPS.

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class DemoLogin:
    """An account to print at the end; password is None when it is not known (not ours to reset)."""

    role: str
    url: str
    email: str
    password: str | None


@dataclass
class DemoRun:
    """What the steps share: where logins are written, who edits, what was added, what to print."""

    logins_file: Path
    editor: object = None  # the user named on revisions and uploads, set by the admin step
    added_items: list = field(default_factory=list)
    logins: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def added(self, what: str) -> None:
        self.added_items.append(what)

    def note(self, text: str) -> None:
        self.notes.append(text)
