import pytest

from taxonomy.models import Sector, Topic
from tests.builders import (
    make_news_index,
    make_partner,
    make_partner_index,
    make_project,
    make_project_index,
    make_term,
)


@pytest.fixture
def news_index(home):
    return make_news_index(home, slug="news")


@pytest.fixture
def partner(home):
    return make_partner(home, title="Riverbend University")


@pytest.fixture
def terms(db):
    return {
        "export": make_term(Topic, "Export"),
        "finance": make_term(Topic, "Finance"),
        "food": make_term(Sector, "Food"),
        "crafts": make_term(Sector, "Crafts"),
    }


@pytest.fixture
def project(home):
    return make_project(make_project_index(home, slug="programmes"), title="Georgia SME programme", countries=["GE"])


@pytest.fixture
def partner_index(home):
    return make_partner_index(home)
