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
