"""Demo accounts, and the git-ignored JSON file that remembers their generated passwords."""

import json
import os
import secrets
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.db import transaction

from home.demo import DemoLogin, DemoRun

ADMIN_EMAIL = "admin@example.org"


def admin_load(run: DemoRun) -> None:
    """A superuser who can log in: created once with a random password, never reset later."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=ADMIN_EMAIL).first()
    password = None
    if user is None:
        password = secrets.token_urlsafe(18)
        user = User.objects.create_superuser(email=ADMIN_EMAIL, password=password, first_name="Demo", last_name="Admin")
        run.added(f"superuser {ADMIN_EMAIL}")
        transaction.on_commit(lambda: logins_file_save(run.logins_file, email=ADMIN_EMAIL, password=password))
    else:
        password = password_known(run.logins_file, user)
    # Email verification is mandatory: without a verified address allauth would not let them in.
    _, created = EmailAddress.objects.get_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email, "verified": True, "primary": True}
    )
    if created:
        run.added(f"verified email address {user.email}")
    run.editor = user
    run.logins.append(DemoLogin(role="Admin", url=f"{settings.SITE_URL}/admin/", email=user.email, password=password))
    if settings.ADMIN_REQUIRE_MFA:
        run.note("The admin requires two-factor authentication: on the first visit to /admin/, set up an authenticator app.")
    else:
        run.note(
            "Two-factor authentication for the admin is OFF (ADMIN_REQUIRE_MFA=0) for this local demo only; "
            "it is on unless configured off."
        )


def logins_file_read(path: Path) -> dict:
    """Passwords by email from the logins file; empty when the file is missing or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def logins_file_save(path: Path, *, email: str, password: str) -> None:
    """Record a generated password in the logins file, readable by its owner only."""
    path = Path(path)
    data = logins_file_read(path)
    data[email] = {"password": password}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2, sort_keys=True)
        file.write("\n")
    os.replace(temporary, path)


def password_known(path: Path, user) -> str | None:
    """The password the logins file holds for `user`, if it still opens the account."""
    password = (logins_file_read(path).get(user.email) or {}).get("password")
    # hashers.check_password, not user.check_password: the latter may re-hash and save the user.
    if password and check_password(password, user.password):
        return password
    return None
