"""Certificates: a learning record issued once per learner and course (or program), never a page.

What the certificate says (the name, the achievement, the issuer, the hours, the outcomes) is
frozen when it is issued, so later edits to a course or a profile never change a certificate
somebody has already shown to a bank. A reissue (after the learner corrects the name on their
profile) replaces the certificate: the old one is kept, marked as replaced, and verifies as revoked.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrollment, TrainingProgramPage

# Positions in the published Bitstring Status List: 131,072 bits (16 KB), the specification's
# minimum length, so that one certificate's bit hides among many. Indexes are drawn at random.
STATUS_LIST_LENGTH = 131_072


def certificate_public_id_new() -> str:
    """A random public id: 144 bits, URL-safe, 24 characters (never guessable, never personal)."""
    return secrets.token_urlsafe(18)


class CertificateKind(models.TextChoices):
    COURSE = "course", _("Course")
    PROGRAM = "program", _("Program")


class CertificateQuerySet(models.QuerySet):
    def current(self):
        """Certificates not replaced by a reissue (revoked ones included)."""
        return self.filter(replaced_at__isnull=True)

    def valid(self):
        return self.filter(replaced_at__isnull=True, revoked_at__isnull=True)


class Certificate(models.Model):
    public_id = models.CharField(
        _("public id"), max_length=32, unique=True, default=certificate_public_id_new, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("learner")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CertificateKind.choices)
    # The course's or program's translation_key: one certificate whatever language it was learnt in.
    achievement_key = models.UUIDField(_("course or program translation key"), db_index=True)
    enrollment = models.ForeignKey(
        Enrollment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("enrolment"),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("course")
    )
    program = models.ForeignKey(
        TrainingProgramPage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("program"),
    )

    # Frozen at issue.
    recipient_name = models.CharField(_("name printed"), max_length=200)
    achievement_name = models.CharField(_("course or program"), max_length=255)
    achievement_description = models.TextField(_("description"), blank=True)
    outcomes = models.JSONField(_("learning outcomes"), default=list, blank=True)
    issuer_name = models.CharField(_("taught by"), max_length=255)
    hours = models.DecimalField(_("hours of study"), max_digits=5, decimal_places=1, default=0)
    language = models.CharField(_("language"), max_length=16, blank=True)
    issued_at = models.DateTimeField(_("issued at"))

    # Revocation: by an editor (with a reason), by the account's deletion, or by a reissue.
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    replaced_at = models.DateTimeField(_("replaced by a reissue at"), null=True, blank=True)
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )

    # Its bit in the published status list (Bitstring Status List): set when revoked or replaced.
    status_index = models.PositiveIntegerField(_("status list index"), unique=True)

    # Generated once and stored (regenerated when revoked or reissued).
    pdf_a4 = models.FileField(_("PDF (A4)"), upload_to="certificates/", blank=True)
    pdf_letter = models.FileField(_("PDF (US Letter)"), upload_to="certificates/", blank=True)
    credential = models.TextField(_("signed credential (VC-JWT)"), blank=True)
    # Set when "Your certificate is ready" is claimed for sending, so it goes out once.
    notified_at = models.DateTimeField(_("learner notified at"), null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "achievement_key"],
                condition=models.Q(replaced_at__isnull=True),
                name="certificates_certificate_one_current_per_achievement",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="course", program__isnull=True) | models.Q(kind="program", course__isnull=True)
                ),
                name="certificates_certificate_course_or_program",
            ),
        ]

    def __str__(self):
        return f"{self.recipient_name}: {self.achievement_name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None or self.replaced_at is not None


class CertificateRevocation(models.Model):
    """The log of revocations: who revoked which certificate, when and why (never shown publicly)."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="revocations", verbose_name=_("certificate")
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), auto_now_add=True)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("certificate revocation")
        verbose_name_plural = _("certificate revocations")
        ordering = ["-revoked_at"]

    def __str__(self):
        return f"{self.certificate}: {self.reason[:60]}"
