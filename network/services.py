"""Writes of the network: applications (sent, accepted, rejected), expert profiles, messages to experts."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.services import profile_get_or_create
from network import tasks
from network.models import (
    ApplicationStatus,
    ContactStatus,
    ExpertContact,
    ExpertProfile,
    NetworkApplication,
)
from network.validators import validate_plain_text
from partners.services import PartnerOnboardError, partner_onboard

APPLICATION_FIELDS = ("organisation", "kind", "country", "website", "contact_name", "contact_email", "offer")
# Per address: "join the network" is open to anyone, so a robot gets a few tries an hour.
APPLICATION_RATE = (5, 3600)
# Per member: a few messages an hour to different experts, and one a day to the same expert (the constraint).
CONTACT_RATE = (10, 3600)
PHOTO_COLLECTION = "Expert photos"


class NetworkError(Exception):
    """The action is refused, with a message for the person."""


class RateLimited(NetworkError):
    def __init__(self, retry_after: int):
        super().__init__(_("Too many tries in a short time: please wait a little and try again."))
        self.retry_after = retry_after


def _rate_consume(key: str, limit: tuple[int, int]) -> None:
    """Count one try under `key` in a fixed window (the cache: shared by every process with Redis)."""
    count, period = limit
    now = int(time.time())
    window_key = f"network:rate:{key}:{now // period}"
    cache.add(window_key, 0, timeout=period)
    try:
        used = cache.incr(window_key)
    except ValueError:  # expired between add() and incr()
        cache.set(window_key, 1, timeout=period)
        used = 1
    if used > count:
        raise RateLimited(retry_after=period - now % period)


def application_rate_consume(*, address: str) -> None:
    _rate_consume(f"apply:{address}", APPLICATION_RATE)


def _enqueue(task, **kwargs) -> None:
    transaction.on_commit(lambda: task.enqueue(**kwargs))


# --- Applications ---------------------------------------------------------------------------------


@transaction.atomic
def application_submit(*, data: dict, language: str, applicant=None) -> tuple[NetworkApplication, bool]:
    """Record an application from the public form's cleaned `data`; the same pending one if sent again.

    Returns (application, created).
    """
    fields = {name: data[name] for name in APPLICATION_FIELDS}
    fields["contact_email"] = fields["contact_email"].strip()
    dedupe_key = f"{fields['contact_email'].casefold()}|{' '.join(fields['organisation'].split()).casefold()}"
    existing = NetworkApplication.objects.filter(dedupe_key=dedupe_key, status=ApplicationStatus.PENDING).first()
    if existing is not None:
        return existing, False
    application = NetworkApplication(
        **fields,
        dedupe_key=dedupe_key,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        applicant=applicant if applicant is not None and applicant.is_authenticated else None,
    )
    # The constraint is the database's to enforce (below): a check here would lose the race anyway.
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # the same form sent twice at once: the other request made it
        return NetworkApplication.objects.get(dedupe_key=dedupe_key, status=ApplicationStatus.PENDING), False
    return application, True


def _application_lock(application_id: int) -> NetworkApplication:
    application = NetworkApplication.objects.select_for_update().filter(pk=application_id).first()
    if application is None:
        raise NetworkError(_("This application does not exist any more."))
    return application


@transaction.atomic
def application_accept(*, application_id: int, editor) -> NetworkApplication:
    """Onboard the applicant as a partner (a draft page, a team, its contact invited) and mark it accepted.

    Idempotent: accepting again (a double click, two editors) finds it accepted and onboards nothing.
    """
    application = _application_lock(application_id)
    if application.status == ApplicationStatus.ACCEPTED:
        return application
    if application.status != ApplicationStatus.PENDING:
        raise NetworkError(_("This application was already decided."))
    try:
        onboarding = partner_onboard(
            name=application.organisation,
            email=application.contact_email,
            country=application.country.code or "",
            kind=application.kind,
            invited_by=editor,
        )
    except PartnerOnboardError as error:
        raise NetworkError(str(error)) from None
    partner = onboarding.partner
    if onboarding.created:
        partner.website = application.website
        partner.offers = " ".join(application.offer.split())[:300]
        partner.save_revision(user=editor)
        partner.save(update_fields=["website", "offers"])
    application.status = ApplicationStatus.ACCEPTED
    application.partner = partner
    application.decided_by = editor
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "partner", "decided_by", "decided_at"])
    _enqueue(tasks.application_decision_announce, application_id=application.pk)
    return application


@transaction.atomic
def application_reject(*, application_id: int, editor, message: str) -> NetworkApplication:
    """Turn the application down with a message to the applicant; a second rejection changes nothing."""
    application = _application_lock(application_id)
    if application.status == ApplicationStatus.REJECTED:
        return application
    if application.status != ApplicationStatus.PENDING:
        raise NetworkError(_("This application was already decided."))
    message = (message or "").strip()
    if len(message) > 2000:
        raise NetworkError(_("The message is too long (2000 characters at most)."))
    try:
        validate_plain_text(message)
    except ValidationError as error:
        raise NetworkError(" ".join(error.messages)) from None
    application.status = ApplicationStatus.REJECTED
    application.decision_message = message
    application.decided_by = editor
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decision_message", "decided_by", "decided_at"])
    _enqueue(tasks.application_decision_announce, application_id=application.pk)
    return application


# --- Expert profiles ------------------------------------------------------------------------------


@dataclass
class ExpertProfileData:
    public_name: str
    organisation: str
    biography: str
    topics: list
    sectors: list
    languages: list
    countries: list
    is_published: bool
    photo_file: object = None  # an uploaded image file (checked by the form), or None to keep the photo


@transaction.atomic
def expert_profile_save(*, user, data: ExpertProfileData) -> ExpertProfile:
    """Create or update the member's own expert profile; editors' hiding is kept as it is."""
    profile = ExpertProfile.objects.select_for_update().filter(user=user).first() or ExpertProfile(user=user)
    profile.public_name = " ".join(data.public_name.split())
    profile.organisation = " ".join(data.organisation.split())
    profile.biography = data.biography.strip()
    profile.languages = "," + ",".join(sorted(set(data.languages))) + "," if data.languages else ""
    profile.countries = sorted(set(data.countries))
    profile.is_published = data.is_published
    if data.photo_file is not None:
        profile.photo = _photo_store(user=user, upload=data.photo_file, title=profile.public_name)
    profile.full_clean()
    profile.save()
    profile.topics.set(data.topics)
    profile.sectors.set(data.sectors)
    # Saved again after its terms: the save drops the cached public pages (page_cache_drop_on).
    profile.save(update_fields=["updated_at"])
    return profile


def _photo_store(*, user, upload, title: str):
    """The member's photo: a Wagtail image in the experts' collection, uploaded by them (deleted with their account)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PHOTO_COLLECTION).first() or root.add_child(name=PHOTO_COLLECTION)
    image = get_image_model()(title=title[:255], file=upload, collection=collection, uploaded_by_user=user)
    image.save()
    return image


