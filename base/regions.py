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


# The countries of each region (ISO 3166-1 alpha-2), after the UN M49 geoscheme with the
# organisation's split: North Africa and Western Asia form "mena", but Türkiye and Cyprus count
# as Europe, and so does Russia; the Caucasus joins Central Asia; Afghanistan and Pakistan are in
# Asia and the Pacific (M49's Southern Asia), Sudan in MENA, South Sudan in Sub-Saharan Africa.
# Antarctica and the Heard and McDonald Islands go with Asia and the Pacific (M49 has no region
# for Antarctica), Bouvet Island and South Georgia with Latin America (M49's South America), the
# French Southern Territories and the British Indian Ocean Territory with Africa (M49's Eastern Africa).
_REGION_COUNTRIES = {
    Region.AFRICA: (
        "AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU MW MZ NA "
        "NE NG RE RW SC SH SL SN SO SS ST SZ TD TF TG TZ UG YT ZA ZM ZW"
    ),
    Region.MENA: "AE BH DZ EG EH IL IQ IR JO KW LB LY MA OM PS QA SA SD SY TN YE",
    Region.EUROPE: (
        "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU "
        "LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA"
    ),
    Region.CENTRAL_ASIA: "AM AZ GE KG KZ TJ TM UZ",
    Region.ASIA_PACIFIC: (
        "AF AQ AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN JP KH KI KP KR LA LK MH MM MN MO MP MV MY "
        "NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW UM VN VU WF WS"
    ),
    Region.AMERICAS: (
        "AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY "
        "LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI"
    ),
    Region.NORTH_AMERICA: "BM CA GL PM US",
}

# ISO 3166-1 alpha-2 code → Region value, for every country django-countries knows (GLOBAL aside).
# A test checks that no country is missing and none is in two regions.
COUNTRY_REGIONS: dict[str, str] = {
    code: str(region.value) for region, codes in _REGION_COUNTRIES.items() for code in codes.split()
}


def country_region(code: str) -> str:
    """The region of a country code, or "" when the code is blank or unknown."""
    return COUNTRY_REGIONS.get(code, "")


def region_countries(region: str) -> list[str]:
    """The country codes in a region, sorted."""
    return sorted(code for code, value in COUNTRY_REGIONS.items() if value == region)
