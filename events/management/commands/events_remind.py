"""Queue the day-before reminders of events starting within 24 hours (run hourly, from cron)."""

from django.core.management.base import BaseCommand

from events.services import reminders_due_enqueue


class Command(BaseCommand):
    help = (
        "Queue a reminder email for every registered learner of an event starting within the next 24 hours. "
        "Run it every hour; each registration is reminded once, however often it runs."
    )

    def handle(self, *args, **options):
        queued = reminders_due_enqueue()
        self.stdout.write(f"Queued {queued} event reminder(s).")