@transaction.atomic
def expert_profile_hide(*, profile_id: int, hidden: bool) -> ExpertProfile:
    """Editors hide a profile from the directory (or show it again); the expert's own choice is kept."""
    profile = ExpertProfile.objects.select_for_update().get(pk=profile_id)
    if profile.is_hidden != hidden:
        profile.is_hidden = hidden
        profile.save(update_fields=["is_hidden", "updated_at"])
    return profile


# --- Messages to experts --------------------------------------------------------------------------


@transaction.atomic
def expert_contact_send(*, sender, expert: ExpertProfile, message: str, language: str) -> ExpertContact:
    """A member's message to a listed expert: once a day per member and expert; the expert is emailed once."""
    if not sender.is_authenticated:
        raise NetworkError(_("Sign in to contact an expert."))
    if not expert.is_listed:
        raise NetworkError(_("This expert cannot be contacted."))
    if expert.user_id == sender.pk:
        raise NetworkError(_("This is your own profile."))
    day = timezone.now().date()
    if ExpertContact.objects.filter(sender=sender, expert=expert, day=day).exists():
        raise NetworkError(_("You have already written to this expert today. Please wait for their answer."))
    _rate_consume(f"contact:{sender.pk}", CONTACT_RATE)
    profile = profile_get_or_create(sender)
    sender_name = profile.display_name or " ".join(f"{sender.first_name} {sender.last_name}".split())
    contact = ExpertContact(
        expert=expert,
        sender=sender,
        sender_name=sender_name[:80] or _("A member"),
        message=message.strip(),
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        day=day,
    )
    contact.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            contact.save()
    except IntegrityError:  # the same message sent twice at once
        raise NetworkError(_("You have already written to this expert today. Please wait for their answer.")) from None
    _enqueue(tasks.expert_contact_announce, contact_id=contact.pk)
    return contact


@transaction.atomic
def expert_contact_answer(*, contact_id: int, expert_user, accept: bool) -> ExpertContact:
    """The expert accepts (both sides then get each other's details, once) or declines a message.

    Only the expert it was sent to may answer; an answer already given stays.
    """
    contact = ExpertContact.objects.select_for_update().filter(pk=contact_id, expert__user=expert_user).first()
    if contact is None:
        raise ExpertContact.DoesNotExist
    if contact.status != ContactStatus.PENDING:
        return contact
    contact.status = ContactStatus.ACCEPTED if accept else ContactStatus.DECLINED
    contact.decided_at = timezone.now()
    contact.save(update_fields=["status", "decided_at"])
    if accept:
        _enqueue(tasks.expert_contact_share, contact_id=contact.pk)
    return contact


# --- Account deletion -----------------------------------------------------------------------------


def network_on_account_deleted(sender, *, user, **kwargs) -> None:
    """Remove what the network holds about a deleted member (inside account_delete's transaction).

    Their expert profile (and its roles on pages), messages they sent or received, go; an
    application they sent keeps the organisation's details but loses the person's name and email.
    """
    profile = ExpertProfile.objects.filter(user=user).select_related("photo").first()
    ExpertContact.objects.filter(sender=user).delete()
    if profile is not None:
        photo = profile.photo
        profile.delete()  # its messages and page roles go with it (CASCADE)
        if photo is not None and getattr(photo, "uploaded_by_user_id", None) == user.pk:
            photo.delete()  # a photo the member uploaded is theirs; one an editor chose stays
    for application in NetworkApplication.objects.filter(applicant=user):
        application.applicant = None
        application.contact_name = ""
        application.contact_email = ""
        application.dedupe_key = f"deleted:{application.pk}"
        application.save(update_fields=["applicant", "contact_name", "contact_email", "dedupe_key"])
