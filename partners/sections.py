"""What the apps above show on a partner's page: each registers a section from its AppConfig.ready().

Partners sit below courses and the library, whose pages live in a partner's subtree; a section
lets them add "Courses by …" or "Know-how from …" to the partner's page without this app
importing theirs.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from base.page_cache import page_cache_get_or_set


@dataclass(frozen=True)
class PartnerSection:
    order: int
    template: str  # rendered with `partner` and `items`
    items: Callable  # (partner_page) -> list of cards, in a fixed number of queries


_sections: dict[str, PartnerSection] = {}


def partner_section_register(name: str, *, order: int, template: str, items: Callable) -> None:
    """Add (or replace, on a second ready()) the section `name` of every partner's page."""
    _sections[name] = PartnerSection(order=order, template=template, items=items)


def partner_sections_get(partner) -> list[SafeString]:
    """The registered sections of `partner`'s page, in order, rendered (each template gets `partner` and `items`).

    Kept as HTML in the page cache per page and language (the content generation drops them on any
    publish of a page they list), so a page that is not stored whole runs no query for them. They
    are rendered without the request: nothing in them depends on the reader.
    """

    def compute():
        return [
            render_to_string(section.template, {"partner": partner, "items": section.items(partner), "request": None})
            for section in sorted(_sections.values(), key=lambda section: section.order)
        ]

    rendered = page_cache_get_or_set(f"partner-sections:v2:{partner.pk}:{get_language()}", compute)
    return [mark_safe(html) for html in rendered]  # noqa: S308 (each template escapes its values)
