from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from certificates.models import Certificate
from certificates.viewsets import CERTIFICATE_PERMISSION_POLICY, CertificateViewSet

register_permission_policy(Certificate, CERTIFICATE_PERMISSION_POLICY)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificate")


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action("certificates.revoke", _("Revoke certificate"), _("Certificate revoked"))
    actions.register_action("certificates.reissue", _("Reissue certificate"), _("Certificate replaced by a reissue"))
