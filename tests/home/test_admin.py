"""Editors can reach the admin screens this foundation adds or configures."""

import pytest
from django.contrib.auth import get_user_model

from home.models import MenuPlace, NavigationMenu
from tests.builders import make_course_index

pytestmark = pytest.mark.django_db


def test_admin_screens_load_for_an_administrator(admin_client, home):
    menu = NavigationMenu.objects.create(place=MenuPlace.MAIN)
    for url in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        "/admin/snippets/home/navigationmenu/",
        f"/admin/snippets/home/navigationmenu/edit/{menu.pk}/",
        "/admin/snippets/home/footertext/add/",
        "/admin/users/",
        "/admin/users/new/",
        "/admin/locales/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url


def test_editor_can_add_a_user_by_email_only_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "new.editor@example.org",
            "first_name": "Nana",
            "last_name": "Owusu",
            "password1": "a-strong-passphrase-77",
            "password2": "a-strong-passphrase-77",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_user_model().objects.filter(email="new.editor@example.org").exists()


def test_a_link_needs_a_page_or_an_address_but_not_both():
    from django.core.exceptions import ValidationError

    from base.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": "Nothing"}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "https://example.org", "label": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "javascript:alert(1)", "label": "x"}))
    cleaned = block.clean(block.to_python({"page": None, "url": "https://example.org", "label": "Example"}))
    assert cleaned.href() == "https://example.org"


@pytest.mark.parametrize("field", ["topics", "prerequisites"])
def test_a_choice_id_beyond_64_bits_is_a_field_error_not_a_500(admin_client, home, field):
    """Issue 12: on SQLite a 40-digit id in a page's multiple choice raised OverflowError (a 500)."""
    from wagtail.models import Page
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from courses.models import CoursePage

    catalog = make_course_index(home)
    admin_client.raise_request_exception = False
    data = nested_form_data(
        {
            "title": "Export basics",
            "slug": "export-basics",
            "summary": "Selling abroad.",
            "outcomes": streamfield([]),
            field: "9" * 40,
        }
    )
    response = admin_client.post(f"/admin/pages/add/courses/coursepage/{catalog.pk}/", data)
    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert not Page.objects.type(CoursePage).exists()
