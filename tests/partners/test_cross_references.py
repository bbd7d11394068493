"""Issue 12: a partner cannot make its pages refer to another partner's images or documents.

Choosers only filter what the interface offers. Partner Y types partner X's file ids into every
place a page can refer to a file (chooser fields, blocks at any depth, rich-text links, inline
attachments) and saves a draft, submits or tries to publish, through the admin's create and
edit views: each time the form shows an error on the field concerned, naming the file's id but
not its title, and nothing is saved. With Y's own files the same forms save.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from base.forms import FileScopedPageForm
from courses.models import LessonPage
from library.models import ResourceAttachment
from tests.builders import make_admin_user, make_course, make_document, make_image, make_resource, onboard

pytestmark = pytest.mark.django_db

MARK = "Zq7x"  # in the titles of X's files: never shown to Y
ACTIONS = {"save a draft": {}, "submit": {"action-submit": "submit"}, "publish": {"action-publish": "publish"}}


class Files:
    def __init__(self, team, title):
        self.image = make_image(title=f"{title} image")
        self.image.collection = team.collection
        self.image.save()
        self.document = make_document(
            "prices.txt", title=f"{title} document", data=b"Price list", collection=team.collection
        )


class World:
    def __init__(self, home):
        self.x, _x_user = onboard(f"{MARK} Institute", email="x@x.example")
        self.y, self.y_user = onboard("Yonder College", email="y@y.example")
        self.x_files = Files(self.x.team, f"{MARK} secret")
        self.y_files = Files(self.y.team, "Yonder")
        self.course = make_course(self.y, lessons=1, title="Yonder course")
        self.module = self.course.get_children().first()
        self.lesson = self.module.get_children().first().specific
        self.resource = self._resource()

    def _resource(self):
        return make_resource(
            self.y, title="Yonder guide", slug="yonder-guide", summary="How to.", publication_date="2026-01-05", body=[]
        )


@pytest.fixture
def world(home, partner_index):
    return World(home)


def doc_link(document_id):
    return rich_text(f'<p>See <a linktype="document" id="{document_id}">the price list</a>.</p>')


def image_block(image_id):
    return ("image", {"image": {"image": image_id, "decorative": "", "alt_text": "A chart"}, "caption": ""})


def partner_data(w, **fields):
    data = {
        "title": "Yonder College",
        "slug": w.y.slug,
        "kind": "university",
        "country": "",
        "city": "",
        "intro": "",
        "description": rich_text(""),
        "website": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "logo": "",
    }
    return nested_form_data({**data, **fields})


def course_data(slug="new-course", **fields):
    data = {
        "title": "Pricing",
        "slug": slug,
        "summary": "How to price.",
        "outcomes": streamfield([]),
        "audience": "",
        "level": "beginner",
        "estimated_hours": "1",
        "cover_image": "",
    }
    return nested_form_data({**data, **fields})


def lesson_data(*blocks, slug="new-lesson"):
    body = streamfield([("paragraph", rich_text("<p>Hello</p>")), *blocks])
    return nested_form_data(
        {"title": "Margins", "slug": slug, "summary": "", "estimated_minutes": "10", "is_required": "on", "body": body}
    )


def resource_data(slug="new-guide", blocks=(), attachments=(), **fields):
    data = {
        "title": "A guide",
        "slug": slug,
        "kind": "guide",
        "summary": "How to.",
        "body": streamfield(list(blocks)),
        "publication_date": "2026-01-05",
        "country": "",
        "region": "",
        "company_size": "",
        "challenge": "",
        "actions": "",
        "results": "",
        "image": "",
        "attachments": inline_formset([{"document": pk, "title": ""} for pk in attachments]),
    }
    return nested_form_data({**data, **fields})


def paths(w):
    """(path, URL, form data referring to image `i` and document `d`, field with the error, file kind)."""
    add_course = f"/admin/pages/add/courses/coursepage/{w.y.pk}/"
    add_lesson = f"/admin/pages/add/courses/lessonpage/{w.module.pk}/"
    add_resource = f"/admin/pages/add/library/resourcepage/{w.y.pk}/"
    edit = "/admin/pages/{}/edit/".format
    download = lambda d: ("download", {"document": d, "title": "", "description": ""})  # noqa: E731
    callout = lambda d: ("callout", {"kind": "tip", "title": "", "text": doc_link(d)})  # noqa: E731
    video = lambda d: (  # noqa: E731
        "video",
        {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "A talk", "duration": "", "transcript": doc_link(d)},
    )
    return [
        ("partner page logo (image field)", edit(w.y.pk), lambda i, d: partner_data(w, logo=i), "logo", "image"),
        (
            "partner page description (rich-text document link)",
            edit(w.y.pk),
            lambda i, d: partner_data(w, description=doc_link(d)),
            "description",
            "document",
        ),
        ("new course cover image", add_course, lambda i, d: course_data(cover_image=i), "cover_image", "image"),
        (
            "course cover image",
            edit(w.course.pk),
            lambda i, d: course_data(slug=w.course.slug, cover_image=i),
            "cover_image",
            "image",
        ),
        (
            "new lesson image block (ImageBlock in a StructBlock)",
            add_lesson,
            lambda i, d: lesson_data(image_block(i)),
            "body",
            "image",
        ),
        ("new lesson download block", add_lesson, lambda i, d: lesson_data(download(d)), "body", "document"),
        (
            "new lesson paragraph (rich-text block)",
            add_lesson,
            lambda i, d: lesson_data(("paragraph", doc_link(d))),
            "body",
            "document",
        ),
        (
            "new lesson callout text (rich text in a StructBlock)",
            add_lesson,
            lambda i, d: lesson_data(callout(d)),
            "body",
            "document",
        ),
        ("new lesson video transcript", add_lesson, lambda i, d: lesson_data(video(d)), "body", "document"),
        (
            "lesson image block",
            edit(w.lesson.pk),
            lambda i, d: lesson_data(image_block(i), slug=w.lesson.slug),
            "body",
            "image",
        ),
        (
            "lesson download block",
            edit(w.lesson.pk),
            lambda i, d: lesson_data(download(d), slug=w.lesson.slug),
            "body",
            "document",
        ),
        ("new resource image (image field)", add_resource, lambda i, d: resource_data(image=i), "image", "image"),
        (
            "new resource body image block",
            add_resource,
            lambda i, d: resource_data(blocks=[image_block(i)]),
            "body",
            "image",
        ),
        (
            "new resource body paragraph",
            add_resource,
            lambda i, d: resource_data(blocks=[("paragraph", doc_link(d))]),
            "body",
            "document",
        ),
        (
            "new resource attachment (inline panel)",
            add_resource,
            lambda i, d: resource_data(attachments=[d]),
            "attachments-0-document",
            "document",
        ),
        (
            "resource attachment (inline panel)",
            edit(w.resource.pk),
            lambda i, d: resource_data(slug=w.resource.slug, attachments=[d]),
            "attachments-0-document",
            "document",
        ),
        (
            "resource image",
            edit(w.resource.pk),
            lambda i, d: resource_data(slug=w.resource.slug, image=i),
            "image",
            "image",
        ),
    ]


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "draft_title", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "attachments": ResourceAttachment.objects.count(),
    }


def field_errors(form, field):
    if field.startswith("attachments-0-"):
        return form.formsets["attachments"].forms[0].errors.get(field.removeprefix("attachments-0-"), [])
    return form.errors.get(field, [])


def test_partner_cannot_refer_to_another_partners_files_anywhere_in_a_page(client, world):
    client.force_login(world.y_user)
    x = world.x_files
    refused = 0
    for name, url, data_for, field, kind in paths(world):
        expected = f"{kind} {x.image.pk if kind == 'image' else x.document.pk}"
        for action, extra in ACTIONS.items():
            before = snapshot()
            response = client.post(url, {**data_for(x.image.pk, x.document.pk), **extra})
            assert response.status_code == 200, (name, action, response.status_code)
            errors = " ".join(field_errors(response.context["form"], field))
            assert expected in errors, (name, action, errors)
            html = response.content.decode()
            assert expected in html and MARK not in html, (name, action)
            assert snapshot() == before, (name, action)
            refused += 1
    print(f"\nrefused {refused} cases of partner Y referring to partner X's files")
    assert refused == len(paths(world)) * len(ACTIONS)


def test_partner_refers_to_its_own_files_everywhere(client, world):
    """The control: the same forms with Y's own files save a draft."""
    client.force_login(world.y_user)
    y = world.y_files
    for n, (name, url, data_for, _field, kind) in enumerate(paths(world)):
        data = data_for(y.image.pk, y.document.pk)
        if "/add/" in url:
            data["slug"] = f"own-{n}"
        before = Revision.objects.count()
        response = client.post(url, data)
        assert response.status_code == 302, (name, response.context and response.context["form"].errors)
        assert Revision.objects.count() == before + 1, name
        content = str(Revision.objects.order_by("pk").last().content)
        assert str(y.image.pk if kind == "image" else y.document.pk) in content, name


