"""Onboard an academic partner from the command line (the same service as the admin's form)."""

from django.core.management.base import BaseCommand, CommandError

from partners.models import PartnerKind
from partners.services import PartnerOnboardError, partner_onboard


class Command(BaseCommand):
    help = (
        "Create a partner's draft page, its group (add and edit on that page only), its image and "
        "document collection, and invite its first editor by email. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='Name of the institution, e.g. "University of Nowhere".')
        parser.add_argument("--email", required=True, help="Email address of the partner's first editor.")
        parser.add_argument("--country", default="", help="Two-letter country code, e.g. KE.")
        parser.add_argument("--kind", default=PartnerKind.UNIVERSITY, choices=PartnerKind.values)

    def handle(self, *args, name, email, country, kind, **options):
        try:
            result = partner_onboard(name=name, email=email, country=country, kind=kind)
        except PartnerOnboardError as error:
            raise CommandError(str(error)) from None
        verb = "Created" if result.created else "Found"
        self.stdout.write(
            f"{verb} partner page {result.partner.title!r} (id {result.partner.pk}, draft until reviewed)."
        )
        self.stdout.write(f"Group {result.team.group.name!r}, collection {result.team.collection.name!r}.")
        if result.invited:
            self.stdout.write(self.style.SUCCESS(f"Invitation sent to {result.editor.email}."))
        else:
            self.stdout.write(f"{result.editor.email} was already an editor of this partner; no invitation sent.")
