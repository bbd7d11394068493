import pytest

from tests.builders import make_admin_user


@pytest.fixture
def admin_client(client):
    """The test client, signed in as a superuser with an authenticator (the admin requires one)."""
    client.force_login(make_admin_user(email="chief.editor@example.org", superuser=True))
    return client
