"""What the apps above list on a project's page: each registers a section from its AppConfig.ready().

A project names the courses and resources that belong to it (they sit below it); news, events and
whatever comes later sit above it and name their projects instead, so they add "News" or "Events"
to the project's page through a section, and this app never imports theirs (like partners/sections.py).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectSection:
    order: int
    template: str  # rendered with `project`, `items` and `request`
    items: Callable  # (project_page) -> list of cards, in a fixed number of queries


@dataclass(frozen=True)
class ProjectSectionContent:
    template: str
    items: list


_sections: dict[str, ProjectSection] = {}


def project_section_register(name: str, *, order: int, template: str, items: Callable) -> None:
    """Add (or replace, on a second ready()) the section `name` of every project's page."""
    _sections[name] = ProjectSection(order=order, template=template, items=items)


def project_sections_get(project) -> list[ProjectSectionContent]:
    """The registered sections of `project`'s page, in order, with their cards."""
    return [
        ProjectSectionContent(template=section.template, items=section.items(project))
        for section in sorted(_sections.values(), key=lambda section: section.order)
    ]
