import pytest

from tests.factories import make_home


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and Wagtail's site-root cache live in the cache: start each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return make_home()
