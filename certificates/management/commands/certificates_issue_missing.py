"""Issue the certificates that completions recorded before certificates existed should have had."""

from django.core.management.base import BaseCommand

from certificates.services import certificate_issue_missing


class Command(BaseCommand):
    help = (
        "Issue a certificate for every completed enrolment that has none, and for every program whose "
        "courses a learner has all completed. Safe to run again: a second run issues nothing. Each new "
        "certificate gets its files and its 'certificate is ready' email through the task worker."
    )

    def handle(self, *args, **options):
        issued = certificate_issue_missing()
        self.stdout.write(
            f"Issued {issued.courses} course certificate(s) and {issued.programs} program certificate(s)."
        )
