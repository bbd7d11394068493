"""Reads for the board, an opportunity's page and a member's own "My opportunities" page.

Each runs a fixed number of queries, whatever the number of opportunities or answers.
Contact details appear only on an accepted answer, and only to its two sides.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q

from accounts.selectors import learner_public_name_get
from base.pagination import page_or_last
from opportunities.models import Interest, Opportunity, OpportunityReport, Status

BOARD_PAGE_SIZE = 12


@dataclass
class BoardPage:
    opportunities: list
    page_obj: Page
    paginator: Paginator
    messages: list = field(default_factory=list)


def _profile(user):
    try:
        return user.profile
    except user.__class__.profile.RelatedObjectDoesNotExist:
        return None


def contact_get(*, user, organisation: str) -> dict:
    """A person's contact card (name, email, organisation) from a user read with its profile."""
    return {
        "name": learner_public_name_get(user=user, profile=_profile(user)),
        "email": user.email,
        "organisation": organisation,
    }


def board_get(*, filters: dict, today: datetime.date, page_number: int = 1) -> BoardPage:
    """The published and closed opportunities matching `filters` (from OpportunityFilterForm), newest first."""
    opportunities = Opportunity.objects.on_board()
    if filters.get("q"):
        for word in filters["q"].split()[:8]:
            opportunities = opportunities.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if filters.get("kind"):
        opportunities = opportunities.filter(kind=filters["kind"])
    if filters.get("direction"):
        opportunities = opportunities.filter(direction=filters["direction"])
    if filters.get("sector"):
        opportunities = opportunities.filter(sector__translation_key=filters["sector"].translation_key)
    if filters.get("country"):
        # Codes are two letters joined by commas, so a code matches only itself.
        opportunities = opportunities.filter(countries__contains=filters["country"])
    if filters.get("state") == "open":
        opportunities = opportunities.open_on(today)
    elif filters.get("state") == "closed":
        opportunities = opportunities.closed_on(today)
    opportunities = opportunities.select_related("sector", "topic").order_by("-published_at", "-pk")
    messages = []
    paginator = Paginator(opportunities, BOARD_PAGE_SIZE)
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    return BoardPage(
        opportunities=list(page_obj.object_list), page_obj=page_obj, paginator=paginator, messages=messages
    )


def opportunity_visible_get(*, opportunity_id: int, user) -> Opportunity | None:
    """The opportunity if this person may read it: on the board, or their own (any status); else None."""
    opportunity = Opportunity.objects.select_related("sector", "topic").filter(pk=opportunity_id).first()
    if opportunity is None:
        return None
    if opportunity.is_on_board:
        return opportunity
    if user.is_authenticated and opportunity.poster_id == user.pk:
        return opportunity
    return None


def interest_of_member_get(*, opportunity: Opportunity, user) -> Interest | None:
    if not user.is_authenticated:
        return None
    return Interest.objects.filter(opportunity=opportunity, member=user).first()


@dataclass
class AnswerRow:
    interest: Interest
    contact: dict | None  # the other side's card, once the answer is accepted


@dataclass
class PostRow:
    opportunity: Opportunity
    answers: list


@dataclass
class MyOpportunities:
    posts: list
    answers: list


def my_opportunities_get(*, user) -> MyOpportunities:
    """What a member posted (with the answers to each) and what they answered (with the poster's card once accepted).

    Three queries, any number of posts and answers.
    """
    answers_in = Prefetch(
        "interests", queryset=Interest.objects.select_related("member__profile").order_by("-created_at", "-pk")
    )
    posts = (
        Opportunity.objects.filter(poster=user)
        .exclude(status=Status.REMOVED)
        .select_related("sector")
        .prefetch_related(answers_in)
        .order_by("-created_at", "-pk")
    )
    post_rows = [
        PostRow(
            opportunity=post,
            answers=[
                AnswerRow(
                    interest=answer,
                    contact=contact_get(user=answer.member, organisation=answer.organisation)
                    if answer.is_accepted
                    else None,
                )
                for answer in post.interests.all()
            ],
        )
        for post in posts
    ]
    sent = (
        Interest.objects.filter(member=user)
        .select_related("opportunity__poster__profile")
        .order_by("-created_at", "-pk")
    )
    answer_rows = [
        AnswerRow(
            interest=answer,
            contact=contact_get(user=answer.opportunity.poster, organisation=answer.opportunity.organisation)
            if answer.is_accepted
            else None,
        )
        for answer in sent
    ]
    return MyOpportunities(posts=post_rows, answers=answer_rows)


def review_queue_count() -> int:
    return Opportunity.objects.filter(status__in=[Status.PENDING, Status.HIDDEN]).count()


def opportunity_export_list(user) -> dict:
    """The personal-data export: what the person posted, answered and reported."""
    posted = [
        {
            "title": post.title,
            "description": post.description,
            "offer_or_request": post.direction,
            "kind": post.kind,
            "organisation": post.organisation,
            "countries": [str(country.code) for country in post.countries],
            "partner_sought": post.partner_sought,
            "closes_on": post.closes_on.isoformat() if post.closes_on else None,
            "language": post.language,
            "status": post.status,
            "posted_at": post.created_at.isoformat(),
            "answers_received": post.answer_count,
        }
        for post in Opportunity.objects.filter(poster=user).annotate(answer_count=Count("interests")).order_by("pk")
    ]
    answered = [
        {
            "opportunity": answer.opportunity.title,
            "message": answer.message,
            "organisation": answer.organisation,
            "status": answer.status,
            "sent_at": answer.created_at.isoformat(),
            "accepted_at": answer.accepted_at.isoformat() if answer.accepted_at else None,
        }
        for answer in Interest.objects.filter(member=user).select_related("opportunity").order_by("pk")
    ]
    reported = [
        {"opportunity": report.opportunity.title, "reason": report.reason, "reported_at": report.created_at.isoformat()}
        for report in OpportunityReport.objects.filter(reporter=user).select_related("opportunity").order_by("pk")
    ]
    return {
        "posted": posted,
        "answered": answered,
        "reported": reported,
    }
