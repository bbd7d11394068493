"""What a partner's group is never given: users, settings, snippets, SVG or HTML uploads, other collections."""

import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.builders import make_editor, make_standard_page, onboard

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (200, 10, 10)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def partner(home, partner_index):
    partner, user = onboard("Kilimo University", email="dean@kilimo.example")
    partner.user = user
    return partner


def menu_labels(html):
    return set(re.findall(r'"label": "([^"]+)"', html))


def test_partner_admin_menu_has_no_users_settings_or_snippets(client, partner):
    client.force_login(partner.user)
    html = client.get("/admin/").content.decode()
    for label in (
        "Users",
        "Groups",
        "Settings",
        "Snippets",
        "Taxonomy",
        "Navigation & footer",
        "Sites",
        "Onboard a partner",
        "Quiz results",
        "Redirects",
    ):
        assert f'"label": "{label}"' not in html, label
    for url in ("/admin/workflows/list/", "/admin/users/", "/admin/groups/", "/admin/snippets/", "/admin/sites/"):
        assert url not in html, url  # ("Workflows" under Reports is the report of their own pages in review)
    assert "Partner report" in html


def test_translations_report_is_offered_to_editors_not_to_partners(client, partner):
    """The report lists every partner's translations, so partner editors are refused it (403)."""
    report = "/admin/localize/reports/translations/"
    client.force_login(partner.user)
    assert report not in client.get("/admin/").content.decode()
    assert client.get(report).status_code == 403
    client.force_login(make_editor())
    assert report in client.get("/admin/").content.decode()
    assert client.get(report).status_code == 200


def test_partner_group_holds_no_snippet_or_model_permissions(partner):
    group = partner.team.group
    # Besides the admin, only wagtail-localize's Translate/Sync, which the admin guard keeps to
    # the partner's own pages (issue 15).
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin", "submit_translation"}
    assert not partner.user.has_perm("home.change_navigationmenu")
    assert not partner.user.has_perm("taxonomy.add_topic")


def test_svg_is_not_an_allowed_image_type():
    assert "svg" not in [extension.lower() for extension in settings.WAGTAILIMAGES_EXTENSIONS]
    assert not {"svg", "html", "htm", "xhtml", "js"} & {e.lower() for e in settings.WAGTAILDOCS_EXTENSIONS}


def test_partner_svg_and_html_uploads_are_refused(client, partner):
    client.force_login(partner.user)
    collection = partner.team.collection.pk
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "collection": collection,
            "file": SimpleUploadedFile("logo.svg", SVG, "image/svg+xml"),
        },
    )
    assert response.status_code == 200  # the form again, with an error
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "collection": collection,
            "file": SimpleUploadedFile("logo.png", SVG, "image/png"),
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Page",
            "collection": collection,
            "file": SimpleUploadedFile("page.html", b"<script>alert(1)</script>", "text/html"),
        },
    )
    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def test_partner_uploads_only_into_their_own_collection(client, partner, home):
    other, _user = onboard("Andes School", email="head@andes.example")
    client.force_login(partner.user)
    client.post(
        "/admin/images/add/",
        {
            "title": "Sneaky",
            "collection": other.team.collection.pk,
            "file": SimpleUploadedFile("a.png", png(), "image/png"),
        },
    )
    assert not get_image_model().objects.filter(collection=other.team.collection).exists()
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Ours",
            "collection": partner.team.collection.pk,
            "file": SimpleUploadedFile("b.png", png(), "image/png"),
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.get(title="Ours").collection == partner.team.collection


def test_partner_cannot_edit_pages_outside_their_subtree(client, partner, home):
    page = make_standard_page(home, title="About us")
    client.force_login(partner.user)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code in (302, 403)


def test_editors_publish_anywhere(client, partner, home):
    page = make_standard_page(home, title="About us")
    editor = make_editor()
    perms = page.permissions_for_user(editor)
    assert perms.can_publish() and perms.can_unpublish() and perms.can_lock()
    assert partner.permissions_for_user(editor).can_publish()
    assert not partner.permissions_for_user(partner.user).can_publish()
    assert not partner.permissions_for_user(partner.user).can_lock()
    assert not partner.permissions_for_user(partner.user).can_unlock()
