"""Uploads are served sandboxed and only where safe; static files come from whitenoise."""

from pathlib import Path

import pytest
from django.conf import settings

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


def test_uploaded_images_are_served_sandboxed(client, uploaded):
    uploaded("original_images/test-logo.png", b"\x89PNG\r\n\x1a\n fake")
    response = client.get("/media/original_images/test-logo.png")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/png"


def test_documents_are_never_served_from_the_media_folder(client, uploaded):
    uploaded("documents/private-report.pdf", b"%PDF-1.4 private")
    assert client.get("/media/documents/private-report.pdf").status_code == 404


def test_media_paths_cannot_climb_out_of_the_media_folder(client):
    for path in ("/media/images/../../secret_key", "/media/images/%2e%2e/%2e%2e/secret_key"):
        response = client.get(path)
        assert response.status_code in (400, 404)
        assert b"Bad request" in response.content or b"Page not found" in response.content


def test_media_is_read_only(client, uploaded):
    uploaded("images/a.png", b"\x89PNG")
    assert client.post("/media/images/a.png").status_code == 405


def test_stylesheet_is_served_by_whitenoise_with_nosniff(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "text/css" in response["Content-Type"]
