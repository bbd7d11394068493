"""Whether a page is open to every visitor, and lists of such pages."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from base.page_cache import page_cache_get_or_set


def page_is_open(page, *, under_live_pages: bool = False) -> bool:
    """Live, and no view restriction on it or an ancestor: anyone may see it.

    `under_live_pages` also asks every ancestor to be live, for a page whose address we are about
    to show: a page under a draft section still answers, but linking to it reveals the section.
    """
    if page is None or not page.live or page.get_view_restrictions().exists():
        return False
    return not (under_live_pages and Page.objects.ancestor_of(page).filter(depth__gt=1, live=False).exists())


def private_sections_list() -> list[tuple[str, int]]:
    """(path, depth) of every page with a view restriction: the sections closed to some visitors.

    Kept with the page cache's generation, which a restriction saved or deleted and a page moved
    bump, so a list of public pages costs no query for them (Wagtail's `public()` runs one each time).
    """
    return page_cache_get_or_set(
        "pages:private-sections",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", "page__depth"))),
    )


def pages_public(queryset):
    """`queryset.public()` without its query: pages in no restricted section (`private_sections_list`)."""
    private = Q()
    for path, depth in private_sections_list():
        private |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(private) if private else queryset
