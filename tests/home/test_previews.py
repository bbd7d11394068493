"""Every page type of the site previews for an editor: new, edited, as a draft, an old revision, in review.

The walk covers every page model registered in our apps (wagtail.models.get_page_models()), so a
page type added later is walked too. The forms are posted as the admin's editor posts them: the
data is built from each page's own edit form (fields, StreamFields, inline children), and the
edited preview changes its ParentalManyToMany fields and inline children without saving them.
"""

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.http import QueryDict
from wagtail import blocks
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.models import Page, TaskState, get_page_models

from tests.builders import (
    make_admin_user,
    make_course,
    make_course_index,
    make_issue,
    make_library,
    make_newsletter_index,
    make_partner,
    make_partner_index,
    make_private,
    make_program,
    make_program_index,
    make_quiz,
    make_resource,
    make_standard_page,
    publish,
    q_numeric,
    q_single,
)

pytestmark = pytest.mark.django_db

OUR_APPS = {"home", "courses", "assessments", "library", "partners", "newsletter"}
PATHS = ("new", "edited", "draft", "revision", "review")


def our_page_models():
    return [model for model in get_page_models() if model._meta.app_label in OUR_APPS]


# --- Form data as the admin's editor posts it ------------------------------------------------


def _block_data(block, value, prefix, data):
    """The POST data a StreamField's editor sends for `value` of `block` under `prefix`."""
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for i, child in enumerate(children):
            data[f"{prefix}-{i}-type"] = child.block_type
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            data[f"{prefix}-{i}-id"] = child.id or ""
            _block_data(child.block, child.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.ListBlock):
        children = (
            value.bound_blocks
            if isinstance(value, ListValue)
            else [ListValue.ListChild(block.child_block, item) for item in (value or [])]
        )
        data[f"{prefix}-count"] = str(len(children))
        for i, child in enumerate(children):
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            data[f"{prefix}-{i}-id"] = child.id or ""
            _block_data(block.child_block, child.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _block_data(child_block, value.get(name) if value else None, f"{prefix}-{name}", data)
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, blocks.ChooserBlock):  # a chooser posts the chosen object's id
        data[prefix] = str(getattr(value, "pk", value) or "")
    else:
        form_value = block.field.widget.format_value(block.value_for_form(value))
        if isinstance(form_value, list):  # a select's chosen values
            data.setlist(prefix, form_value)
        else:
            data[prefix] = "" if form_value is None else str(form_value)


def _field_data(form, name, data, prefix=""):
    bound = form[name]
    widget = bound.field.widget
    key = f"{prefix}{name}"
    block = getattr(widget, "block_def", None)
    if block is not None:
        _block_data(block, bound.value(), key, data)
        return
    value = bound.value()
    if isinstance(value, (list, tuple)):
        data.setlist(key, [str(getattr(item, "pk", item)) for item in value])
    elif isinstance(widget, forms.CheckboxInput):
        if value:
            data[key] = "on"
    elif value is None:
        data[key] = ""
    elif isinstance(widget, DraftailRichTextArea):
        data[key] = widget.format_value(value)
    else:
        data[key] = str(getattr(value, "pk", value))


def edit_form_data(page, user, *, as_new=False) -> QueryDict:
    """What the admin's edit form posts for `page` unchanged: its fields, streams and inline children.

    With as_new, the inline children are posted as new ones, as the form for a new page posts them.
    """
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data = QueryDict(mutable=True)
    for name in form.fields:
        _field_data(form, name, data)
    for formset in form.formsets.values():
        prefix = formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = str(len(formset.forms))
        data[f"{prefix}-INITIAL_FORMS"] = "0" if as_new else str(formset.initial_form_count())
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for i, child_form in enumerate(formset.forms):
            for name in child_form.fields:
                if name in ("DELETE", "ORDER"):
                    continue
                _field_data(child_form, name, data, prefix=f"{prefix}-{i}-")
            if as_new:
                data[f"{prefix}-{i}-id"] = ""
            data[f"{prefix}-{i}-ORDER"] = str(i + 1)
            data[f"{prefix}-{i}-DELETE"] = ""
    return data


