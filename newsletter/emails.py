"""The newsletter as an email: plain-text and HTML parts, absolute addresses, one-click unsubscribe headers.

An issue is prepared once per language (`issue_prepare`: items and editorial resolved, addresses
made absolute with SITE_URL) and then addressed to each person (`issue_message`), whose own signed
unsubscribe address goes in the body and in the `List-Unsubscribe` header (RFC 2369) with
`List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): mail clients show an
"Unsubscribe" button that POSTs to that address. RFC 8058 also asks the message's DKIM signature
to cover both headers: that is the outgoing mail server's job.
"""

import html
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from accounts.unsubscribe import NEWSLETTER, unsubscribe_token_make
from newsletter.models import NewsletterIssuePage
from newsletter.selectors import IssueItem, issue_items_get

_RELATIVE = re.compile(r'(\s(?:href|src))="/(?!/)')
_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S | re.I)
_BREAKS = re.compile(r"</(p|h[1-6]|li|ul|ol)>|<br\s*/?>", re.I)
_BULLET = re.compile(r"<li[^>]*>", re.I)


def _absolute(url: str) -> str:
    return settings.SITE_URL + url if url.startswith("/") and not url.startswith("//") else url


def html_absolute(markup: str) -> str:
    """`markup` with its site-relative links and images made absolute (an email has no site to be relative to)."""
    return _RELATIVE.sub(lambda match: f'{match.group(1)}="{settings.SITE_URL}/', markup)


def html_to_text(markup: str) -> str:
    """A plain-text version of rich text: paragraphs on their own lines, links as "text (address)"."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})" if m.group(1) else m.group(2), markup)
    text = _BULLET.sub("- ", text)
    text = _BREAKS.sub("\n", text)
    text = html.unescape(strip_tags(text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


@dataclass(frozen=True)
class PreparedIssue:
    language: str
    subject: str
    title: str
    issue_date: object
    url: str
    editorial_html: str
    editorial_text: str
    items: list[IssueItem]


def issue_prepare(*, issue: NewsletterIssuePage) -> PreparedIssue:
    """Everything in the email that is the same for every reader of this language."""
    language = issue.locale.language_code
    items = [
        IssueItem(
            title=item.title, summary=item.summary, path=_absolute(item.path), language=item.language, kind=item.kind
        )
        for item in issue_items_get(issue=issue)
    ]
    parts = issue.get_url_parts() if issue.pk else None
    editorial = html_absolute(expand_db_html(issue.editorial or ""))
    return PreparedIssue(
        language=language,
        subject=" ".join(f"{issue.title} · {settings.WAGTAIL_SITE_NAME}".split()),
        title=issue.title,
        issue_date=issue.issue_date,
        url=_absolute(parts[2]) if parts else settings.SITE_URL + "/",
        editorial_html=editorial,
        editorial_text=html_to_text(editorial),
        items=items,
    )


def unsubscribe_url_get(user) -> str:
    token = unsubscribe_token_make(user=user, list_name=NEWSLETTER)
    return settings.SITE_URL + reverse("newsletter:unsubscribe", args=[token])


def _render(prepared: PreparedIssue, unsubscribe_url: str, *, test: bool) -> tuple[str, str, str]:
    context = {
        "issue": prepared,
        "unsubscribe_url": unsubscribe_url,
        "account_url": settings.SITE_URL + reverse("accounts:account"),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
        "test": test,
    }
    with translation.override(prepared.language):
        text = render_to_string("newsletter/email/issue.txt", context)
        markup = render_to_string("newsletter/email/issue.html", context)
        subject = f"[{translation.gettext('Test')}] {prepared.subject}" if test else prepared.subject
    return subject, text, markup


def issue_message(*, prepared: PreparedIssue, user, connection=None, test: bool = False) -> EmailMultiAlternatives:
    """The issue addressed to `user`, with their own unsubscribe address in the body and headers."""
    unsubscribe_url = unsubscribe_url_get(user)
    subject, text, markup = _render(prepared, unsubscribe_url, test=test)
    message = EmailMultiAlternatives(
        subject,
        text,
        None,
        [user.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(markup, "text/html")
    return message


def issue_email_preview(*, issue: NewsletterIssuePage) -> str:
    """The HTML part as a reader would get it, for the admin's "Email" preview (no real unsubscribe link)."""
    return _render(issue_prepare(issue=issue), "#", test=False)[2]
