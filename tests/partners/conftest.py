import pytest

from tests.builders import make_partner_index


@pytest.fixture
def partner_index(home):
    return make_partner_index(home)
