"""Reads for accounts: the profile as shown, taxonomy choices, and the data export."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from wagtail.models import Locale

from accounts.export import export_section_list
from accounts.models import LearnerProfile


def profile_get(*, user) -> LearnerProfile | None:
    """The user's profile, or None if they never saved one (reports must cope with that)."""
    return LearnerProfile.objects.filter(user=user).select_related("sector", "business_stage").first()


def profile_term_list(model):
    """The terms a profile stores: those of the default language (see forms.TermChoiceField)."""
    return model.objects.filter(locale=Locale.get_default()).order_by("name")


def term_labels_get(model) -> dict:
    """Term names in the active language by translation key, for labelling choices."""
    active = Locale.get_active()
    return dict(model.objects.filter(locale=active).values_list("translation_key", "name"))


def user_is_deleted(user) -> bool:
    """True for an account its owner deleted (the row stays, anonymised, for reports)."""
    return user.deleted_at is not None


def learner_pseudonym_get(*, user_id: int) -> str:
    """A stable label for a learner who gave no name, e.g. "Learner 7F3A0C".

    An HMAC of the id under SECRET_KEY: the same on every request, and it cannot be turned back
    into the id (or the email) without the key.
    """
    # A fixed salt, whatever this function is called: changing it changes every pseudonym.
    digest = salted_hmac("accounts.learner_pseudonym", str(user_id)).hexdigest()
    return gettext("Learner %(code)s") % {"code": digest[:6].upper()}


def learner_public_name_get(*, user, profile: LearnerProfile | None) -> str:
    """How a learner is named to others (a partner's report): display name, full name or pseudonym.

    Never the email address: learners agreed to show their name and progress, nothing more.
    """
    if profile is not None and profile.display_name.strip():
        return profile.display_name.strip()
    return user.get_full_name().strip() or learner_pseudonym_get(user_id=user.pk)


def _profile_for_export(profile: LearnerProfile | None) -> dict | None:
    if profile is None:
        return None
    return {
        "display_name": profile.display_name,
        "certificate_name": profile.certificate_name,
        "country": profile.country.code or "",
        "preferred_language": profile.preferred_language,
        "sector": profile.sector.name if profile.sector else "",
        "business_stage": profile.business_stage.name if profile.business_stage else "",
        "business_size": profile.business_size,
        "role": profile.role,
        "gender": profile.gender,
        "business_women_led": profile.business_women_led,
        "share_progress_with_partner": profile.share_progress_with_partner,
        "newsletter": profile.newsletter,
        "completed_at": profile.completed_at.isoformat() if profile.completed_at else None,
    }


def account_export_get(*, user) -> dict:
    """Everything we hold about `user`, as JSON-ready data: account, profile and each app's section."""

    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
            # Which kinds of second factor are on, never their secrets.
            "two_factor": sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
        },
        "profile": _profile_for_export(profile_get(user=user)),
    }
    for name, section in export_section_list().items():
        data[name] = section(user)
    return data


def admin_mfa_missing(user) -> bool:
    """True if `user` may open the Wagtail admin but has no active authenticator app."""

    if not (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
