from collections import Counter

import pytest
from django_countries import countries

from base.regions import _REGION_COUNTRIES, COUNTRY_REGIONS, Region, country_region, region_countries


def test_every_country_django_countries_lists_has_a_region():
    assert {code for code, _name in countries} - set(COUNTRY_REGIONS) == set()


def test_no_country_is_in_two_regions():
    listed = Counter(code for codes in _REGION_COUNTRIES.values() for code in codes.split())
    assert [code for code, times in listed.items() if times > 1] == []


def test_no_country_is_worldwide():
    assert Region.GLOBAL not in set(COUNTRY_REGIONS.values())


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("KE", Region.AFRICA),
        ("SS", Region.AFRICA),
        ("EG", Region.MENA),
        ("MA", Region.MENA),
        ("SD", Region.MENA),
        ("IR", Region.MENA),
        ("AE", Region.MENA),
        ("IL", Region.MENA),
        ("TR", Region.EUROPE),
        ("RU", Region.EUROPE),
        ("CY", Region.EUROPE),
        ("GE", Region.CENTRAL_ASIA),
        ("UZ", Region.CENTRAL_ASIA),
        ("IN", Region.ASIA_PACIFIC),
        ("FJ", Region.ASIA_PACIFIC),
        ("PK", Region.ASIA_PACIFIC),
        ("BR", Region.AMERICAS),
        ("MX", Region.AMERICAS),
        ("US", Region.NORTH_AMERICA),
        ("GL", Region.NORTH_AMERICA),
        ("PM", Region.NORTH_AMERICA),
    ],
)
def test_spot_checks(code, region):
    assert country_region(code) == region


def test_blank_or_unknown_code_has_no_region():
    assert country_region("") == ""
    assert country_region("XX") == ""


def test_region_countries_lists_its_codes_sorted():
    assert region_countries(Region.NORTH_AMERICA) == ["BM", "CA", "GL", "PM", "US"]
    assert region_countries(Region.CENTRAL_ASIA) == ["AM", "AZ", "GE", "KG", "KZ", "TJ", "TM", "UZ"]
