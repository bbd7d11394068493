"""Onboarding academic partners, and the groups and workflow that keep them in their own subtree."""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail_localize.models import Translation

from accounts.services import user_create_verified
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage, PartnerTeam

EDITORS_GROUP = "Editors"
PARTNER_GROUP_PREFIX = "Partner: "
REVIEW_WORKFLOW = "Partner review"
REVIEW_TASK = "Editors approve partner pages"

# What a partner's group may do on its own subtree: add and edit, then submit for review.
# Never publish, bulk delete, lock or unlock: those stay with editors.
PARTNER_PAGE_PERMISSIONS = ["add_page", "change_page"]
# Admin access, and wagtail-localize's "Translate"/"Sync" actions (the admin guard keeps them to
# the partner's own pages: wagtail-localize checks only this permission, not the page).
PARTNER_MODEL_PERMISSIONS = [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
PARTNER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
EDITOR_COLLECTION_PERMISSIONS = PARTNER_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("partners", "onboard_partner"),
    ("partners", "view_all_partner_reports"),
    ("assessments", "view_quizattempt"),
    # The certificates listing, inspect view and exports; "change" is the right to revoke (issue 14).
    ("certificates", "view_certificate"),
    ("certificates", "change_certificate"),
    # The opportunities board's review queue and blocks (issue 19); partners' admins never get these.
    ("opportunities", "view_opportunity"),
    ("opportunities", "change_opportunity"),
    ("opportunities", "view_memberstanding"),
    ("opportunities", "change_memberstanding"),
]


class PartnerOnboardError(Exception):
    """Onboarding refused, with a message for the editor."""


@dataclass
class Onboarding:
    partner: PartnerPage
    team: PartnerTeam
    editor: object
    invited: bool
    created: bool


def _permission(app_label: str, codename: str) -> Permission:
    if (app_label, codename) == ("wagtail_localize", "submit_translation"):
        # Made by a data migration of wagtail-localize, not by a model's Meta: a database emptied
        # and refilled without migrations (a flush) lacks it, so make it as that migration does.
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model="translation")
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": "Can submit translations"}
        )
        return permission
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return _permission("wagtailcore", codename)


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise PartnerOnboardError(_("Enter the name of the institution."))
    if len(name) > 140:
        raise PartnerOnboardError(_("The name is too long (140 characters at most)."))
    if any(unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") for char in name):
        raise PartnerOnboardError(_("The name contains characters that cannot be shown."))
    return name


@transaction.atomic
def editors_group_ensure() -> Group:
    """The `Editors` group: publish anywhere, approve partners' pages, onboard partners, all reports."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*[_permission(app, codename) for app, codename in EDITOR_MODEL_PERMISSIONS])
    root_page = Page.get_first_root_node()
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=_page_permission(codename))
    root_collection = Collection.get_first_root_node()
    for app, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(app, codename)
        )
    return group


@transaction.atomic
def review_workflow_ensure(*, index: PartnerIndexPage) -> Workflow:
    """The 'Partner review' workflow (one approval task for Editors) on the partners' section."""
    editors = editors_group_ensure()
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK, active=True)
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The index in every language: a partner's translated pages go through the same review.
    for page in Page.objects.filter(translation_key=index.translation_key):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def partner_index_translation_workflow_ensure(*, index: PartnerIndexPage) -> Workflow | None:
    """A new translation of the partners' index gets the review workflow its source has, if any."""
    source = (
        WorkflowPage.objects.filter(page__translation_key=index.translation_key)
        .exclude(page=index)
        .select_related("workflow")
        .first()
    )
    if source is None:
        return None
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": source.workflow})
    return source.workflow


def partner_index_get() -> PartnerIndexPage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    index = PartnerIndexPage.objects.descendant_of(site.root_page).first() if site else None
    if index is None:
        raise PartnerOnboardError(_("There is no 'Academic partners' section on the default site yet: add it first."))
    return index


@transaction.atomic
def partner_onboard(
    *, name: str, email: str, country: str = "", kind: str = PartnerKind.UNIVERSITY, invited_by=None
) -> Onboarding:
    """Create (or complete) a partner: draft page, group with rights on it, collection, first editor invited.

    Running it again with the same name finds the same page, group and collection and adds only
    what is missing; the invitation goes out only when the editor is new to the group.
    """
    name = _clean_name(name)
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise PartnerOnboardError(_("Enter a valid email address for the partner's first editor.")) from None
    country = (country or "").strip().upper()
    if country and country not in countries:
        raise PartnerOnboardError(_("Unknown country code: %(code)s.") % {"code": country[:10]})
    if kind not in PartnerKind.values:
        raise PartnerOnboardError(_("Unknown type of partner."))
    slug = slugify(name, allow_unicode=True)[:80].strip("-")
    if not slug:
        raise PartnerOnboardError(_("The name needs at least one letter or digit."))

    index = partner_index_get()
    review_workflow_ensure(index=index)

    created = False
    partner = PartnerPage.objects.child_of(index).filter(slug=slug).first()
    if partner is None:
        if PartnerPage.objects.child_of(index).filter(title__iexact=name).exists():
            raise PartnerOnboardError(_("Another partner page already has this name."))
        # A draft: the partner completes it and submits it for review before it goes live.
        partner = PartnerPage(title=name, slug=slug, kind=kind, country=country, live=False, owner=invited_by)
        index.add_child(instance=partner)
        partner.save_revision(user=invited_by, log_action=True)
        created = True

    team = partner_team_ensure(partner=partner)
    editor, invited = partner_editor_invite(team=team, email=email)
    return Onboarding(partner=partner, team=team, editor=editor, invited=invited, created=created)


