"""The people of a page (a course's author, a programme's mentor, an event's speaker), from whichever app knows them.

Pages live in apps below the one that holds people (`network`), so a page type never imports it:
the higher app registers a provider from its `AppConfig.ready()`, and page templates show
`{% page_people page %}` (base/templatetags/people_tags.py). What a page lists is the same for
every visitor in a language, so it is kept in the page cache until content changes: the provider's
app names its models in `page_cache_drop_on`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import get_language

from base.page_cache import page_cache_get_or_set


@dataclass(frozen=True)
class PagePerson:
    """One person shown on a page: what they are to it and where to read about them."""

    name: str
    role: str  # already translated, e.g. "Author"
    url: str
    organisation: str = ""


_providers: dict[str, Callable] = {}


def page_people_register(name: str, provider: Callable) -> None:
    """Add (or replace, on a second ready()) `provider`: (page) -> list of PagePerson, in a fixed number of queries."""
    _providers[name] = provider


def page_people_get(page) -> list[PagePerson]:
    """Everyone the registered providers attach to `page` (any of its translations), in the providers' order."""
    if not _providers or page is None or not getattr(page, "translation_key", None):
        return []

    def compute():
        return [person for provider in _providers.values() for person in provider(page)]

    return page_cache_get_or_set(f"page-people:{page.translation_key}:{get_language()}", compute)