def change_relations(page, data, user):
    """Change every ParentalManyToMany field (to all its choices) and drop the first inline child."""
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    for name, field in form.fields.items():
        if (
            hasattr(field, "queryset")
            and name in page._meta._forward_fields_map
            and getattr(page._meta.get_field(name), "many_to_many", False)
        ):
            data.setlist(name, [str(pk) for pk in field.queryset.exclude(pk=page.pk).values_list("pk", flat=True)])
    for formset in form.formsets.values():
        if len(formset.forms) > 1:
            data[f"{formset.prefix}-0-DELETE"] = "on"
    return data


# --- The site, one live page of each type ------------------------------------------------------


@pytest.fixture
def site_pages(home):
    """One live page of each type, with taxonomy, relations and inline children filled in."""
    from library.models import ResourceAttachment
    from taxonomy.models import BusinessStage, Sector, Topic

    topics = [Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in (1, 2)]
    sectors = [Sector.objects.create(name=f"Sector {n}", slug=f"sector-{n}") for n in (1, 2)]
    BusinessStage.objects.create(name="Starting", slug="starting")

    make_standard_page(home, title="About us")
    catalog = make_course_index(home)
    first = make_course(catalog, title="Bookkeeping basics", lessons=2)
    course = make_course(catalog, title="Pricing for profit", lessons=2)
    course.topics.set(topics[:1])
    course.sectors.set(sectors[:1])
    course.prerequisites.set([first])
    publish(course)
    module = course.get_children().specific().first()
    make_quiz(module, title="Pricing quiz", questions=[q_single(), q_numeric()])

    programs = make_program_index(home, slug="programs")
    make_program(
        programs, courses=[first, course], title="Run a small shop", slug="small-shop", intro="Two courses, in order."
    )

    library = make_library(home)
    other = make_resource(library, title="Cash-flow template", kind="template")
    resource = make_resource(library, title="Pricing guide", topics=topics[:1])
    documents = [
        get_document_model().objects.create(
            title=f"Worksheet {n}", file=ContentFile(b"%PDF-1.4\n", name=f"sheet-{n}.pdf")
        )
        for n in (1, 2)
    ]
    resource.attachments = [ResourceAttachment(document=doc) for doc in documents]
    resource.related_courses = [course]
    resource.related_resources = [other]
    publish(resource)

    make_issue(make_newsletter_index(home), title="November news", pages=[course, resource])

    partners = make_partner_index(home, title="Our network", slug="network", intro="")
    make_partner(
        partners, title="Kilimo University", slug="kilimo", intro="An agricultural university.", expertise=topics[:1]
    )
    return {type(page): page for page in Page.objects.filter(depth__gte=2).specific() if type(page) is not Page}


@pytest.fixture
def editor_client(client):
    editor = make_admin_user(email="chief.editor@example.org", superuser=True)
    client.force_login(editor)
    client.editor = editor
    client.raise_request_exception = False  # a 500 is reported in the walk's table, not raised
    return client


def _multi(data):
    """Form data for the test client, every value of a multiple choice kept (QueryDict.items() keeps the last)."""
    return dict(data.lists())


def _errors(response):
    """The error messages of a form the admin sent back."""
    import re

    return (
        re.findall(r'class="error-message"[^>]*>(.*?)<', response.content.decode(), re.S)
        or response.content.decode()[-3000:]
    )


def _preview(client, url, data):
    """Post the form to the preview, as the editor's live preview panel does, then show it."""
    posted = client.post(url, _multi(data))
    if posted.status_code != 200 or not posted.json()["is_valid"]:
        return (f"form refused ({posted.status_code})", posted.content.decode())
    response = client.get(url)
    return (response.status_code, response.content.decode())


def _walk(client, page):
    """Each preview path of `page` as the editor sees it: {path: (status, html)}."""
    editor = client.editor
    model = type(page)
    parent = page.get_parent()
    seen = {}
    old_revision = page.latest_revision

    # A new page of this type, not yet saved.
    new_data = edit_form_data(page, editor, as_new=True)
    new_data["title"] = f"New {page.title}"
    new_data["slug"] = f"new-{page.slug}"
    add_url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/preview/"
    seen["new"] = _preview(client, add_url, new_data)

    # The page edited, its relations changed, nothing saved.
    edit_data = change_relations(page, edit_form_data(page, editor), editor)
    edit_data["title"] = f"{page.title} (edited)"
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    seen["edited"] = _preview(client, preview_url, edit_data)

    # Saved as a draft in the admin, then viewed as a draft.
    edit_data["title"] = f"{page.title} (draft)"
    saved = client.post(f"/admin/pages/{page.pk}/edit/", _multi(edit_data))
    assert saved.status_code == 302, (model, _errors(saved))
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    seen["draft"] = (response.status_code, response.content.decode())

    # The revision it had before.
    response = client.get(f"/admin/pages/{page.pk}/revisions/{old_revision.pk}/view/")
    seen["revision"] = (response.status_code, response.content.decode())

    # Submitted for review, then previewed by the reviewer.
    edit_data["action-submit"] = "Submit"
    edit_data["title"] = f"{page.title} (in review)"
    submitted = client.post(f"/admin/pages/{page.pk}/edit/", _multi(edit_data))
    assert submitted.status_code == 302, (model, _errors(submitted))
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    response = client.get(f"/admin/pages/workflow/preview/{page.pk}/{task_state.task_id}/")
    seen["review"] = (response.status_code, response.content.decode())
    return seen


