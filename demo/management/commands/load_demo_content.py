"""Load the demo site from the files under demo/ in one transaction; a second run changes nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import DATA_DIR, DemoLoad
from demo.schema import DemoDataError


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
        parser.add_argument(
            "--data-dir", type=Path, default=DATA_DIR, help="Folder of the demo data files (default: demo/)."
        )
        parser.add_argument(
            "--languages",
            type=lambda value: tuple(code.strip() for code in value.split(",") if code.strip()),
            default=None,
            help="Only these translations, e.g. 'fr,ar' (default: every language folder; 'en' alone: none).",
        )

    def handle(self, *args, logins_file, data_dir, verbosity, languages=None, **options):
        load = DemoLoad(logins_file=logins_file, data_dir=Path(data_dir), languages=languages)
        try:
            load.run()
        except DemoDataError as error:
            raise CommandError(f"Demo data error in {error}") from None

        if verbosity >= 1:
            for item in load.added:
                self.stdout.write(f"  + {item}")
            if load.added:
                self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(load.added)} additions)."))
            else:
                self.stdout.write("Demo content already in place; nothing changed.")
        for note in load.notes:
            self.stdout.write(self.style.WARNING(note))
        # Admin, then the learner, then partner editors (in the order their files load).
        for login in sorted(load.logins, key=lambda login: login.role.split()[0]):
            line = f"{login.role} login: {login.url}  email: {login.email}  "
            if login.password:
                self.stdout.write(line + f"password: {login.password}")
            else:
                self.stdout.write(line + f"password: unchanged (set one with: manage.py changepassword {login.email})")
