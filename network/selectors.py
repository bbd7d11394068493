"""Reads of the network: the experts' directory, an expert, a member's messages, people of a page, exports.

Each runs a fixed number of queries, whatever the number of experts, terms or messages.
"""

from dataclasses import dataclass

from django.core.paginator import Page as ResultsPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page

from accounts.export import iso_or_none
from base.page_people import PagePerson
from base.pages import pages_public
from base.pagination import page_or_last
from network.models import ExpertContact, ExpertProfile, ExpertRole, NetworkApplication
from taxonomy.models import Sector, Topic

EXPERT_PAGE_SIZE = 24
PHOTO_RENDITION = "fill-160x160"


def _listed():
    return ExpertProfile.objects.filter(is_published=True, is_hidden=False)


def _with_cards(experts):
    photos = get_image_model().objects.prefetch_renditions(PHOTO_RENDITION)
    return experts.prefetch_related(
        Prefetch("photo", queryset=photos),
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
        Prefetch("sectors", queryset=Sector.objects.order_by("name")),
    )


@dataclass
class ExpertDirectory:
    experts: list
    page_obj: ResultsPage
    matching: int
    messages: list


def expert_directory_get(*, filters: dict) -> ExpertDirectory:
    """The listed experts (published, not hidden) matching `filters` (ExpertFilterForm.valid_filters), one page."""
    experts = _listed()
    if topic := filters.get("topic"):
        experts = experts.filter(topics__translation_key=topic.translation_key)
    if sector := filters.get("sector"):
        experts = experts.filter(sectors__translation_key=sector.translation_key)
    if language := filters.get("language"):
        experts = experts.filter(languages__contains=f",{language},")
    if country := filters.get("country"):
        # Two-letter codes joined by commas ("KE,PE"): two letters side by side are always one code.
        experts = experts.filter(countries__contains=country)
    experts = _with_cards(experts.distinct().order_by("public_name", "pk"))
    messages = []
    paginator = Paginator(experts, EXPERT_PAGE_SIZE)
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    return ExpertDirectory(
        experts=list(page_obj.object_list), page_obj=page_obj, matching=paginator.count, messages=messages
    )


def expert_get(*, expert_id: int, user) -> ExpertProfile | None:
    """An expert's profile as `user` may see it: listed, or their own, or any for editors; else None."""
    expert = _with_cards(ExpertProfile.objects.filter(pk=expert_id)).first()
    if expert is None:
        return None
    if expert.is_listed or (user.is_authenticated and (expert.user_id == user.pk or network_editor_is(user))):
        return expert
    return None


def expert_roles_get(expert: ExpertProfile) -> list:
    """The live, public pages an expert is attached to, with the role, in a fixed number of queries."""
    roles = ExpertRole.objects.filter(expert=expert, page__in=pages_public(Page.objects.live()).values("pk"))
    return list(roles.select_related("page").order_by("sort_order", "pk"))


def network_editor_is(user) -> bool:
    """Editors (who onboard partners) see and moderate the network; partner admins and members don't."""
    return user.is_active and (user.is_superuser or user.has_perm("partners.onboard_partner"))


def own_expert_profile_get(*, user) -> ExpertProfile | None:
    if not user.is_authenticated:
        return None
    return ExpertProfile.objects.filter(user=user).prefetch_related("topics", "sectors").first()


@dataclass
class MessageBox:
    received: list
    sent: list


def message_box_get(*, user) -> MessageBox:
    """The messages a member sent to experts, and those their expert profile received."""
    contacts = ExpertContact.objects.select_related("expert").order_by("-created_at", "-pk")
    return MessageBox(received=list(contacts.filter(expert__user=user)), sent=list(contacts.filter(sender=user)))


def message_get(*, contact_id: int, user) -> ExpertContact | None:
    """A message, for its sender, the expert it was sent to, or an editor; None for anyone else."""
    if not user.is_authenticated:
        return None
    contact = ExpertContact.objects.select_related("expert__user", "sender").filter(pk=contact_id).first()
    if contact is None:
        return None
    if contact.sender_id == user.pk or contact.expert.user_id == user.pk or network_editor_is(user):
        return contact
    return None


def page_expert_list(page) -> list[PagePerson]:
    """The listed experts attached to `page` or any of its translations (base.page_people's provider)."""
    roles = (
        ExpertRole.objects.filter(
            page__translation_key=page.translation_key, expert__is_published=True, expert__is_hidden=False
        )
        .select_related("expert")
        .order_by("sort_order", "pk")
    )
    return [
        PagePerson(
            name=role.expert.public_name,
            role=str(role.get_role_display()),
            url=reverse("network:expert", args=[role.expert_id]),
            organisation=role.expert.organisation,
        )
        for role in roles
    ]


def pending_application_list() -> list:
    return list(NetworkApplication.objects.filter(status="pending").order_by("created_at", "pk"))


def decided_application_list(limit: int = 50) -> list:
    return list(
        NetworkApplication.objects.exclude(status="pending")
        .select_related("decided_by", "partner")
        .order_by("-decided_at", "-pk")[:limit]
    )


# --- Personal-data export (accounts/export.py) ------------------------------------------------------


def expert_profile_export(user):
    profile = ExpertProfile.objects.filter(user=user).prefetch_related("topics", "sectors").first()
    if profile is None:
        return None
    return {
        "public_name": profile.public_name,
        "organisation": profile.organisation,
        "biography": profile.biography,
        "expertise": [topic.name for topic in profile.topics.all()],
        "sectors": [sector.name for sector in profile.sectors.all()],
        "languages": profile.language_codes,
        "countries": [country.code for country in profile.countries],
        "photo": profile.photo.title if profile.photo_id else None,
        "published": profile.is_published,
        "hidden_by_editors": profile.is_hidden,
        "created": iso_or_none(profile.created_at),
        "updated": iso_or_none(profile.updated_at),
    }


def expert_contact_export(user) -> dict:
    def row(contact, *, sent):
        return {
            "to" if sent else "from": contact.expert.public_name if sent else contact.sender_name,
            "message": contact.message,
            "status": contact.status,
            "sent": iso_or_none(contact.created_at),
            "answered": iso_or_none(contact.decided_at),
        }

    contacts = ExpertContact.objects.filter(Q(sender=user) | Q(expert__user=user)).select_related("expert")
    contacts = list(contacts.order_by("created_at", "pk"))
    return {
        "sent": [row(contact, sent=True) for contact in contacts if contact.sender_id == user.pk],
        "received": [row(contact, sent=False) for contact in contacts if contact.expert.user_id == user.pk],
    }


def application_export(user) -> list:
    return [
        {
            "organisation": application.organisation,
            "kind": application.kind,
            "country": application.country.code,
            "website": application.website,
            "contact_name": application.contact_name,
            "contact_email": application.contact_email,
            "offer": application.offer,
            "status": application.status,
            "message": application.decision_message,
            "sent": iso_or_none(application.created_at),
            "decided": iso_or_none(application.decided_at),
        }
        for application in NetworkApplication.objects.filter(applicant=user).order_by("created_at", "pk")
    ]
