"""What the apps above show on a partner's page: each registers a section from its AppConfig.ready().

Partners sit below courses and the library, whose pages live in a partner's subtree; a section
lets them add "Courses by …" or "Know-how from …" to the partner's page without this app
importing theirs.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PartnerSection:
    order: int
    template: str  # rendered with `partner`, `items` and `request`
    items: Callable  # (partner_page) -> list of cards, in a fixed number of queries


@dataclass(frozen=True)
class PartnerSectionContent:
    template: str
    items: list


_sections: dict[str, PartnerSection] = {}


def partner_section_register(name: str, *, order: int, template: str, items: Callable) -> None:
    """Add (or replace, on a second ready()) the section `name` of every partner's page."""
    _sections[name] = PartnerSection(order=order, template=template, items=items)


def partner_sections_get(partner) -> list[PartnerSectionContent]:
    """The registered sections of `partner`'s page, in order, with their cards."""
    return [
        PartnerSectionContent(template=section.template, items=section.items(partner))
        for section in sorted(_sections.values(), key=lambda section: section.order)
    ]
