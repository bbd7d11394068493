"""Shared steps for the accounts tests: read a code from the outbox, re-authenticate."""

import re

from django.core import mail
from django.urls import reverse

from tests.builders import PASSWORD

CODE = re.compile(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]{4,})?)\s*$", re.MULTILINE)


def last_code() -> str:
    """The code in the last email sent."""
    return CODE.search(mail.outbox[-1].body).group(1)


def reauthenticate(client, password=PASSWORD):
    """Enter the password again, as allauth asks before sensitive changes."""
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response
