"""The newsletters a learner was sent, in their personal-data download (registered in NewsletterConfig.ready())."""

from accounts.export import iso_or_none
from newsletter.models import NewsletterDelivery


def delivery_export_list(user) -> list[dict]:
    """Each issue sent (or about to be sent) to `user`: which, in which language, when."""
    return [
        {
            "issue": delivery.send.issue.title if delivery.send.issue else None,
            "issue_key": str(delivery.issue_key),
            "language": delivery.language,
            "sent_at": iso_or_none(delivery.sent_at),
        }
        for delivery in NewsletterDelivery.objects.filter(user=user).select_related("send__issue").order_by("pk")
    ]
