"""Pages of results, forgiving a page number past the end."""

from django.utils.translation import gettext as _


def page_or_last(paginator, number: int, messages: list):
    """The requested page of results, or the last one with a message when it is past the end."""
    if number > paginator.num_pages:
        number = paginator.num_pages
        messages.append(_("That page of results does not exist; showing the last page."))
    return paginator.get_page(number)
