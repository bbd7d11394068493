"""World regions, and the region each country belongs to.

Country names come from django-countries; regions are a short, stable list (UN M49 continents,
with the Middle East and North Africa apart, as the organisation reports on it). Resources name a
region; reports group learners by the region of their country.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Sub-Saharan Africa")
    MENA = "mena", _("Middle East and North Africa")
    EUROPE = "europe", _("Europe")
    CENTRAL_ASIA = "central_asia", _("Central Asia and the Caucasus")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    AMERICAS = "americas", _("Latin America and the Caribbean")
    NORTH_AMERICA = "north_america", _("North America")
    GLOBAL = "global", _("Worldwide")


# ISO 3166-1 alpha-2 code → Region value, for every country django-countries knows (GLOBAL aside).
# Filled by the reports work (issue 17); a test checks that no country is missing.
COUNTRY_REGIONS: dict[str, str] = {}


def country_region(code: str) -> str:
    """The region of a country code, or "" when the code is blank or unknown."""
    return COUNTRY_REGIONS.get(code, "")


def region_countries(region: str) -> list[str]:
    """The country codes in a region, sorted."""
    return sorted(code for code, value in COUNTRY_REGIONS.items() if value == region)
