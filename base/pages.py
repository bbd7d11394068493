"""Whether a page is open to every visitor."""

from wagtail.models import Page


def page_is_open(page, *, under_live_pages: bool = False) -> bool:
    """Live, and no view restriction on it or an ancestor: anyone may see it.

    `under_live_pages` also asks every ancestor to be live, for a page whose address we are about
    to show: a page under a draft section still answers, but linking to it reveals the section.
    """
    if page is None or not page.live or page.get_view_restrictions().exists():
        return False
    return not (under_live_pages and Page.objects.ancestor_of(page).filter(depth__gt=1, live=False).exists())
