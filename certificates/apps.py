from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_exclusion_register, export_section_register
        from accounts.signals import account_deleted
        from base.learner_cache import learner_cache_bump_on
        from certificates import checks, services  # noqa: F401  (checks registers the signing-key check)
        from certificates.export import certificate_export_list
        from certificates.models import Certificate, CertificateRevocation
        from courses.signals import course_completed

        learner_cache_bump_on(Certificate, lambda certificate: certificate.user_id)
        learner_cache_bump_on(CertificateRevocation, lambda revocation: revocation.certificate.user_id)
        course_completed.connect(services.certificate_on_course_completed, dispatch_uid="certificates_issue")
        account_deleted.connect(services.certificate_on_account_deleted, dispatch_uid="certificates_account_deleted")

        export_section_register("certificates", certificate_export_list, models=["certificates.Certificate"])
        export_exclusion_register(
            "certificates.CertificateRevocation",
            "Its user is the editor who revoked a certificate (their work, not their personal data); "
            "the learner's export shows each certificate's revocation date.",
        )
