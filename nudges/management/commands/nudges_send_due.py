"""Queue the daily "continue where you left off" scan; run it once a day from cron or a timer."""

from django.core.management.base import BaseCommand

from nudges.tasks import continue_scan


class Command(BaseCommand):
    help = (
        "Queue today's scan for learners who left an unfinished course alone for a week; the task worker "
        "(manage.py db_worker) sends the reminders. Safe to run twice: each reminder is claimed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Run the scan in this process instead of queueing it.")

    def handle(self, *args, **options):
        if options["now"]:
            sent = continue_scan.call()
            self.stdout.write(f"Reminders sent: {sent}")
            return
        result = continue_scan.enqueue()
        self.stdout.write(f"Scan queued (task {result.id}).")
