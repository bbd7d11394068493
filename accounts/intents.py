"""What a visitor meant to do before signing up or logging in ("Enrol", "Save"), done once afterwards (issue 20).

The intent is kept signed (with its time) in the visitor's session; after the login that follows
sign-up, email verification or a plain log-in, the account adapter completes it once. Apps above
`accounts` register what each action does (`intent_register`, from their `AppConfig.ready()`), so
this module imports none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing

SESSION_KEY = "intent"
SALT = "accounts.intent"
MAX_AGE_SECONDS = 2 * 60 * 60  # long enough to find the emailed code, short enough to be stale by tomorrow


@dataclass(frozen=True)
class Intent:
    action: str
    target_id: int


@dataclass(frozen=True)
class IntentOutcome:
    """Where the learner goes next and what they are told (`level` is a django.contrib.messages level)."""

    url: str
    message: str
    level: int


_handlers: dict[str, Callable[..., IntentOutcome]] = {}


def intent_register(action: str, handler: Callable[..., IntentOutcome]) -> None:
    """`handler(user=…, target_id=…)` completes `action` for a signed-in user and says where to go."""
    _handlers[action] = handler


def intent_is_known(action: str) -> bool:
    return action in _handlers


def intent_sign(intent: Intent) -> str:
    return signing.dumps({"action": intent.action, "target": intent.target_id}, salt=SALT, compress=False)


def intent_load(token) -> Intent | None:
    """The intent in `token` if it is ours, untampered, younger than MAX_AGE_SECONDS and known; else None."""
    if not isinstance(token, str):
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    if not isinstance(data, dict):
        return None
    action, target = data.get("action"), data.get("target")
    if not isinstance(action, str) or action not in _handlers or type(target) is not int:
        return None
    return Intent(action=action, target_id=target)


def intent_run(*, user, intent: Intent) -> IntentOutcome:
    return _handlers[intent.action](user=user, target_id=intent.target_id)
