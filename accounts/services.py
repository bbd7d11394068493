"""Writes for accounts: the learner profile and the deletion of an account.

Deletion keeps the User row, anonymised in place, so every enrolment, completion and quiz
attempt still counts in reports while nothing in the database names the person. Country,
sector, business stage, size and role are kept on the profile: they are the coarse
categories reports add up, and without a name, an email or a login they describe a
statistic, not a person. accounts.selectors.user_is_deleted tells such an account apart.
"""

import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.models import LearnerProfile
from accounts.signals import account_deleted

DELETED_EMAIL_DOMAIN = "deleted.invalid"


@transaction.atomic
def user_create_verified(
    *, email: str, password: str | None = None, first_name: str = "", last_name: str = "", superuser: bool = False
):
    """A new account whose email address is verified and primary, so allauth lets it log in.

    Without a password (None) it is unusable until the person sets one. The learner profile is
    created on first use (profile_get_or_create), as for an account made by signing up. A
    superuser is an administrator (the demo's admin, `createsuperuser`-like set-ups).
    """

    User = get_user_model()
    create = User.objects.create_superuser if superuser else User.objects.create_user
    user = create(email=email, password=password, first_name=first_name, last_name=last_name)  # runs full_clean
    address = EmailAddress(user=user, email=user.email, primary=True, verified=True)
    address.full_clean()
    address.save()
    return user


def profile_get_or_create(user) -> LearnerProfile:
    """The user's profile, created empty the first time; safe to call from two requests at once."""
    profile, _ = LearnerProfile.objects.get_or_create(user=user)
    return profile


PROFILE_FIELDS = (
    "display_name",
    "certificate_name",
    "country",
    "preferred_language",
    "sector",
    "business_stage",
    "business_size",
    "role",
    "gender",
    "business_women_led",
    "share_progress_with_partner",
    "newsletter",
)


@transaction.atomic
def profile_update(*, user, data: dict) -> LearnerProfile:
    """Save the given profile fields (validated again by full_clean) and mark the profile completed."""
    profile = profile_get_or_create(user)
    profile = LearnerProfile.objects.select_for_update().get(pk=profile.pk)
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    if profile.completed_at is None:
        profile.completed_at = timezone.now()
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def profile_language_set(*, user, language: str) -> LearnerProfile:
    """Save the language the learner chose in the switcher as their preferred language."""
    profile = profile_get_or_create(user)
    profile = LearnerProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.full_clean()
        profile.save(update_fields=["preferred_language"])
    return profile


@transaction.atomic
def account_delete(*, user):
    """Remove the person from `user`: anonymise the row, end their sessions, drop their logins.

    Idempotent: deleting an already deleted account changes nothing.
    """

    User = get_user_model()
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.deleted_at is not None:
        return user
    old_email = user.email

    for session in UserSession.objects.filter(user=user):
        session.end()  # the session itself and allauth's record of its IP and browser
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    for wagtail_profile in UserProfile.objects.filter(user=user):
        if wagtail_profile.avatar:
            wagtail_profile.avatar.delete(save=False)
        wagtail_profile.delete()

    user.email = f"deleted-{uuid.uuid4().hex}@{DELETED_EMAIL_DOMAIN}"
    user.first_name = ""
    user.last_name = ""
    # An unusable password also invalidates any session we did not track (Django checks
    # the password hash stored in each session).
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.deleted_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()

    # The admin's history labels log entries about a user with their name or email.
    ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)).update(
        label=user.email
    )

    LearnerProfile.objects.filter(user=user).update(
        display_name="",
        certificate_name="",
        preferred_language="",
        share_progress_with_partner=False,
        newsletter=False,
        # Asked for funders' totals only: not kept once the person has gone.
        gender="",
        business_women_led="",
    )
    # The apps above accounts (certificates: revoked, names blanked) clean up in this transaction.
    account_deleted.send(sender=User, user=user)
    # The last message to the old address, so a deletion nobody asked for does not go unseen.
    subject = _("Your account has been deleted")
    body = _(
        "Your account and the personal data it held have been deleted, as requested. "
        "If you did not ask for this, reply to this message."
    )
    transaction.on_commit(lambda: send_mail(subject, body, None, [old_email]))
    return user
