"""The opportunities board's demo (demo/opportunity-board.yaml): members, posts and answers, through services.

Idempotent: each post's form key is derived from its `key`, so the posting service finds it again;
answers are found by member and post. The demo sends no email: its answers are marked as already
announced before the commit, so the tasks' once-only claims find nothing to send.
"""

import datetime
import uuid

from django.utils import timezone

from opportunities import services
from opportunities.models import Interest, Opportunity, Status

NAMESPACE = uuid.UUID("5b0c2a36-8f5e-4d3c-9d0e-6f1f5ad0a919")


def _key(key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, key)


def opportunities_load(load) -> None:
    """Load the board's members, posts and answers (`load` is the running demo.loader.DemoLoad)."""
    data = load.read("opportunity-board.yaml")
    members, organisations = {}, {}
    for member in data["members"]:
        member = dict(member)
        organisations[member["email"]] = member.pop("organisation")
        members[member["email"]] = load.user_load("Member", "/learning/opportunities/", member)
    posts = {}
    for item in data["opportunities"]:
        poster = members[item["poster"]]
        existing = Opportunity.objects.filter(poster=poster, submission_key=_key(item["key"])).first()
        if existing is not None:
            posts[item["key"]] = existing
            continue
        fields = {
            name: item[name]
            for name in ("direction", "kind", "title", "description", "countries", "partner_sought", "language")
        }
        fields["organisation"] = organisations[item["poster"]]
        if "sector" in item:
            fields["sector"] = load.terms["sectors"][item["sector"]]
        if "topic" in item:
            fields["topic"] = load.terms["topics"][item["topic"]]
        if "closes_in_days" in item:
            fields["closes_on"] = timezone.localdate() + datetime.timedelta(days=item["closes_in_days"])
        opportunity = services.opportunity_create(poster=poster, submission_key=_key(item["key"]), data=fields)
        opportunity = services.opportunity_approve(opportunity=opportunity, by=load.editor)
        if item.get("status") == Status.CLOSED:
            opportunity = services.opportunity_close(opportunity=opportunity, by=poster)
        posts[item["key"]] = opportunity
        load.added.append(f"opportunity {opportunity.title!r}")
    for answer in data["answers"]:
        opportunity, member = posts[answer["opportunity"]], members[answer["member"]]
        if Interest.objects.filter(opportunity=opportunity, member=member).exists():
            continue
        interest = services.interest_send(
            opportunity=opportunity, member=member, message=answer["message"], organisation=organisations[member.email]
        )
        if answer["accepted"]:
            interest = services.interest_accept(interest=interest, by=opportunity.poster)
        now = timezone.now()
        shared = now if answer["accepted"] else None
        Interest.objects.filter(pk=interest.pk).update(notified_at=now, contacts_sent_at=shared)
        load.added.append(f"answer to {opportunity.title!r}")
