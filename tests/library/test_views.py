"""What visitors and learners see on the libraries and resource pages, and what they may do."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale

from library import selectors
from library.models import ReadingListItem, ResourceAttachment
from tests.builders import (
    make_admin_user,
    make_attachment,
    make_document,
    make_partner,
    make_private,
    make_resource,
    make_standard_page,
)

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)


def test_each_library_lists_its_kinds_from_anywhere_in_the_tree(client, know_how, best_practices, partner):
    make_resource(know_how, title="Cash-flow guide", kind="guide")
    make_resource(partner, title="Partner toolkit", kind="toolkit")
    make_resource(partner, title="Partner case study", kind="case_study")
    make_resource(know_how, title="Misfiled best practice", kind="best_practice")

    know = titles(client.get(know_how.url).content.decode())
    best = titles(client.get(best_practices.url).content.decode())
    assert sorted(know) == ["Cash-flow guide", "Partner toolkit"]
    assert sorted(best) == ["Misfiled best practice", "Partner case study"]
    assert "By Riverbend University" in client.get(know_how.url).content.decode()


def test_facet_filters_combine_and_count_the_other_facets(client, best_practices, partner, terms):
    make_resource(
        best_practices,
        title="Bakery case",
        kind="case_study",
        topics=[terms["pricing"]],
        sectors=[terms["food"]],
        stages=[terms["growth"]],
        country="VN",
        region="asia_pacific",
    )
    make_resource(
        partner,
        title="Weavers case",
        kind="case_study",
        topics=[terms["pricing"]],
        sectors=[terms["crafts"]],
        stages=[terms["idea"]],
        country="GE",
        region="central_asia",
    )
    make_resource(
        best_practices,
        title="Export practice",
        kind="best_practice",
        topics=[terms["export"]],
        sectors=[terms["food"]],
        stages=[terms["growth"]],
        country="VN",
        region="asia_pacific",
    )

    html = client.get(best_practices.url + "?topic=pricing").content.decode()
    assert sorted(titles(html)) == ["Bakery case", "Weavers case"]
    # Counts per value, with the other facets applied: with topic=pricing, Food gives 1, Crafts 1.
    assert ">Food (1)</option>" in html and ">Crafts (1)</option>" in html
    # The topic facet itself still counts every topic (its own filter left out).
    assert ">Pricing (2)</option>" in html and ">Export (1)</option>" in html

    html = client.get(best_practices.url + "?topic=pricing&sector=food&stage=growth").content.decode()
    assert titles(html) == ["Bakery case"]
    html = client.get(best_practices.url + "?country=VN&kind=best_practice").content.decode()
    assert titles(html) == ["Export practice"]
    html = client.get(best_practices.url + f"?region=central_asia&partner={partner.slug}").content.decode()
    assert titles(html) == ["Weavers case"]
    html = client.get(best_practices.url + "?country=VN&topic=pricing&kind=best_practice").content.decode()
    assert titles(html) == [] and "No resource matches these filters." in html
    assert 'method="get"' in html


def test_sort_by_newest_or_title_and_paginate(client, know_how):
    import datetime

    for i in range(14):
        make_resource(
            know_how, title=f"Guide {i:02d}", publication_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i)
        )
    newest = titles(client.get(know_how.url).content.decode())
    assert newest[:2] == ["Guide 13", "Guide 12"] and len(newest) == 12
    by_title = titles(client.get(know_how.url + "?sort=title").content.decode())
    assert by_title[:2] == ["Guide 00", "Guide 01"]
    second = client.get(know_how.url + "?sort=title&page=2").content.decode()
    assert titles(second) == ["Guide 12", "Guide 13"]
    assert "Page 2 of 2" in second and "sort=title&amp;page=1" in second


@pytest.mark.parametrize(
    "query",
    [
        "?kind=zzz",
        "?topic=%00%ff",
        "?page=abc",
        "?page=99999",
        "?sort=drop+table",
        "?country=" + "x" * 10_000,
        "?region=%01%02",
        "?partner[]=1",
        "?stage={{7*7}}",
        "?topic=' OR 1=1 --",
    ],
)
def test_malformed_filters_are_dropped_with_a_message_never_a_500(client, know_how, query):
    make_resource(know_how, title="Keep simple books")
    response = client.get(know_how.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keep simple books" in html


def test_a_dropped_value_is_named_in_a_message(client, know_how):
    make_resource(know_how, title="Keep simple books")
    html = client.get(know_how.url + "?kind=zzz").content.decode()
    assert "“Kind” had a value we don&#x27;t recognise, so it was ignored." in html


def test_case_study_shows_a_facts_box_and_attachments_show_size_and_format(client, best_practices):
    document = get_document_model().objects.create(
        title="Cash plan", file=ContentFile(b"a,b\n1,2\n" * 200, name="cash-plan.csv")
    )
    document.get_file_size()
    resource = make_resource(
        best_practices,
        title="Argan cooperative",
        kind="case_study",
        company_size="small",
        country="MA",
        challenge="Buyers asked for certification.",
        actions="They kept batch books.",
        results="Prices rose.",
    )
    resource.attachments = [ResourceAttachment(document=document, title="Cash plan (spreadsheet)")]
    resource.save_revision().publish()
    html = client.get(resource.url).content.decode()
    assert "The case in brief" in html and "Small (10 to 49 people)" in html and "Morocco" in html
    assert "Buyers asked for certification." in html and "They kept batch books." in html
    assert "Cash plan (spreadsheet)" in html and "(CSV, 1.6\xa0KB)" in html
    assert re.search(r"Reading time</dt><dd>1 minute", html)


def test_reading_time_grows_with_the_body(best_practices):
    short = make_resource(best_practices, body=[("paragraph", "<p>" + "word " * 100 + "</p>")])
    long = make_resource(best_practices, body=[("paragraph", "<p>" + "word " * 2000 + "</p>")])
    assert short.reading_minutes == 1
    assert long.reading_minutes == 10


def test_documents_are_served_as_downloads_with_nosniff(client, know_how):
    resource = make_resource(know_how)
    attachment = make_attachment(resource)
    response = client.get(reverse("library:document", args=[resource.pk, attachment.pk]))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and attachment.document.filename in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == b"a,b\n"
    assert client.post(reverse("library:document", args=[resource.pk, attachment.pk])).status_code == 405


def test_documents_of_drafts_private_pages_or_other_pages_are_404(client, know_how):
    resource = make_resource(know_how)
    attachment = make_attachment(resource)
    other = make_resource(know_how)
    assert client.get(reverse("library:document", args=[other.pk, attachment.pk])).status_code == 404
    make_private(resource)
    assert client.get(reverse("library:document", args=[resource.pk, attachment.pk])).status_code == 404
    draft = make_resource(know_how, live=False)
    draft_attachment = ResourceAttachment.objects.create(page=draft, document=attachment.document)
    assert client.get(reverse("library:document", args=[draft.pk, draft_attachment.pk])).status_code == 404
    # Nor through Wagtail's own /documents/ view, while no live public page offers the file.
    assert client.get(attachment.document.url).status_code == 404


def test_documents_outside_the_allow_list_are_never_served(client, know_how):
    resource = make_resource(know_how)
    attachment = make_attachment(resource, name="page.html", data=b"<script>alert(1)</script>")
    assert client.get(reverse("library:document", args=[resource.pk, attachment.pk])).status_code == 404


def test_reading_list_save_is_post_only_idempotent_and_shown_on_the_dashboard(learner_client, know_how):
    resource = make_resource(know_how, title="Cash-flow toolkit")
    url = reverse("library:save", args=[resource.pk])
    assert learner_client.get(url).status_code == 405
    for _ in range(2):
        response = learner_client.post(url, {"next": resource.url})
        assert response.status_code == 302 and response["Location"] == resource.url
    assert ReadingListItem.objects.filter(user=learner_client.learner).count() == 1
    assert "In your reading list." in learner_client.get(resource.url).content.decode()
    dashboard = learner_client.get(reverse("home:dashboard")).content.decode()
    assert "My reading list" in dashboard and "Cash-flow toolkit" in dashboard

    learner_client.post(reverse("library:unsave", args=[resource.pk]), {"next": "https://evil.example/"})
    assert ReadingListItem.objects.filter(user=learner_client.learner).count() == 0
    assert (
        "Guides, toolkits and case studies you save" in learner_client.get(reverse("home:dashboard")).content.decode()
    )


def test_reading_list_needs_login_csrf_and_an_open_resource(client, learner_client, know_how):
    resource = make_resource(know_how)
    anonymous = Client()
    response = anonymous.post(reverse("library:save", args=[resource.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner_client.learner)
    assert strict.post(reverse("library:save", args=[resource.pk])).status_code == 403
    draft = make_resource(know_how, live=False)
    assert learner_client.post(reverse("library:save", args=[draft.pk])).status_code == 404
    private = make_resource(know_how)
    make_private(private)
    assert learner_client.post(reverse("library:save", args=[private.pk])).status_code == 404
    assert not ReadingListItem.objects.exists()


def test_a_saved_resource_made_private_disappears_from_the_dashboard(learner_client, know_how):
    resource = make_resource(know_how, title="Soon private")
    learner_client.post(reverse("library:save", args=[resource.pk]))
    make_private(resource)
    assert "Soon private" not in learner_client.get(reverse("home:dashboard")).content.decode()


def test_resources_for_partner_lists_only_its_live_public_resources(home, partner):
    other = make_partner(home, title="Other partner")
    mine = make_resource(partner, title="Mine", kind="toolkit")
    make_resource(partner, title="My draft", live=False)
    private = make_resource(partner, title="My private")
    make_private(private)
    make_resource(other, title="Theirs")
    found = selectors.partner_resource_list(partner, Locale.get_default())
    assert [resource.title for resource in found] == ["Mine"]
    assert found[0].pk == mine.pk


def test_feeds_list_new_resources_of_the_library(client, know_how, partner):
    make_resource(know_how, title="Guide for the feed")
    make_resource(partner, title="Partner case for the other feed", kind="case_study")
    rss = client.get(reverse("library:feed_rss", args=[know_how.pk]))
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "<title>Guide for the feed</title>" in body and "Partner case" not in body
    atom = client.get(reverse("library:feed_atom", args=[know_how.pk]))
    assert atom["Content-Type"].startswith("application/atom+xml") and "Guide for the feed" in atom.content.decode()
    assert client.get(reverse("library:feed_rss", args=[999999])).status_code == 404


def test_header_links_to_search(client, know_how):
    html = client.get(know_how.url).content.decode()
    assert 'href="/search/"' in html


def test_editors_can_add_resources_under_a_library_or_a_partner(client, know_how, partner):
    client.force_login(make_admin_user(email="editor@example.org", superuser=True))
    for parent in (know_how, partner):
        response = client.get(f"/admin/pages/add/library/resourcepage/{parent.pk}/")
        assert response.status_code == 200, parent
        html = response.content.decode()
        assert "Case study facts" in html and "Documents to download" in html


def test_a_document_on_no_page_is_served_only_to_who_may_manage_it(client, home):
    from django.contrib.auth.models import Group, Permission

    from partners.services import editors_group_ensure

    document = make_document()
    assert client.get(document.url).status_code == 404
    # Admin access alone is no right to a file: only choose or change permission on its collection.
    reader = Group.objects.create(name="Admin readers")
    reader.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(make_admin_user(email="reader@example.org", groups=[reader]))
    assert client.get(document.url).status_code == 404
    client.force_login(make_admin_user(email="editor@example.org", groups=[editors_group_ensure()]))
    response = client.get(document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"Quarterly notes"


def test_a_document_linked_from_a_live_page_is_served_to_visitors(client, home):
    document = make_document()
    link = f'<p><a linktype="document" id="{document.pk}">notes</a></p>'
    make_standard_page(home, body=[("paragraph", link)])
    response = client.get(document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"Quarterly notes"


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_library_downloads_keep_the_collections_privacy(client, know_how, kind):
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Members' files")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=kind, password="opensesame"
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Members")])
    resource = make_resource(know_how)
    document = make_document("members.txt", data=b"Members only", collection=collection)
    resource.attachments = [ResourceAttachment(document=document)]
    resource.save_revision().publish()
    attachment = ResourceAttachment.objects.get(page=resource)
    url = reverse("library:document", args=[resource.pk, attachment.pk])

    for response in (client.get(url), client.get(document.url)):
        assert response.status_code == (200 if kind == "password" else 302)
        assert not response.streaming and b"Members only" not in response.content
    if kind == "password":
        form = client.get(url)
        assert b'name="password"' in form.content
        client.post(
            reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
            {"password": "opensesame", "return_url": url},
        )
        assert b"".join(client.get(url).streaming_content) == b"Members only"


# Issue 12: hostile `next` values, addresses of hidden resources, ids beyond 64 bits, hidden partners.


@pytest.mark.parametrize("next_url", ["foo", "//evil.example/", "javascript:alert(1)", "/\\evil.example", "/a\x07b"])
def test_reading_list_actions_with_a_next_that_is_not_a_path_fall_back(learner_client, know_how, next_url):
    resource = make_resource(know_how)
    response = learner_client.post(reverse("library:save", args=[resource.pk]), {"next": next_url})
    assert response.status_code == 302 and response["Location"] == resource.url
    response = learner_client.post(reverse("library:unsave", args=[resource.pk]), {"next": next_url})
    assert response.status_code == 302 and response["Location"] == resource.url


@pytest.mark.parametrize("hide", ["draft", "private"])
def test_removing_a_hidden_resource_goes_to_the_dashboard_not_to_its_address(learner_client, know_how, hide):
    resource = make_resource(know_how, slug="soon-hidden")
    learner_client.post(reverse("library:save", args=[resource.pk]))
    if hide == "draft":
        resource.unpublish()
    else:
        make_private(resource)
    response = learner_client.post(reverse("library:unsave", args=[resource.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("home:dashboard")
    assert not ReadingListItem.objects.exists()


@pytest.mark.parametrize("number", ["9223372036854775808", "99999999999999999999"])
def test_ids_beyond_64_bits_are_not_found_in_the_library(client, learner_client, know_how, number):
    resource = make_resource(know_how)
    for url in (
        f"/library/resources/{number}/documents/1/",
        f"/library/resources/{resource.pk}/documents/{number}/",
        f"/library/{number}/feed/rss/",
        f"/library/{number}/feed/atom/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (f"/library/resources/{number}/save/", f"/library/resources/{number}/unsave/"):
        assert learner_client.post(url).status_code == 404, url


def test_library_partner_filter_offers_no_view_restricted_partner(client, know_how, home):
    make_resource(make_partner(home, title="Open University"))
    hidden = make_partner(home, title="Hidden Institute", slug="hidden-institute")
    make_resource(hidden)
    make_private(hidden)
    html = client.get(know_how.url).content.decode()
    assert "Open University" in html
    assert "Hidden Institute" not in html and "hidden-institute" not in html
