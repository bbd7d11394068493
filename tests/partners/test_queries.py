"""The partner list and a partner page run no more queries with more content, nor more than their ceiling."""

import pytest

from taxonomy.models import Topic
from tests.builders import make_course, make_image, make_partner, make_resource
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

# Measured when each guard was written or lowered (same on SQLite and PostgreSQL).
PARTNER_LIST_QUERIES = 5  # issue 16: restrictions, alternates cached (9 before)
PARTNER_PAGE_QUERIES = 2  # issue 16: routes, restrictions cached (15 before); sections kept as HTML (12 before)


def test_partner_list_queries_do_not_grow_with_partners(client, home, partner_index):
    def add(count, start):
        for n in range(start, start + count):
            make_partner(
                partner_index,
                title=f"Partner {n:03}",
                country=["KE", "PE", "NL"][n % 3],
                kind=["university", "chamber"][n % 2],
                logo=make_image(),
            )

    add(3, 0)
    _, after = assert_flat(client, partner_index.url + "?country=KE", lambda: add(27, 3), ceiling=PARTNER_LIST_QUERIES)
    assert after.count('class="card partner-card"') == 10


def test_partner_page_queries_do_not_grow_with_courses_resources_and_expertise(client, home, partner_index):
    partner = make_partner(partner_index, title="Kilimo University", country="KE", logo=make_image())

    def add(count, start):
        for n in range(start, start + count):
            make_course(partner, lessons=1, title=f"Kilimo course {n}", cover_image=make_image())
            make_resource(partner, title=f"Kilimo guide {n}", image=make_image())
            topic = Topic.objects.create(name=f"Expertise {n}", slug=f"expertise-{n}")
            partner.expertise.add(topic)
        partner.save_revision().publish()

    add(1, 0)
    before, after = assert_flat(client, partner.url, lambda: add(9, 1), ceiling=PARTNER_PAGE_QUERIES)
    assert "Kilimo course 0" in before and "Kilimo guide 0" in before and "Expertise 0" in before
    assert all(f"Kilimo course {n}" in after and f"Expertise {n}" in after for n in range(10))
    assert "Kilimo guide 9" in after
