"""Load the demo site: run each step of STEPS in one transaction; a second run changes nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import DemoRun
from home.demo.accounts import admin_load
from home.demo.pages import home_load
from courses.demo.steps import learning_load
from assessments.demo.steps import quizzes_load
from library.demo.steps import library_load
from partners.demo.steps import partners_load

# In order: later steps may use what earlier ones made (the admin edits and uploads).
# Each step takes a DemoRun, adds only what is missing and never changes existing rows.
STEPS = [
    admin_load,
    home_load,
    learning_load,
    quizzes_load,
    library_load,
    partners_load,
]


class Command(BaseCommand):
    help = (
        "Add the demo site (home page, standard pages, menus, pictures and an admin account) where it "
        "is missing. Safe to run again: existing content, edited or not, is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--logins-file",
            type=Path,
            default=settings.VAR_DIR / "demo-logins.json",
            help="JSON file that keeps the generated passwords of demo accounts (default: var/demo-logins.json).",
        )

    def handle(self, *args, logins_file, verbosity, **options):
        run = DemoRun(logins_file=logins_file)
        with transaction.atomic():
            for step in STEPS:
                step(run)

        if verbosity >= 1:
            for item in run.added_items:
                self.stdout.write(f"  + {item}")
            if run.added_items:
                self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(run.added_items)} additions)."))
            else:
                self.stdout.write("Demo content already in place; nothing changed.")
        for note in run.notes:
            self.stdout.write(self.style.WARNING(note))
        for login in run.logins:
            self.stdout.write(self._login_line(login))

    def _login_line(self, login) -> str:
        line = f"{login.role} login: {login.url}  email: {login.email}  "
        if login.password:
            return line + f"password: {login.password}"
        return line + f"password: unchanged (set one with: manage.py changepassword {login.email})"
