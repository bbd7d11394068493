"""Staff and partner editors reach the Wagtail admin only with two-factor authentication on."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.selectors import admin_mfa_missing


class AdminMFARequiredMiddleware:
    """Send admin users without an authenticator app from /admin/ to the 2FA setup page.

    On unless settings.ADMIN_REQUIRE_MFA is False. The admin's login already goes through
    allauth, which asks for the code at login once an authenticator app is active.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.ADMIN_REQUIRE_MFA and self._is_admin_path(request.path_info):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and admin_mfa_missing(user):
                messages.warning(
                    request,
                    _(
                        "The admin needs two-factor authentication. Set up an authenticator app "
                        "below, then open the admin again."
                    ),
                )
                return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _is_admin_path(path: str) -> bool:
        admin = reverse("wagtailadmin_home")
        # The admin's login and logout only redirect to allauth; let them through.
        return path.startswith(admin) and not path.startswith((admin + "login/", admin + "logout/"))
