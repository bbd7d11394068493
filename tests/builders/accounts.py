"""People: a verified learner, admin users (staff, editors, partner editors) and their authenticator."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client

from accounts import services as account_services
from tests.builders.unique import unique

PASSWORD = "a-long-test-passphrase-42"


def _verified_user(create, email, password, verified=True, **extra):
    """A user with their address in allauth's table, as sign-up and verification leave it.

    Verified users come from the app's own service; `create` makes the others (an unverified
    address, or extra fields the service does not take).
    """
    if verified and set(extra) <= {"first_name", "last_name"}:
        superuser = create == get_user_model().objects.create_superuser
        return account_services.user_create_verified(email=email, password=password, superuser=superuser, **extra)
    user = create(email=email, password=password, **extra)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


def make_learner(*, email=None, password=PASSWORD, verified=True, profile=None, **extra):
    """A learner who can log in with `password` (email verified unless told otherwise).

    A new account has no profile until the learner fills in the profile step; pass
    `profile={...}` to save one through the same service that step uses.
    """
    email = email or f"learner{unique()}@example.org"
    user = _verified_user(get_user_model().objects.create_user, email, password, verified, **extra)
    if profile is not None:
        account_services.profile_update(user=user, data=profile)
    return user


def make_admin_user(*, email=None, superuser=False, groups=(), password=PASSWORD, totp=True):
    """A user of the admin (staff, editor, partner editor), reused if `email` already has an account.

    The admin requires two-factor authentication (ADMIN_REQUIRE_MFA), so the user gets an
    authenticator unless `totp=False` (call `give_totp` yourself when you need the secret).
    """
    from allauth.mfa.models import Authenticator

    User = get_user_model()
    email = email or f"editor{unique()}@example.org"
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = _verified_user(create, email, password)
    else:
        user.set_password(password)
        user.save()
    user.groups.add(*groups)
    if totp and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        give_totp(user)
    return user


def give_totp(user):
    """Turn on two-factor authentication (an authenticator app) for `user`; returns the TOTP secret.

    Staff and anyone with Wagtail admin access are sent from /admin/ to the 2FA setup page
    while they have no active TOTP authenticator (accounts.middleware, ADMIN_REQUIRE_MFA is
    on in tests too). Call this on such a user before `client.force_login(user)` and
    `client.get("/admin/...")`. It creates allauth's real Authenticator row with a random
    secret, as activating it through the site would. A test that logs in through the
    login form must then also pass the code: `totp_code(secret)`.
    """
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret):
    """The current six-digit code of the authenticator app holding `secret`."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def signed_in_client(user) -> Client:
    """A browser of its own (own cookies, own session) signed in as `user`."""
    client = Client()
    client.force_login(user)
    return client
