import pytest

from tests.builders import make_event_index, make_learner


@pytest.fixture
def events_index(home):
    return make_event_index(home, title="Events")


@pytest.fixture
def learner_client(client):
    learner = make_learner()
    client.force_login(learner)
    client.learner = learner
    return client
