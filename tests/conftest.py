import pytest

from tests.builders import make_home


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and Wagtail's site-root cache live in the cache: start each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request leaves its language active in the thread: each test starts in the default one."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    return make_home()