@transaction.atomic
def partner_team_ensure(*, partner: PartnerPage) -> PartnerTeam:
    """The partner's group (add and edit on its page's subtree) and collection, with their permissions."""
    team = PartnerTeam.objects.filter(partner=partner).select_related("group", "collection").first()
    if team is None:
        name = partner.title
        group_name = f"{PARTNER_GROUP_PREFIX}{name}"[:150]
        if Group.objects.filter(name=group_name, partner_team__isnull=False).exists():
            raise PartnerOnboardError(
                _("The group %(group)s already belongs to another partner.") % {"group": group_name}
            )
        group, _created = Group.objects.get_or_create(name=group_name)
        collection = Collection.get_first_root_node().add_child(name=name)
        team = PartnerTeam.objects.create(partner=partner, group=group, collection=collection)
    _team_permissions_ensure(team)
    return team


@transaction.atomic
def partner_translation_permissions_grant(*, partner: PartnerPage) -> PartnerTeam | None:
    """A translation of a partner's page gets the same group permissions as its source page.

    Called when wagtail-localize (or `copy_for_translation`) creates the page in another locale,
    so the partner's team edits and translates its own work in every language, and nothing else.
    """
    team = (
        PartnerTeam.objects.filter(partner__translation_key=partner.translation_key)
        .exclude(partner=partner)
        .select_related("group")
        .first()
    )
    if team is None:
        return None
    for codename in PARTNER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(group=team.group, page=partner, permission=_page_permission(codename))
    return team


def _team_permissions_ensure(team: PartnerTeam) -> None:
    group = team.group
    group.permissions.add(*[_permission(app, codename) for app, codename in PARTNER_MODEL_PERMISSIONS])
    # The partner's page and each of its translations: the subtree in every locale.
    for page in Page.objects.filter(translation_key=team.partner.translation_key):
        for codename in PARTNER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))
    for app, codename in PARTNER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=team.collection, permission=_permission(app, codename)
        )


class TranslationReviewError(Exception):
    """The translation cannot be sent for review, with a message for its translator."""


@transaction.atomic
def translation_review_submit(*, page: Page, user) -> WorkflowState:
    """Save a translated page's strings as a new draft and send it through its review workflow.

    wagtail-localize's editor can only publish, which a partner's team may not: this is their way
    to ask for review, the same workflow (the partners' list's, in every language) as the source.
    """
    page = page.specific
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        raise TranslationReviewError(_("This page is not a translation made in the translation editor."))
    workflow = page.get_workflow()
    if workflow is None:
        raise TranslationReviewError(_("There is no review workflow for this page: an editor publishes it."))
    if page.workflow_in_progress:
        return page.current_workflow_state
    translation.save_target(user=user, publish=False)
    page.refresh_from_db()
    if page.live and page.live_revision_id:
        # wagtail-localize writes the draft onto the page's row as well as into a revision: put the
        # live content back, so that nothing shows before the review approves it.
        page.live_revision.as_object().save(clean=False)
        page.refresh_from_db()
    return workflow.start(page, user)


@transaction.atomic
def partner_editor_invite(*, team: PartnerTeam, email: str, notify: bool = True):
    """Add the person to the partner's group; a new account gets no password until they set one.

    Returns (user, invited): the invitation goes out (after commit) only when they join the group.
    """
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_create_verified(email=email)  # no usable password until they set one
    elif user.is_superuser:
        return user, False
    if user.groups.filter(pk=team.group_id).exists():
        return user, False
    user.groups.add(team.group)
    if not notify:
        return user, True
    context = {
        "partner": team.partner.title,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "reset_url": settings.SITE_URL + reverse("account_reset_password"),
        "login_code_url": settings.SITE_URL + reverse("account_request_login_code"),
        "admin_url": settings.SITE_URL + reverse("wagtailadmin_home"),
        "email": user.email,
    }
    subject = _("You are invited to edit %(partner)s on %(site)s") % {
        "partner": team.partner.title,
        "site": settings.WAGTAIL_SITE_NAME,
    }
    body = render_to_string("partners/emails/invitation.txt", context)
    address = user.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [address]))
    return user, True
