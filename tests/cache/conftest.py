import pytest

from tests.builders import make_admin_user, make_course_index


@pytest.fixture
def admin_client(client):
    """The test client, signed in as a superuser with an authenticator (the admin requires one)."""
    client.force_login(make_admin_user(email="chief.editor@example.org", superuser=True))
    return client


@pytest.fixture
def catalog(home):
    """The course catalog every cache test publishes its courses in."""
    return make_course_index(home, title="Courses")


@pytest.fixture
def lesson_template_with_nonce(settings):
    """Lesson pages rendered from a template whose script carries the request's CSP nonce.

    No page of the site uses a nonce (its scripts are its own files), so the caches' handling of
    one is tested on this stand-in; changing TEMPLATES resets Django's template engines.
    """
    from pathlib import Path

    engine = {**settings.TEMPLATES[0]}
    engine["DIRS"] = [Path(__file__).parent / "templates", *engine["DIRS"]]
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
