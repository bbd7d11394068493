from django.core.management.base import BaseCommand

from opportunities.services import opportunities_close_past


class Command(BaseCommand):
    help = "Mark published opportunities past their closing date as closed (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        count = opportunities_close_past()
        self.stdout.write(f"{count} opportunities closed.")
