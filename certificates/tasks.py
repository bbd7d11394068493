"""Background work after a certificate's transaction commits (django-tasks; `manage.py db_worker` runs it).

Each task takes the certificate's id, reads the row afresh and is safe to run twice.
"""

from django_tasks import task

from certificates import notifications
from certificates.files import certificate_files_store
from certificates.models import Certificate


@task()
def certificate_ready_announce(*, certificate_id: int) -> None:
    """Store a new certificate's PDFs and credential, then tell the learner it is ready (once)."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return
    certificate_files_store(certificate)
    notifications.certificate_ready_send(certificate=certificate)


@task()
def certificate_files_refresh(*, certificate_id: int) -> None:
    """Render and store a certificate's files again (after a revocation or a reissue)."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is not None:
        certificate_files_store(certificate)