def test_a_missing_file_id_is_a_field_error(client, world):
    client.force_login(world.y_user)
    before = snapshot()
    response = client.post(
        f"/admin/pages/add/courses/lessonpage/{world.module.pk}/", lesson_data(("paragraph", doc_link(987654)))
    )
    assert response.status_code == 200
    assert "document 987654" in " ".join(response.context["form"].errors["body"])
    assert snapshot() == before


def test_a_list_block_image_is_checked_for_any_restricted_editor(client, world, home):
    """A StructBlock inside a ListBlock (the home page's partner logos), edited by someone allowed the home page
    and Y's collection only."""
    group = Group.objects.create(name="Home page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    GroupCollectionPermission.objects.create(
        group=group, collection=world.y.team.collection, permission=Permission.objects.get(codename="choose_image")
    )
    user = make_admin_user(email="home@example.org", groups=[group])
    client.force_login(user)

    def post(image_id):
        logo = {"name": "Yonder", "logo": image_id, "link": {"page": "", "url": "", "label": ""}}
        # ListBlock form data (form_data has no helper for it): a count, then each item's value.
        strip = {
            "heading": "Our partners",
            "intro": "",
            "partners": {"count": 1, "0": {"value": logo, "deleted": "", "order": 0, "id": ""}},
        }
        return client.post(
            f"/admin/pages/{home.pk}/edit/",
            nested_form_data(
                {
                    "title": home.title,
                    "slug": home.slug,
                    "hero_title": home.hero_title,
                    "hero_text": "",
                    "hero_image": "",
                    "hero_link": "",
                    "hero_link_label": "",
                    "body": streamfield([("partners", strip)]),
                }
            ),
        )

    before = snapshot()
    response = post(world.x_files.image.pk)
    assert response.status_code == 200
    assert f"image {world.x_files.image.pk}" in " ".join(response.context["form"].errors["body"])
    assert snapshot() == before
    assert post(world.y_files.image.pk).status_code == 302


