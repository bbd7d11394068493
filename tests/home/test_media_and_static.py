"""Uploads are served sandboxed and only where safe; static files come from whitenoise."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.builders import make_admin_user, make_image, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded(tmp_path):
    made = []

    def write(relative, content):
        path = Path(settings.MEDIA_ROOT) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        made.append(path)
        return path

    yield write
    for path in made:
        path.unlink(missing_ok=True)


def test_uploaded_images_are_served_sandboxed(client, home):
    logo = make_image(title="Partner logo")
    make_partner(home, logo=logo)  # live and public
    response = client.get(logo.file.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert client.get(logo.get_rendition("fill-64x36").url).status_code == 200


@pytest.mark.parametrize("kind", ["original", "rendition"])
def test_an_image_only_a_draft_uses_is_served_only_to_who_may_choose_it(client, home, kind):
    """Issue 12: any address under /media/ served any partner's image, drafts and unused ones included."""
    from django.contrib.auth.models import Group, Permission

    from partners.services import editors_group_ensure

    image = make_image(title="Unreleased product")
    partner = make_partner(home)
    partner.logo = image
    partner.save_revision()  # a draft only: the live page has no logo
    url = image.file.url if kind == "original" else image.get_rendition("fill-64x36").url

    assert client.get(url).status_code == 404  # a visitor
    reader = Group.objects.create(name="Admin readers")
    reader.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(make_admin_user(email="reader@example.org", groups=[reader]))
    assert client.get(url).status_code == 404  # admin access alone is no right to a file
    client.force_login(make_admin_user(email="editor@example.org", groups=[editors_group_ensure()]))
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"

    client.logout()
    partner.get_latest_revision().publish()
    assert client.get(url).status_code == 200  # the live page uses it now


def test_a_file_in_the_media_folder_that_no_image_owns_is_not_served(client, uploaded):
    uploaded("original_images/stray.png", b"\x89PNG\r\n\x1a\n fake")
    assert client.get("/media/original_images/stray.png").status_code == 404


def test_documents_are_never_served_from_the_media_folder(client, uploaded):
    uploaded("documents/private-report.pdf", b"%PDF-1.4 private")
    assert client.get("/media/documents/private-report.pdf").status_code == 404


def test_media_paths_cannot_climb_out_of_the_media_folder(client):
    for path in ("/media/images/../../secret_key", "/media/images/%2e%2e/%2e%2e/secret_key"):
        response = client.get(path)
        assert response.status_code in (400, 404)
        assert b"Bad request" in response.content or b"Page not found" in response.content


def test_media_is_read_only(client, home):
    image = make_image()
    assert client.post(image.file.url).status_code == 405


def test_stylesheet_is_served_by_whitenoise_with_nosniff(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "text/css" in response["Content-Type"]