# What the edited relations show (every topic chosen, the first inline child removed), and hide.
SHOWN_AFTER_EDIT = {
    "CoursePage": ("Topic 2", "Sector 2"),
    "ResourcePage": ("Topic 2", "Worksheet 2"),
    "PartnerPage": ("Topic 2",),
    "TrainingProgramPage": ("Pricing for profit",),
}
GONE_AFTER_EDIT = {"ResourcePage": ("Worksheet 1",), "TrainingProgramPage": ("Bookkeeping basics",)}


def test_every_page_type_previews_on_every_path(editor_client, site_pages):
    models = our_page_models()
    assert len(models) >= 13
    missing = [model.__name__ for model in models if model not in site_pages]
    assert not missing, f"add a page of each new type to site_pages: {missing}"

    failures = []
    for model in models:
        page = model.objects.get(pk=site_pages[model].pk)
        heading = getattr(page, "hero_title", None) or page.title  # a home page shows its hero, not its title
        for path, (status, html) in _walk(editor_client, page).items():
            print(f"{model.__name__:22} {path:9} {status}")
            if status != 200:
                failures.append(f"{model.__name__} {path}: {status}")
            elif path != "new" and heading not in html:
                failures.append(f"{model.__name__} {path}: the page's heading is not shown")
            elif path in ("edited", "draft", "review"):
                failures += [
                    f"{model.__name__} {path}: {text!r} missing"
                    for text in SHOWN_AFTER_EDIT.get(model.__name__, ())
                    if text not in html
                ]
                failures += [
                    f"{model.__name__} {path}: {text!r} still shown"
                    for text in GONE_AFTER_EDIT.get(model.__name__, ())
                    if text in html
                ]
    assert not failures, failures


def test_a_preview_shows_no_draft_or_private_page_among_its_chosen_relations(editor_client, home):
    """Unsaved choices are filtered like saved ones: only live, public courses and resources appear."""
    from library.models import ResourcePage

    catalog = make_course_index(home)
    course = make_course(catalog, title="Pricing for profit", lessons=1)
    live = make_course(catalog, title="Bookkeeping basics", lessons=1)
    private = make_course(catalog, title="Members-only costing", lessons=1)
    make_private(private)
    other_partner = make_partner(home, title="Another university")
    draft = make_course(
        other_partner,
        title="Unreleased export course",
        slug="unreleased",
        summary="Not yet approved.",
        lessons=0,
        modules=0,
        live=False,
    )
    library = make_library(home)
    resource = make_resource(library, title="Pricing guide")
    draft_resource = make_resource(other_partner, title="Unreleased export checklist", live=False)

    editor = editor_client.editor
    checks = [
        (course, "prerequisites", [live, private, draft], "Before you start"),
        (resource, "related_courses", [live, private, draft], "Bookkeeping basics"),
        (resource, "related_resources", [draft_resource], None),
    ]
    for page, field, chosen, shown in checks:
        page = type(page).objects.get(pk=page.pk)
        data = edit_form_data(page, editor)
        data.setlist(field, [str(item.pk) for item in chosen])
        url = f"/admin/pages/{page.pk}/edit/preview/"
        status, html = _preview(editor_client, url, data)
        print(f"{type(page).__name__:12} {field:18} {status}")
        assert status == 200
        if shown:
            assert shown in html
        for hidden in ("Members-only costing", "Unreleased export course", "Unreleased export checklist"):
            assert hidden not in html, (field, hidden)
    assert ResourcePage.objects.filter(pk=draft_resource.pk, live=False).exists()
