import pytest

from taxonomy.models import BusinessStage, Sector, Topic
from tests.factories import make_learner
from tests.library.factories import make_library, make_partner


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
    def term(model, name):
        return model.objects.create(name=name, slug=name.lower().replace(" ", "-"))

    return {
        "pricing": term(Topic, "Pricing"),
        "export": term(Topic, "Export"),
        "food": term(Sector, "Food"),
        "crafts": term(Sector, "Crafts"),
        "idea": term(BusinessStage, "Idea"),
        "growth": term(BusinessStage, "Growth"),
    }
