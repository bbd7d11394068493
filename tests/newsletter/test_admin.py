"""Composing an issue in the admin: the edit view, the web and email previews with their items."""

import pytest

from tests.builders import make_editor, signed_in_client
from tests.home.test_previews import _multi, edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor()


def test_an_editor_previews_an_edited_issue_as_a_page_and_as_an_email(editor, content):
    client = signed_in_client(editor)
    issue = content["issue"]
    assert client.get(f"/admin/pages/{issue.pk}/edit/").status_code == 200
    data = edit_form_data(issue, editor)
    data["title"] = "November news (edited)"
    url = f"/admin/pages/{issue.pk}/edit/preview/"
    posted = client.post(url, _multi(data))
    assert posted.status_code == 200 and posted.json()["is_valid"]

    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "November news (edited)" in html and "Pricing for profit" in html and "Cash-flow template" in html

    email = client.get(url + "?mode=email")
    html = email.content.decode()
    assert email.status_code == 200
    assert "November news (edited)" in html and "Set prices that pay the bills." in html
    assert "http://" in html or "https://" in html  # absolute addresses, as in the email


def test_a_new_issue_previews_before_it_is_saved(editor, content):
    client = signed_in_client(editor)
    data = edit_form_data(content["issue"], editor, as_new=True)
    data["title"], data["slug"] = "December news", "december-news"
    url = f"/admin/pages/add/newsletter/newsletterissuepage/{content['archive'].pk}/preview/"
    for mode in ("", "email"):
        posted = client.post(url, _multi(data))
        assert posted.status_code == 200 and posted.json()["is_valid"]
        response = client.get(url + (f"?mode={mode}" if mode else ""))
        assert response.status_code == 200 and "Pricing for profit" in response.content.decode()


def test_an_empty_issue_previews(editor, content):
    client = signed_in_client(editor)
    data = edit_form_data(content["issue"], editor)
    data["items-count"] = "0"
    data["editorial"] = "null"  # what the editor posts for an empty rich text
    url = f"/admin/pages/{content['issue'].pk}/edit/preview/"
    assert client.post(url, _multi(data)).json()["is_valid"]
    for mode in ("", "email"):
        assert client.get(url + (f"?mode={mode}" if mode else "")).status_code == 200
