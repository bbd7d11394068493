import pytest

from taxonomy.models import BusinessStage, Sector, Topic
from tests.builders import make_learner, make_library, make_partner, make_term


@pytest.fixture
def know_how(home):
    return make_library(home, kind_group="know_how", title="Know-how")


@pytest.fixture
def best_practices(home):
    return make_library(home, kind_group="best_practices", title="Best practices")


@pytest.fixture
def partner(home):
    return make_partner(home, title="Riverbend University")


@pytest.fixture
def learner_client(client):
    learner = make_learner()
    client.force_login(learner)
    client.learner = learner
    return client


@pytest.fixture
def terms(db):
    return {
        "pricing": make_term(Topic, "Pricing"),
        "export": make_term(Topic, "Export"),
        "food": make_term(Sector, "Food"),
        "crafts": make_term(Sector, "Crafts"),
        "idea": make_term(BusinessStage, "Idea"),
        "growth": make_term(BusinessStage, "Growth"),
    }
