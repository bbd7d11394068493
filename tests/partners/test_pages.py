"""The partner list and partner pages: filters, counts, escaped partner-written text."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from partners.models import PartnerPage
from taxonomy.models import Topic
from tests.builders import (
    make_course,
    make_course_index,
    make_editor,
    make_partner,
    make_resource,
    onboard,
    publish,
)

pytestmark = pytest.mark.django_db

XSS = "<img src=x onerror=alert(1)>"


def test_partner_page_shows_contact_expertise_and_its_live_courses(client, home, partner_index):
    topic = Topic.objects.create(name="Export rules", slug="export-rules")
    partner = make_partner(
        partner_index,
        title="Kilimo University",
        country="KE",
        city="Nakuru",
        contact_name="Dr Wanjiru",
        contact_email="wanjiru@kilimo.example",
        website="https://kilimo.example",
    )
    partner.expertise.set([topic])
    publish(partner)
    live = make_course(partner, lessons=0, modules=0, title="Dry maize safely")
    draft = make_course(partner, lessons=0, modules=0, title="Unfinished draft course")
    draft.unpublish()
    guide = make_resource(partner, title="Maize storage guide", kind="guide")
    make_resource(partner, title="Unpublished storage checklist", live=False)

    html = client.get(partner.url).content.decode()
    assert "Export rules" in html and "Dr Wanjiru" in html and "mailto:wanjiru@kilimo.example" in html
    assert "Dry maize safely" in html and live.url in html
    assert "Unfinished draft course" not in html
    assert "Know-how from Kilimo University" in html and "Maize storage guide" in html and guide.url in html
    assert "Unpublished storage checklist" not in html
    assert html.count("<h1") == 1


def test_partner_list_filters_by_country_and_type_with_counts(client, home, partner_index):
    make_partner(partner_index, title="Kilimo University", country="KE", kind="university")
    make_partner(partner_index, title="Nairobi Chamber", country="KE", kind="chamber")
    make_partner(partner_index, title="Andes School", country="PE", kind="business_school")

    html = client.get(partner_index.url).content.decode()
    assert "Kenya (2)" in html and "Peru (1)" in html and "Chamber of commerce (1)" in html
    html = client.get(partner_index.url + "?country=KE").content.decode()
    assert "Kilimo University" in html and "Nairobi Chamber" in html and "Andes School" not in html
    html = client.get(partner_index.url + "?country=KE&kind=chamber").content.decode()
    assert "Nairobi Chamber" in html and "Kilimo University" not in html
    html = client.get(partner_index.url + "?country=PE&kind=chamber").content.decode()
    assert "No partner matches these filters." in html


@pytest.mark.parametrize(
    "query",
    [
        "?country=ZZ",
        "?kind=castle",
        "?country=%00",
        "?country=" + "K" * 10_000,
        "?kind=%E2%80%AE%01",
        "?country=KE&country=PE",
        "?page=-1",
    ],
)
def test_bad_filter_values_are_ignored_with_a_message(client, home, partner_index, query):
    make_partner(partner_index, title="Kilimo University", country="KE")
    response = client.get(partner_index.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kilimo University" in html
    if "page" not in query and "KE&country" not in query:
        assert "recognise, so it was ignored" in html


def test_a_javascript_website_is_rejected():
    page = PartnerPage(title="Kilimo", slug="kilimo", website="javascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "website" in error.value.message_dict
    page.website = "jav&#x09;ascript:alert(1)"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_partner_edit_form_refuses_a_javascript_website(client, home, partner_index):
    partner, partner_user = onboard("Kilimo University", email="dean@kilimo.example")
    client.force_login(partner_user)
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    response = client.post(
        f"/admin/pages/{partner.pk}/edit/",
        nested_form_data(
            {
                "title": "Kilimo University",
                "slug": partner.slug,
                "kind": "university",
                "country": "KE",
                "city": "",
                "intro": "",
                "description": rich_text(""),
                "website": "javascript:alert(1)",
                "contact_name": "",
                "contact_email": "",
                "contact_phone": "",
            }
        ),
    )
    assert response.status_code == 200  # the form again, with an error
    partner.refresh_from_db()
    assert "javascript" not in (partner.get_latest_revision_as_object().website or "")


def test_markup_in_partner_titles_is_escaped_on_the_site_and_in_the_admin(client, home, partner_index):
    catalog = make_course_index(home)
    partner = make_partner(
        partner_index,
        title=f"Evil {XSS} Institute",
        slug="evil",
        country="KE",
        intro=f"Intro {XSS}",
        city=XSS,
        contact_name=XSS,
    )
    course = make_course(partner, lessons=1, title=f"Course {XSS}", summary=f"Summary {XSS}")
    visitor = Client()
    for url in (partner_index.url, partner.url, catalog.url, course.url):
        html = visitor.get(url).content.decode()
        assert XSS not in html, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, url

    client.force_login(make_editor())
    for url in (
        f"/admin/pages/{partner_index.pk}/",
        f"/admin/pages/{partner.pk}/",
        "/admin/pages/search/?q=Evil",
        *(
            f"/admin/partners/reports/{table}?partner={partner.pk}"
            for table in ("", "quiz-pass-rates/", "countries/", "learners/")
        ),
    ):
        html = client.get(url).content.decode()
        assert XSS not in html, url


def test_no_stream_or_rich_text_field_offers_raw_html():
    from django.apps import apps
    from wagtail import blocks
    from wagtail.fields import RichTextField, StreamField

    def walk(block):
        yield block
        for child in getattr(block, "child_blocks", {}).values():
            yield from walk(child)
        if getattr(block, "child_block", None):
            yield from walk(block.child_block)

    checked = 0
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for block in walk(field.stream_block):
                    checked += 1
                    assert not isinstance(block, blocks.RawHTMLBlock), f"{model.__name__}.{field.name}"
                    if isinstance(block, blocks.RichTextBlock):
                        assert "embed" not in (block.features or []) and block.features is not None
            elif isinstance(field, RichTextField):
                checked += 1
                assert field.features is not None, f"{model.__name__}.{field.name} offers every feature"
    assert checked > 20
