import pytest

from tests.builders import QuizSetup


@pytest.fixture
def setup(home):
    return QuizSetup(home)


@pytest.fixture
def make_setup(home):
    return lambda **fields: QuizSetup(home, **fields)
