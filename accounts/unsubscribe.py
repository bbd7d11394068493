"""One-click unsubscribe (RFC 8058): signed tokens naming a person and a mailing list, and the lists.

A token is `django.core.signing` output (HMAC with SECRET_KEY, salted per use) over the user's id,
the list's name and a digest of the user's current email address: nobody can make one for another
person, a tampered one fails the signature, and it stops working when the address changes or the
account is deleted (the address is replaced then). Tokens are valid for TOKEN_MAX_AGE (one year):
long enough for an old email in a mailbox, short enough that a leaked link does not work forever.

Each list is registered with the profile field or function that ends it. `accounts` registers the
newsletter (its own `LearnerProfile.newsletter`); an app above registers its own kinds of messages
from its `ready()` (`unsubscribe_list_register`), and mounts `accounts.views.unsubscribe` with its
`list_name` or links to the newsletter's address, which serves any list a token names.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from accounts.models import LearnerProfile

SALT = "accounts.unsubscribe"
TOKEN_MAX_AGE = datetime.timedelta(days=365)
MAX_TOKEN_LENGTH = 300  # a real token is about 90 characters; longer input is refused unread


class UnsubscribeError(Exception):
    """A token that cannot be used; `status` is the HTTP answer (400 bad or expired, 404 unknown)."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class UnsubscribeList:
    name: str
    label: str  # what the person reads: "the newsletter"
    is_subscribed: Callable  # (user) -> bool
    stop: Callable  # (user) -> None: unsubscribe, idempotent


_LISTS: dict[str, UnsubscribeList] = {}


def unsubscribe_list_register(name: str, *, label, is_subscribed, stop) -> None:
    _LISTS[name] = UnsubscribeList(name=name, label=label, is_subscribed=is_subscribed, stop=stop)


def unsubscribe_list_get(name: str) -> UnsubscribeList | None:
    return _LISTS.get(name)


def _address_digest(user) -> str:
    """A short digest of the user's address: the per-user value that ties a token to this person now."""
    return salted_hmac(SALT, f"{user.pk}:{user.email.lower()}").hexdigest()[:16]


def unsubscribe_token_make(*, user, list_name: str) -> str:
    """The token for `user` to leave `list_name`, safe in a URL path."""
    if list_name not in _LISTS:
        raise ValueError(f"Unknown mailing list: {list_name}")
    signer = signing.TimestampSigner(salt=SALT)
    return signer.sign_object({"u": user.pk, "l": list_name, "d": _address_digest(user)}, compress=False)


@dataclass(frozen=True)
class UnsubscribeRequest:
    user: object
    list: UnsubscribeList


def unsubscribe_token_read(token: str, *, list_name: str | None = None) -> UnsubscribeRequest:
    """Who wants to leave which list, or UnsubscribeError with a message for the page."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise UnsubscribeError(_("This unsubscribe link is not valid."))
    signer = signing.TimestampSigner(salt=SALT)
    try:
        data = signer.unsign_object(token, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise UnsubscribeError(
            _("This unsubscribe link has expired. Sign in and untick the box in your account settings.")
        ) from None
    except (signing.BadSignature, ValueError, UnicodeError):
        raise UnsubscribeError(_("This unsubscribe link is not valid.")) from None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("d"), str):
        raise UnsubscribeError(_("This unsubscribe link is not valid."))
    found = _LISTS.get(data.get("l"))
    if found is None or (list_name is not None and found.name != list_name):
        raise UnsubscribeError(_("This unsubscribe link is not valid."))
    user = get_user_model().objects.filter(pk=data["u"], is_active=True, deleted_at__isnull=True).first()
    if user is None or data["d"] != _address_digest(user):
        raise UnsubscribeError(_("This unsubscribe link no longer matches an account."), status=404)
    return UnsubscribeRequest(user=user, list=found)


@transaction.atomic
def unsubscribe_apply(*, token: str, list_name: str | None = None) -> UnsubscribeRequest:
    """Take the token's person off the token's list; doing it twice changes nothing more."""
    found = unsubscribe_token_read(token, list_name=list_name)
    found.list.stop(found.user)
    return found


# --- The lists accounts owns -----------------------------------------------------------------


def _newsletter_is_subscribed(user) -> bool:
    return LearnerProfile.objects.filter(user=user, newsletter=True).exists()


def _newsletter_stop(user) -> None:
    # save(), not update(): the learner cache hears of it and "My account" shows the box unticked.
    profile = LearnerProfile.objects.select_for_update().filter(user=user).first()
    if profile is not None and profile.newsletter:
        profile.newsletter = False
        profile.save(update_fields=["newsletter", "updated_at"])


NEWSLETTER = "newsletter"
unsubscribe_list_register(
    NEWSLETTER, label=_("the newsletter"), is_subscribed=_newsletter_is_subscribed, stop=_newsletter_stop
)
