"""The signed-in user read from the shared cache rather than the database on each request (issue 16).

Django's `get_user` runs one query per request to turn the session's user id into a user. With a
shared cache (Redis: `REDIS_URL`), settings use `CachedModelBackend` instead of Django's
`ModelBackend`: the user is kept under its id, and dropped whenever the row is saved or deleted
(a password change, a deactivation, a new email or name, each login's `last_login`), so every
process sees the change on its next request. The session's auth hash is still checked against the
kept user, so a password change still ends the other sessions. Never without a shared cache: one
process's memory would keep a user another process deactivated.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

# A bound on staleness should a row ever change without a signal (a queryset `update()`).
USER_CACHE_SECONDS = 300


def _key(user_id) -> str:
    return f"auth-user:v1:{user_id}"


class CachedModelBackend(ModelBackend):
    """`ModelBackend` whose `get_user` reads the shared cache first."""

    def get_user(self, user_id):
        key = _key(user_id)
        user = cache.get(key)
        if user is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(key, user, USER_CACHE_SECONDS)  # before any permission is asked: none kept
        return user if user is not None and self.user_can_authenticate(user) else None


def user_cache_drop(sender, instance, **kwargs) -> None:
    """The user's row changed: the next request of every process reads it again."""
    cache.delete(_key(instance.pk))


def user_cache_connect() -> None:
    user_model = get_user_model()
    post_save.connect(user_cache_drop, sender=user_model, dispatch_uid="accounts:user-cache-save")
    post_delete.connect(user_cache_drop, sender=user_model, dispatch_uid="accounts:user-cache-delete")
