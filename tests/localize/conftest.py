import pytest

from tests.builders import make_admin_user, make_partner_index
from tests.builders.translations import make_locale, translate


@pytest.fixture
def french(db):
    return make_locale("fr")


@pytest.fixture
def superuser(db):
    return make_admin_user(email="translator@example.org", superuser=True)


@pytest.fixture
def fr_home(home, french, superuser):
    """The home page translated into French (every French page lives under it)."""
    return translate(home, french, user=superuser)[0]


@pytest.fixture
def partner_index(home):
    return make_partner_index(home)