def test_rich_text_image_embeds_are_found():
    """Rich text offers no image embeds to editors today; if a feature list adds them, they are checked too."""
    from base.forms import file_references

    lesson = LessonPage(body=[("paragraph", '<p>x</p><embed embedtype="image" id="31" format="fullwidth" alt=""/>')])
    assert [(name, object_id) for name, _model, object_id in file_references(lesson)] == [("body", "31")]


def test_every_page_type_uses_the_file_checking_form():
    """A page type added later (or one that sets its own base_form_class) gets the check too."""
    page_models = [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]
    assert len(page_models) > 10
    for model in page_models:
        assert issubclass(model.get_edit_handler().get_form_class(), FileScopedPageForm), model


def test_preview_does_not_show_another_partners_file(client, world):
    """The preview is where the file would have been seen: it answers with the form's errors instead."""
    client.force_login(world.y_user)
    url = f"/admin/pages/{world.resource.pk}/edit/preview/"
    x_image = world.x_files.image

    x_data = resource_data(slug=world.resource.slug, image=x_image.pk, attachments=[world.x_files.document.pk])
    response = client.post(url, x_data)
    assert response.json()["is_valid"] is False
    html = client.get(url).content.decode()
    assert MARK not in html
    assert x_image.file.name.rsplit("/", 1)[-1].split(".")[0] not in html  # no rendition of it either
    assert world.x_files.document.url not in html

    response = client.post(url, resource_data(slug=world.resource.slug, image=world.y_files.image.pk))
    assert response.json()["is_valid"] is True
