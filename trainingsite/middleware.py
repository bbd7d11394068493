"""Security headers that Django's SecurityMiddleware does not set."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under CONTENT_SECURITY_POLICY_ADMIN's prefixes.

    A page preview keeps the public policy, so editors see what visitors will get, but may
    be framed by the admin's preview panel. A view's @csp/@csp_replace still wins, as in
    django-csp.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        admin = settings.CONTENT_SECURITY_POLICY_ADMIN
        if parts.config is None and request.path_info.startswith(tuple(admin["URL_PREFIXES"])):
            parts.config = default_config(admin["DIRECTIVES"])
        # Wagtail renders a preview through the whole middleware stack again, with a
        # dummy request for the page's own address and `is_preview` set.
        if getattr(request, "is_preview", False) and parts.replace is None:
            parts.replace = {"frame-ancestors": [SELF]}
        return parts


class PermissionsPolicyMiddleware(MiddlewareMixin):
    """Adds a Permissions-Policy header built from settings.PERMISSIONS_POLICY to every response."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})" for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def process_response(self, request, response):
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
