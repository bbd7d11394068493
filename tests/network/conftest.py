import pytest

from tests.builders import make_editor, make_partner_index


@pytest.fixture
def partner_index(home):
    return make_partner_index(home)


@pytest.fixture
def editor(db):
    return make_editor(email="network-editor@example.org")
