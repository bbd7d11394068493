"""With a shared cache, the signed-in user comes from it (accounts/backends.py); any change reaches the next request.

Issue 16: a page a learner has in the per-learner cache then runs no query for the user. The
tests use the test cache (one process), as Redis would be shared by every process.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_learner, signed_in_client

pytestmark = pytest.mark.django_db

CACHED = ["accounts.backends.CachedModelBackend", "allauth.account.auth_backends.AuthenticationBackend"]
ACCOUNT = "/accounts/me/"


@pytest.fixture
def cached_users(settings):
    settings.AUTHENTICATION_BACKENDS = CACHED


def user_queries(client, url=ACCOUNT):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return [q["sql"] for q in queries if 'FROM "accounts_user"' in q["sql"]], response


def test_the_user_is_read_once_then_kept(cached_users):
    client = signed_in_client(make_learner(email="amina@example.org"))
    client.get(ACCOUNT)

    reads, response = user_queries(client)

    assert response.status_code == 200 and response.wsgi_request.user.email == "amina@example.org"
    assert reads == []


def test_a_deactivated_learner_is_signed_out_on_the_next_request(cached_users):
    amina = make_learner(email="amina@example.org")
    client = signed_in_client(amina)
    client.get(ACCOUNT)

    amina.is_active = False
    amina.save()

    response = client.get(ACCOUNT)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_password_change_ends_the_other_sessions(cached_users):
    amina = make_learner(email="amina@example.org")
    client = signed_in_client(amina)
    client.get(ACCOUNT)

    amina.set_password("a-new-long-passphrase-2026")
    amina.save()

    response = client.get(ACCOUNT)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_changed_name_shows_at_once(cached_users):
    amina = make_learner(email="amina@example.org")
    client = signed_in_client(amina)
    client.get(ACCOUNT)

    amina.email = "amina.new@example.org"
    amina.save()

    reads, response = user_queries(client)
    assert len(reads) == 1 and response.wsgi_request.user.email == "amina.new@example.org"


def test_a_deleted_account_is_signed_out(cached_users):
    amina = make_learner(email="amina@example.org")
    client = signed_in_client(amina)
    client.get(ACCOUNT)

    amina.delete()

    response = client.get(ACCOUNT)
    assert response.status_code == 302


def test_two_learners_never_get_each_others_user(cached_users):
    amina, bola = make_learner(email="amina@example.org"), make_learner(email="bola@example.org")
    first, second = signed_in_client(amina), signed_in_client(bola)
    for _ in range(2):
        assert first.get(ACCOUNT).wsgi_request.user.pk == amina.pk
        assert second.get(ACCOUNT).wsgi_request.user.pk == bola.pk
