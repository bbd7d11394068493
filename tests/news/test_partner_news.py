"""A partner's news goes live only after an editor approves it in the 'Partner review' workflow, then
shows in the news index and on the partner's page; another partner cannot add news under it."""

import pytest
from django.test import Client
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from news.models import NewsPage
from tests.builders import make_editor, make_news_index, onboard

pytestmark = pytest.mark.django_db


def news_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", "kilimo-news"),
            "kind": "press_release",
            "date": "2026-05-04",
            "author": "Press office",
            "summary": "Kilimo opens a food lab for small processors.",
            "body": streamfield([]),
            "original_name": "",
            "original_url": extra.pop("original_url", ""),
            **extra,
        }
    )


def test_partner_news_is_live_only_after_an_editor_approves(client, home, partner_index):
    index = make_news_index(home, slug="news")
    partner, partner_user = onboard("Kilimo University", email="dean@kilimo.example")
    editor = make_editor()

    client.force_login(partner_user)
    data = news_form("Kilimo food lab opens")
    data["action-submit"] = "Submit"
    response = client.post(f"/admin/pages/add/news/newspage/{partner.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    news = NewsPage.objects.get(title="Kilimo food lab opens")
    assert not news.live
    state = WorkflowState.objects.get(object_id=str(news.pk))
    assert state.workflow.name == "Partner review"
    assert "Kilimo food lab opens" not in Client().get(index.url).content.decode()

    # The partner cannot publish it themselves.
    del data["action-submit"]
    data["action-publish"] = "Publish"
    client.post(f"/admin/pages/{news.pk}/edit/", data)
    news.refresh_from_db()
    assert not news.live

    client.force_login(editor)
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    client.post(f"/admin/pages/workflow/action/{news.pk}/approve/{task_state.pk}/", {"comment": "Fine."})
    news.refresh_from_db()
    assert news.live
    assert "Kilimo food lab opens" in Client().get(index.url).content.decode()
    assert "News from Kilimo University" in Client().get(partner.url).content.decode()


def test_another_partner_cannot_add_news_under_a_partner(client, home, partner_index):
    partner, _user = onboard("Kilimo University", email="dean@kilimo.example")
    _other, other_user = onboard("Yonder College", email="y@y.example")
    client.force_login(other_user)
    data = news_form("Planted news")
    data["action-submit"] = "Submit"
    response = client.post(f"/admin/pages/add/news/newspage/{partner.pk}/", data)
    assert response.status_code in (302, 403, 404)
    assert not NewsPage.objects.filter(title="Planted news").exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "not a url", "https://" + "a" * 3000])
def test_a_cross_post_link_must_be_a_web_address(client, home, partner_index, url):
    make_news_index(home, slug="news")
    partner, partner_user = onboard("Kilimo University", email="dean@kilimo.example")
    client.force_login(partner_user)
    data = news_form("Bad link news", original_url=url)
    data["action-submit"] = "Submit"
    response = client.post(f"/admin/pages/add/news/newspage/{partner.pk}/", data)
    assert response.status_code == 200  # the form again, with its error
    assert not NewsPage.objects.filter(title="Bad link news").exists()
