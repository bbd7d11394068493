import pytest

from taxonomy.models import Topic
from tests.builders import make_partner, make_project_index, make_term


@pytest.fixture
def programmes(home):
    return make_project_index(home, slug="programmes")


@pytest.fixture
def partner(home):
    return make_partner(home, title="Riverbend University")


@pytest.fixture
def terms(db):
    return {"export": make_term(Topic, "Export"), "finance": make_term(Topic, "Finance")}
