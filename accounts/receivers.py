"""What accounts does when allauth signs someone in."""

from django.http import HttpResponseRedirect

from accounts.models import LearnerProfile
from base.languages import language_cookie_set, language_supported, next_url_safe, path_translate


def language_on_login(sender, *, request, user, response=None, **kwargs):
    """Switch to the learner's preferred language on sign-in: the cookie, and the address they go to next."""
    code = language_supported(
        LearnerProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    if code is None or not isinstance(response, HttpResponseRedirect):
        return
    language_cookie_set(response, code)
    target = next_url_safe(request, response.url)
    if target and target.startswith("/") and not target.startswith("//"):
        path, sep, query = target.partition("?")
        translated = path_translate(path, code)
        if translated is not None:
            response["Location"] = translated + sep + query
