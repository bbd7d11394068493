"""The members and partners directory: every kind of member, what each offers, filters and pages."""

import pytest

from partners.selectors import PARTNER_PAGE_SIZE
from tests.builders import make_partner

pytestmark = pytest.mark.django_db


def test_directory_filters_by_the_new_kinds_and_shows_what_each_offers(client, home, partner_index):
    make_partner(partner_index, title="Kenya SME Federation", kind="sme_association", country="KE", offers="Mentors")
    make_partner(partner_index, title="Ministry of Trade", kind="government", country="KE", offers="Export grants")
    make_partner(partner_index, title="Lima Chamber", kind="chamber", country="PE")

    page = client.get(partner_index.url + "?kind=sme_association").content.decode()

    assert "Kenya SME Federation" in page and "Mentors" in page
    assert "Ministry of Trade" not in page and "Lima Chamber" not in page
    assert "National SME association (1)" in page and "Government agency (1)" in page


def test_directory_combines_kind_and_country(client, home, partner_index):
    make_partner(partner_index, title="Nairobi Chamber", kind="chamber", country="KE")
    make_partner(partner_index, title="Lima Chamber", kind="chamber", country="PE")
    make_partner(partner_index, title="Nairobi Agency", kind="government", country="KE")

    page = client.get(partner_index.url + "?kind=chamber&country=KE").content.decode()

    assert "Nairobi Chamber" in page
    assert "Lima Chamber" not in page and "Nairobi Agency" not in page
    assert "1 partner" in page


def test_directory_pages_its_partners_and_keeps_the_filters(client, home, partner_index):
    for n in range(PARTNER_PAGE_SIZE + 2):
        make_partner(partner_index, title=f"Member {n:03}", kind="other", country="TR")

    first = client.get(partner_index.url + "?kind=other").content.decode()
    second = client.get(partner_index.url + "?kind=other&page=2").content.decode()

    assert f"{PARTNER_PAGE_SIZE + 2} partners" in first
    assert "Member 000" in first and "Member 025" not in first
    assert "Member 025" in second and "Member 000" not in second
    assert "kind=other&amp;page=2" in first


@pytest.mark.parametrize(
    "query", ["?kind=%00", "?country=ZZ&kind=<script>", "?page=-1", "?page=abc", "?page=999999", "?kind=" + "x" * 5000]
)
def test_directory_never_fails_on_junk(client, home, partner_index, query):
    make_partner(partner_index, title="Lima Chamber", kind="chamber", country="PE")

    response = client.get(partner_index.url + query)

    assert response.status_code == 200
    assert "Lima Chamber" in response.content.decode()
