import pytest

from taxonomy.models import Sector, Topic
from tests.builders import make_course_index, make_home
from tests.builders.taxonomy import make_term


@pytest.fixture
def catalog(db):
    return make_course_index(make_home())


@pytest.fixture
def crafts(db):
    return make_term(Sector, "Crafts")


@pytest.fixture
def finance(db):
    return make_term(Topic, "Finance")
