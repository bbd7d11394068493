"""Sending an issue from the admin: to opted-in learners only, each in their language, once; a test to oneself."""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail

from accounts import services as account_services
from accounts.selectors import account_export_get
from newsletter import delivery, tasks
from newsletter.models import NewsletterDelivery, NewsletterSend
from tests.builders import (
    make_editor,
    make_issue,
    make_learner,
    make_partner_index,
    make_translation,
    onboard,
    signed_in_client,
)

pytestmark = pytest.mark.django_db


def send_url(issue):
    return f"/admin/newsletter/{issue.pk}/send/"


def opted_in(language="", **extra):
    return make_learner(profile={"newsletter": True, "preferred_language": language}, **extra)


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def editor_client(editor):
    return signed_in_client(editor)


def press(client, issue, action, capture):
    with capture(execute=True):
        response = client.post(send_url(issue), {"action": action})
    return response


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_issue_goes_to_opted_in_learners_only(editor_client, content, django_capture_on_commit_callbacks):
    amina, li = opted_in(), opted_in("fr")
    make_learner(profile={"newsletter": False})
    make_learner()  # no profile: never asked
    opted_in(verified=False)  # an address nobody confirmed
    gone = opted_in()
    account_services.account_delete(user=gone)
    mail.outbox.clear()

    response = press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert recipients() == sorted([amina.email, li.email])
    send = NewsletterSend.objects.get()
    assert send.recipient_count == 2 and send.requested_at is not None
    assert NewsletterDelivery.objects.filter(sent_at__isnull=False).count() == 2


def test_each_learner_reads_their_language_where_the_issue_has_a_live_translation(
    editor_client, content, django_capture_on_commit_callbacks
):
    make_translation(content["home"], "fr")
    make_translation(content["archive"], "fr")
    make_translation(content["issue"], "fr", title="Nouvelles de novembre")
    make_translation(content["home"], "ar")
    make_translation(content["archive"], "ar")
    make_translation(content["issue"], "ar", title="أخبار نوفمبر", live=False)  # a draft: not sent
    french, arabic, turkish, english = opted_in("fr"), opted_in("ar"), opted_in("tr"), opted_in()

    press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[french.email].startswith("Nouvelles de novembre")
    for learner in (arabic, turkish, english):
        assert subjects[learner.email].startswith("November news")
    french_message = next(message for message in mail.outbox if message.to == [french.email])
    assert 'lang="fr"' in french_message.alternatives[0][0]


def test_a_second_press_sends_nothing_more(editor_client, content, django_capture_on_commit_callbacks):
    learners = [opted_in() for _ in range(3)]
    press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)
    response = press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)

    assert sorted(recipients()) == sorted(learner.email for learner in learners)
    assert "already sent" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert NewsletterSend.objects.count() == 1
    page = editor_client.get(send_url(content["issue"])).content.decode()
    assert "to 3 learners" in page and "Delivered so far: 3; failed: 0." in page and 'value="send"' not in page


def test_tasks_run_twice_send_each_learner_one_copy(
    editor_client, content, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(delivery, "BATCH_SIZE", 2)
    learners = [opted_in() for _ in range(5)]
    press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)
    send = NewsletterSend.objects.get()
    ids = list(NewsletterDelivery.objects.values_list("pk", flat=True))

    # A worker retries every task: the whole send, then each batch, then all of them at once.
    with django_capture_on_commit_callbacks(execute=True):
        tasks.newsletter_issue_send.call(send_id=send.pk)
    for batch in delivery.chunks(ids):
        tasks.newsletter_batch_send.call(send_id=send.pk, delivery_ids=batch)
    tasks.newsletter_batch_send.call(send_id=send.pk, delivery_ids=ids)

    assert sorted(recipients()) == sorted(learner.email for learner in learners)
    assert NewsletterDelivery.objects.count() == 5


def test_a_retried_send_reaches_learners_who_opted_in_since_and_nobody_twice(
    editor_client, content, django_capture_on_commit_callbacks
):
    first = opted_in()
    press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)
    later = opted_in()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.newsletter_issue_send.call(send_id=NewsletterSend.objects.get().pk)
    assert sorted(recipients()) == sorted([first.email, later.email])


