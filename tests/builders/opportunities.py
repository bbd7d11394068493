"""The opportunities board, opportunities in any status, and answers to them."""

import uuid

from django.utils import timezone

from opportunities import services
from opportunities.models import Opportunity, OpportunityIndexPage, Status
from tests.builders.accounts import make_learner
from tests.builders.pages import publish
from tests.builders.unique import unique


def make_board(home, *, title="Opportunities", slug="opportunities", **fields):
    board = OpportunityIndexPage(title=title, slug=slug, intro=fields.pop("intro", "Offers and requests."), **fields)
    home.add_child(instance=board)
    return publish(board)


def make_opportunity(*, poster=None, status=Status.PUBLISHED, **fields):
    """An opportunity posted through the service (pending), then set to `status` (published by default)."""
    poster = poster or make_learner()
    n = unique()
    data = {
        "direction": "request",
        "kind": "supplier",
        "title": f"Opportunity {n}",
        "description": "We are looking for a reliable supplier of organic shea butter.",
        "partner_sought": "sme",
        "language": "en",
        "organisation": f"Cooperative {n}",
    }
    data.update(fields)
    opportunity = services.opportunity_create(poster=poster, submission_key=uuid.uuid4(), data=data)
    if status != Status.PENDING:
        Opportunity.objects.filter(pk=opportunity.pk).update(
            status=status, published_at=timezone.now() if status in (Status.PUBLISHED, Status.CLOSED) else None
        )
        opportunity.refresh_from_db()
    return opportunity


def make_interest(opportunity, *, member=None, message="We make this and would like to talk.", organisation=""):
    member = member or make_learner()
    return services.interest_send(opportunity=opportunity, member=member, message=message, organisation=organisation)
