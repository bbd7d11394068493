"""Writes for the newsletter: send an issue (once), send a test to oneself."""

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from newsletter import tasks
from newsletter.models import NewsletterIssuePage, NewsletterSend
from partners.permissions import is_partner_only


class NewsletterError(Exception):
    """A send refused, with a message for the editor."""


def newsletter_can_send(*, user, issue: NewsletterIssuePage) -> bool:
    """Editors only: whoever may publish the issue, never a partner's team (who may publish nothing)."""
    return (
        user.is_authenticated
        and user.is_active
        and not is_partner_only(user)
        and issue.permissions_for_user(user).can_publish()
    )


@transaction.atomic
def issue_send(*, issue: NewsletterIssuePage, by) -> NewsletterSend:
    """Send a published issue to every opted-in learner, once: a second press is refused.

    The issue is one issue in every language (its translation key): each learner gets the live
    translation in their language, else the default language's. The work runs in tasks after commit.
    """
    issue = NewsletterIssuePage.objects.select_related("locale").get(pk=issue.pk)
    if not issue.live:
        raise NewsletterError(_("Publish the issue before sending it."))
    send, created = NewsletterSend.objects.get_or_create(
        issue_key=issue.translation_key, defaults={"issue": issue, "requested_by": by}
    )
    if not created:
        when = formats.date_format(send.requested_at, "DATETIME_FORMAT")
        raise NewsletterError(_("This issue was already sent on %(when)s.") % {"when": when})
    transaction.on_commit(lambda: tasks.newsletter_issue_send.enqueue(send_id=send.pk))
    return send


@transaction.atomic
def issue_test_send(*, issue: NewsletterIssuePage, user) -> None:
    """Send the issue's latest draft to `user` alone, marked as a test (nothing recorded, nobody else)."""
    if not user.email:
        raise NewsletterError(_("Your account has no email address."))
    transaction.on_commit(lambda: tasks.newsletter_test_send.enqueue(issue_id=issue.pk, user_id=user.pk))
