"""Drafts, private pages and another partner's unpublished work never show, to anyone, anywhere."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission

from tests.builders import make_course, make_learner, make_partner, make_private, make_resource

pytestmark = pytest.mark.django_db
WORD = "quaggamarmot"


@pytest.fixture
def hidden(home, know_how, best_practices):
    """A live public resource, plus five pages carrying WORD that nobody outside the admin may see."""
    own, other = make_partner(home, title="Own partner"), make_partner(home, title="Other partner")
    visible = make_resource(know_how, title="Visible guide", summary="Open to all.")
    make_resource(know_how, title=f"Draft guide {WORD}", summary=f"Draft {WORD}.", live=False)
    private = make_resource(best_practices, title=f"Private case {WORD}", kind="case_study", summary=f"Private {WORD}.")
    make_private(private)
    make_resource(
        other, title=f"Other partner draft {WORD}", kind="toolkit", summary=f"Unpublished {WORD}.", live=False
    )
    make_course(other, title=f"Other partner course {WORD}", lessons=0, modules=0).unpublish()
    # A live page whose newer draft carries the word: only the published text may be found.
    changed = make_resource(know_how, title="Changed guide", summary="Published text.")
    changed.summary = f"Unpublished change {WORD}."
    changed.title = f"Changed guide {WORD}"
    changed.save_revision()
    return {"visible": visible, "own": own, "other": other, "private": private}


def as_anonymous(hidden):
    return Client()


def as_learner(hidden):
    client = Client()
    client.force_login(make_learner())
    return client


def as_other_partner(hidden):
    """An editor of the other partner's subtree, looking at the public site."""
    editor = make_learner()
    group = Group.objects.create(name="Partner: Own partner")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=hidden["own"],
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    editor.groups.add(group)
    client = Client()
    client.force_login(editor)
    return client


VIEWERS = [as_anonymous, as_learner, as_other_partner]


@pytest.mark.parametrize("viewer", VIEWERS, ids=lambda viewer: viewer.__name__)
def test_hidden_pages_are_absent_from_search_listings_feeds_and_sitemap(hidden, know_how, best_practices, viewer):
    client = viewer(hidden)
    pages = {
        "search": client.get("/search/", {"q": WORD}),
        "search for the visible": client.get("/search/", {"q": "guide"}),
        "know-how": client.get(know_how.url),
        "best practices": client.get(best_practices.url),
        "know-how filtered": client.get(know_how.url + "?kind=toolkit"),
        "rss": client.get(reverse("library:feed_rss", args=[know_how.pk])),
        "atom": client.get(reverse("library:feed_atom", args=[best_practices.pk])),
        "sitemap": client.get("/sitemap.xml"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        if name == "search":  # the query itself is echoed back; no hit may be shown
            assert "0 results" in body and 'class="search-result"' not in body
        else:
            assert WORD not in body, name
    assert "Visible guide" in pages["search for the visible"].content.decode()
    assert "Visible guide" in pages["know-how"].content.decode()
    sitemap = pages["sitemap"].content.decode()
    assert hidden["visible"].url in sitemap and hidden["private"].url not in sitemap


def test_the_private_page_itself_asks_for_login_and_its_url_is_not_in_the_sitemap(client, hidden):
    assert client.get(hidden["private"].url).status_code == 302
    assert hidden["private"].url not in client.get("/sitemap.xml").content.decode()


def test_facet_counts_ignore_hidden_resources(client, know_how, hidden):
    html = client.get(know_how.url).content.decode()
    assert ">Guide (2)</option>" in html  # the visible guide and the published version of the changed one
    assert ">Toolkit" not in html


def test_a_restriction_added_after_the_library_was_cached_hides_the_resource(client, know_how):
    """The restricted sections are kept with the page cache's generation: a new restriction bumps it."""
    guide = make_resource(know_how, title="Soon private guide")
    assert "Soon private guide" in client.get(know_how.url).content.decode()
    restriction = make_private(guide)
    assert "Soon private guide" not in client.get(know_how.url).content.decode()
    restriction.delete()
    assert "Soon private guide" in client.get(know_how.url).content.decode()
