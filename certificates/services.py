"""Every write to certificates: issue, reissue, revoke. Transactional and idempotent.

Skeleton: the signatures the learner pages and the admin call. Filled in by the issuing work (issue 14).
"""

from certificates.models import Certificate


class CertificateError(Exception):
    """A rule of certificates was broken; the message is for the person who asked."""


def certificate_issue_for_enrollment(*, enrollment) -> Certificate | None:
    """Issue the course certificate of a completed enrolment, once; then the program ones it completes."""
    raise NotImplementedError


def certificate_reissue(*, user, certificate: Certificate) -> Certificate:
    """Replace `certificate` (the user's own, valid) with one carrying the profile's current name."""
    raise NotImplementedError


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke with a reason (logged, never shown publicly); revoking twice changes nothing."""
    raise NotImplementedError
