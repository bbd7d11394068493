import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.factories import PASSWORD, give_totp


@pytest.fixture
def admin_client(client):
    """The test client, signed in as a superuser with an authenticator (the admin requires one)."""
    admin = get_user_model().objects.create_superuser(email="chief.editor@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=admin, email=admin.email, verified=True, primary=True)
    give_totp(admin)
    client.force_login(admin)
    return client
