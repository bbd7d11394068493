"""What the apps above list on a project's page: each registers a section from its AppConfig.ready().

A project names the courses and resources that belong to it (they sit below it); news, events and
whatever comes later sit above it and name their projects instead, so they add "News" or "Events"
to the project's page through a section, and this app never imports theirs (like partners/sections.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from base.page_cache import page_cache_get_or_set


@dataclass(frozen=True)
class ProjectSection:
    order: int
    template: str  # rendered with `project` and `items`
    items: Callable  # (project_page) -> list of cards, in a fixed number of queries


_sections: dict[str, ProjectSection] = {}


def project_section_register(name: str, *, order: int, template: str, items: Callable) -> None:
    """Add (or replace, on a second ready()) the section `name` of every project's page."""
    _sections[name] = ProjectSection(order=order, template=template, items=items)


def project_sections_get(project) -> list[SafeString]:
    """The registered sections of `project`'s page, in order, rendered (each template gets `project` and `items`).

    Kept as HTML in the page cache per page and language (the content generation drops them on any
    publish of a page they list), so a page that is not stored whole runs no query for them. They
    are rendered without the request: nothing in them depends on the reader.
    """

    def compute():
        return [
            render_to_string(section.template, {"project": project, "items": section.items(project), "request": None})
            for section in sorted(_sections.values(), key=lambda section: section.order)
        ]

    rendered = page_cache_get_or_set(f"project-sections:v2:{project.pk}:{get_language()}", compute)
    return [mark_safe(html) for html in rendered]  # noqa: S308 (each template escapes its values)
