"""The board's emails, each sent once (a conditional UPDATE claims it) and in the receiver's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import LearnerProfile
from accounts.selectors import learner_public_name_get
from opportunities.models import Interest, Opportunity, Status

MY_PAGE_PATH = "/learning/opportunities/"


def _language_of(user) -> str:
    code = LearnerProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _prefixed(path: str, language: str) -> str:
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def _send(*, user, template: str, context: dict) -> None:
    if user.deleted_at is not None or not user.is_active:
        return
    language = _language_of(user)
    with translation.override(language):
        context = {
            **context,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "my_url": settings.SITE_URL + _prefixed(MY_PAGE_PATH, language),
        }
        subject = " ".join(render_to_string(f"opportunities/email/{template}_subject.txt", context).split())
        body = render_to_string(f"opportunities/email/{template}_body.txt", context)
    send_mail(subject, body, None, [user.email])


def contact_card(*, user, organisation: str) -> dict:
    """What is shared once an answer is accepted: name, email, organisation."""
    profile = LearnerProfile.objects.filter(user=user).first()
    return {
        "name": learner_public_name_get(user=user, profile=profile),
        "email": user.email,
        "organisation": organisation,
    }


def interest_received_send(*, interest_id: int) -> bool:
    """Tell the poster someone answered their opportunity (never who: that waits for acceptance)."""
    if not Interest.objects.filter(pk=interest_id, notified_at__isnull=True).update(notified_at=timezone.now()):
        return False
    interest = Interest.objects.select_related("opportunity__poster").get(pk=interest_id)
    opportunity = interest.opportunity
    _send(user=opportunity.poster, template="interest_received", context={"title": opportunity.title})
    return True


def contacts_shared_send(*, interest_id: int) -> bool:
    """Send both sides of an accepted answer each other's contacts, once."""
    claimed = Interest.objects.filter(pk=interest_id, contacts_sent_at__isnull=True, accepted_at__isnull=False).update(
        contacts_sent_at=timezone.now()
    )
    if not claimed:
        return False
    interest = Interest.objects.select_related("opportunity__poster", "member").get(pk=interest_id)
    opportunity = interest.opportunity
    poster_card = contact_card(user=opportunity.poster, organisation=opportunity.organisation)
    member_card = contact_card(user=interest.member, organisation=interest.organisation)
    _send(
        user=opportunity.poster,
        template="contacts_shared",
        context={"title": opportunity.title, "contact": member_card},
    )
    _send(
        user=interest.member, template="contacts_shared", context={"title": opportunity.title, "contact": poster_card}
    )
    return True


def opportunity_rejected_send(*, opportunity_id: int) -> bool:
    """Tell the poster their opportunity was not published, with the editors' message, once."""
    claimed = Opportunity.objects.filter(
        pk=opportunity_id, status=Status.REJECTED, rejection_notified_at__isnull=True
    ).update(rejection_notified_at=timezone.now())
    if not claimed:
        return False
    opportunity = Opportunity.objects.select_related("poster").get(pk=opportunity_id)
    _send(
        user=opportunity.poster,
        template="rejected",
        context={"title": opportunity.title, "message": opportunity.review_message},
    )
    return True
