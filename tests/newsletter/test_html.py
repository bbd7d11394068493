"""The newsletter's pages and its HTML email are valid HTML (W3C Nu checker), in English and Arabic."""

import pytest
from django.core import mail
from django.test import Client

from accounts.unsubscribe import NEWSLETTER, unsubscribe_token_make
from newsletter.emails import issue_message, issue_prepare
from tests.builders import make_learner, make_translation
from tests.test_html_valid import _vnu

pytestmark = pytest.mark.django_db


def test_archive_issue_unsubscribe_and_email_are_valid_html(client, content, tmp_path):
    make_translation(content["home"], "ar")
    make_translation(content["archive"], "ar", title="النشرة الإخبارية")
    arabic = make_translation(content["issue"], "ar", title="أخبار نوفمبر")
    learner = make_learner(profile={"newsletter": True})
    token = unsubscribe_token_make(user=learner, list_name=NEWSLETTER)
    pages = {}
    for url in (content["archive"].url, content["issue"].url, arabic.url, arabic.get_parent().url):
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content
    for prefix in ("", "/ar"):
        unsubscribe = f"/newsletter/unsubscribe/{token}/"
        mail_client = Client(HTTP_ACCEPT_LANGUAGE="ar" if prefix else "en")
        pages[f"{prefix} GET"] = mail_client.get(unsubscribe).content
        pages[f"{prefix} bad"] = mail_client.get("/newsletter/unsubscribe/junk/").content
        pages[f"{prefix} POST"] = mail_client.post(unsubscribe, {"List-Unsubscribe": "One-Click"}).content
    for issue in (content["issue"], arabic):
        message = issue_message(prepared=issue_prepare(issue=issue), user=learner)
        pages[f"email {issue.locale.language_code}"] = message.alternatives[0][0].encode()
    assert mail.outbox == []

    files = []
    for n, body in enumerate(pages.values()):
        path = tmp_path / f"page-{n}.html"
        path.write_bytes(body)
        files.append(path)
    names = {f"page-{n}.html": url for n, url in enumerate(pages)}
    errors = [m for m in _vnu(files) if m.get("type") == "error" or m.get("subType") == "fatal"]
    report = [
        f"{names.get(m.get('url', '').rsplit('/', 1)[-1])}: {m['message']} [{m.get('extract', '')}]" for m in errors
    ]
    assert not errors, "\n".join(report)
