import pytest

from tests.builders import make_home

TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every test that commits for real (races, browser journeys): `make test` runs them apart.

    Such a test ends by emptying its database, the data migrations' rows included (locales, the
    root collection), which the other tests expect. Run one after another, pytest-django puts them
    last; run in parallel (pytest-xdist), a worker could get another file after one, so `make test`
    runs the two kinds in two passes.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if TRANSACTIONAL_FIXTURES & set(item.fixturenames) or (marker and marker.kwargs.get("transaction")):
            item.add_marker(pytest.mark.transactional)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, cached pages and fragments, and Wagtail's site-root cache: start each test clean."""
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
