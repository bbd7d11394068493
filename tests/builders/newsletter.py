"""The newsletter: an archive page and issues listing pages of the site."""

import datetime

from newsletter.models import NewsletterIndexPage, NewsletterIssuePage
from tests.builders.pages import publish
from tests.builders.unique import unique


def make_newsletter_index(home, **fields):
    index = NewsletterIndexPage(
        title=fields.pop("title", "Newsletter"),
        slug=fields.pop("slug", f"newsletter-{unique()}"),
        intro=fields.pop("intro", "Past issues."),
        **fields,
    )
    home.add_child(instance=index)
    return publish(index)


def make_issue(index, *, pages=(), title=None, live=True, editorial="<p>Hello from the federation.</p>", **fields):
    """An issue under `index` listing `pages` (in order), published unless live=False."""
    n = unique()
    issue = NewsletterIssuePage(
        title=title or f"Issue {n}",
        slug=fields.pop("slug", f"issue-{n}"),
        issue_date=fields.pop("issue_date", datetime.date(2026, 11, 1) - datetime.timedelta(days=n % 300)),
        editorial=editorial,
        items=[("item", {"page": page, "note": ""}) for page in pages],
        **fields,
    )
    index.add_child(instance=issue)
    if not live:
        issue.save_revision()
        issue.live = False
        issue.save(update_fields=["live"])
        return issue
    return publish(issue)
