"""The catalog's filters say how many courses each choice gives, counted in the database (issue 20)."""

import re

import pytest

from taxonomy.models import Sector, Topic
from tests.builders import make_course, make_course_index, make_partner, make_partner_index, make_term

pytestmark = pytest.mark.django_db


def options(html, field) -> dict:
    """{value: label} of the <select name=field> as rendered."""
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select))


@pytest.fixture
def catalog(home):
    catalog = make_course_index(home)
    pricing, marketing = make_term(Topic, "Pricing"), make_term(Topic, "Marketing")
    food, crafts = make_term(Sector, "Food"), make_term(Sector, "Crafts")
    partner = make_partner(make_partner_index(home), title="Savanna Institute", slug="savanna")
    for title, level, hours, topics, sectors, parent in [
        ("Price your bread", "beginner", 1, [pricing], [food, crafts], catalog),
        ("Price your services", "advanced", 3, [pricing, marketing], [], catalog),
        ("Find customers", "beginner", 8, [marketing], [crafts], partner),
        ("No topic at all", "intermediate", 1, [], [], catalog),
    ]:
        course = make_course(parent, title=title, level=level, estimated_hours=hours, lessons=0, modules=0)
        course.topics.set(topics)
        course.sectors.set(sectors)
        course.save_revision().publish()
    make_course(catalog, title="A draft", level="beginner", live=False)
    return catalog


def test_each_option_shows_how_many_courses_it_gives(client, catalog):
    html = client.get(catalog.url).content.decode()
    assert options(html, "topic") == {"": "Any topic", "marketing": "Marketing (2)", "pricing": "Pricing (2)"}
    assert options(html, "sector") == {"": "Any sector", "crafts": "Crafts (2)", "food": "Food (1)"}
    assert options(html, "level") == {
        "": "Any level",
        "beginner": "Beginner (2)",
        "intermediate": "Intermediate (1)",
        "advanced": "Advanced (1)",
    }
    assert options(html, "length") == {
        "": "Any length",
        "short": "Under 2 hours (2)",
        "medium": "2 to 6 hours (1)",
        "long": "Over 6 hours (1)",
    }
    assert options(html, "language") == {"": "Any language", "en": "English (4)"}
    assert options(html, "partner") == {"": "Any partner", "savanna": "Savanna Institute (1)"}


def test_counts_apply_the_other_filters_but_not_their_own(client, catalog):
    html = client.get(catalog.url + "?topic=pricing&level=beginner").content.decode()
    # Topics with level=beginner applied; levels with topic=pricing applied.
    assert options(html, "topic") == {"": "Any topic", "marketing": "Marketing (1)", "pricing": "Pricing (1)"}
    assert options(html, "level") == {"": "Any level", "beginner": "Beginner (1)", "advanced": "Advanced (1)"}
    assert options(html, "sector") == {"": "Any sector", "crafts": "Crafts (1)", "food": "Food (1)"}
    assert "Price your bread" in html and "Price your services" not in html


def test_a_chosen_option_that_gives_nothing_stays_with_a_zero(client, catalog):
    html = client.get(catalog.url + "?topic=marketing&length=short").content.decode()
    assert options(html, "length")["short"] == "Under 2 hours (0)"
    assert options(html, "topic") == {"": "Any topic", "marketing": "Marketing (0)", "pricing": "Pricing (1)"}


def test_counts_are_kept_until_a_course_is_published(client, catalog):
    client.get(catalog.url)
    assert options(client.get(catalog.url).content.decode(), "level")["beginner"] == "Beginner (2)"  # kept

    course = make_course(catalog, title="Price your pottery", level="beginner", lessons=0, modules=0)
    course.save_revision().publish()

    assert options(client.get(catalog.url).content.decode(), "level")["beginner"] == "Beginner (3)"