def test_a_learner_who_unsubscribes_before_their_batch_is_skipped(editor, content):
    learner = opted_in()
    send = NewsletterSend.objects.create(issue_key=content["issue"].translation_key, issue=content["issue"])
    pending = delivery.deliveries_create(send=send)
    account_services.profile_update(user=learner, data={"newsletter": False})
    assert delivery.batch_deliver(send_id=send.pk, delivery_ids=pending) == 0
    assert mail.outbox == []


def test_an_unpublished_issue_cannot_be_sent(editor_client, content, django_capture_on_commit_callbacks):
    opted_in()
    draft = make_issue(content["archive"], title="Not yet", live=False, pages=[content["course"]])
    response = press(editor_client, draft, "send", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert "Publish the issue" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert mail.outbox == [] and not NewsletterSend.objects.exists()


def test_a_test_goes_to_the_editor_only_with_the_latest_draft(
    editor, editor_client, content, django_capture_on_commit_callbacks
):
    opted_in()
    issue = content["issue"]
    issue.title = "November news (draft title)"
    issue.save_revision()

    press(editor_client, issue, "test", django_capture_on_commit_callbacks)

    assert recipients() == [editor.email]
    assert mail.outbox[0].subject.startswith("[Test] November news (draft title)")
    assert not NewsletterSend.objects.exists() and not NewsletterDelivery.objects.exists()


def test_the_email_has_text_and_html_parts_absolute_links_and_unsubscribe_headers(
    editor_client, content, django_capture_on_commit_callbacks
):
    learner = opted_in()
    press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    course_url = settings.SITE_URL + content["course"].url

    assert message.alternatives[0][1] == "text/html"
    assert course_url in message.body and f'href="{course_url}"' in html
    assert "Set prices that pay the bills." in message.body
    assert "forum (https://example.org/forum)" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{settings.SITE_URL}/newsletter/unsubscribe/") and unsubscribe.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in message.body and unsubscribe[1:-1] in html
    # The header survives into the message as sent.
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    assert message.to == [learner.email]


def test_partners_and_learners_cannot_send(content, django_capture_on_commit_callbacks):
    opted_in()
    make_partner_index(content["home"])
    _partner, partner_editor = onboard("Kilimo University", email="kilimo@example.org")
    for user in (partner_editor, make_learner()):
        client = signed_in_client(user)
        for action in ("send", "test"):
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(send_url(content["issue"]), {"action": action})
            if user == partner_editor:  # Wagtail turns the 403 into "no permission" on the dashboard
                assert response.status_code in (403, 404) or response["Location"] == "/admin/", response
            else:  # a learner has no admin: the admin sends them to log in
                assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert client.get(send_url(content["issue"])).status_code in (302, 403, 404)
    assert mail.outbox == [] and not NewsletterSend.objects.exists()


def test_the_send_page_shows_recipients_by_language_and_the_edit_view_links_to_it(editor_client, content):
    opted_in("fr"), opted_in(), opted_in()
    html = editor_client.get(send_url(content["issue"])).content.decode()
    assert "Send to 3 learners" in html and "Send a test to me" in html
    edit = editor_client.get(f"/admin/pages/{content['issue'].pk}/edit/").content.decode()
    assert send_url(content["issue"]) in edit


def test_junk_never_fails(editor_client, content, django_capture_on_commit_callbacks):
    assert press(editor_client, content["issue"], "launch", django_capture_on_commit_callbacks).status_code == 302
    assert editor_client.get("/admin/newsletter/999999/send/").status_code == 404
    assert editor_client.get(f"/admin/newsletter/{content['course'].pk}/send/").status_code == 404
    assert editor_client.post(send_url(content["issue"]), {"action": "send\x00"}).status_code == 302
    assert mail.outbox == []


def test_a_learners_data_export_lists_the_issues_sent_to_them(
    editor_client, content, django_capture_on_commit_callbacks
):
    learner, other = opted_in("fr"), opted_in()
    press(editor_client, content["issue"], "send", django_capture_on_commit_callbacks)
    sent = account_export_get(user=learner)["newsletters"]
    assert [(row["issue"], row["language"]) for row in sent] == [("November news", "fr")] and sent[0]["sent_at"]
    assert account_export_get(user=other)["newsletters"][0]["language"] == ""
