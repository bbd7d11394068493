"""The libraries step of the demo: two libraries and resources, some published by partners."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Site

from courses.models import CoursePage
from home.demo import DemoRun
from home.demo.pages import stream_build
from home.models import MenuPlace, NavigationMenu
from library.demo.resources import LIBRARIES, RESOURCES
from library.models import LibraryIndexPage, ResourceAttachment, ResourcePage
from partners.models import PartnerPage
from taxonomy.models import BusinessStage, Sector, Topic


def library_load(run: DemoRun) -> None:
    """Add whatever is missing of the two libraries and their resources, then link them."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    locale = home.locale
    libraries = {spec["slug"]: _library_load(run, home, spec) for spec in LIBRARIES}
    partners = {partner.slug: partner for partner in PartnerPage.objects.filter(locale=locale)}
    terms = {
        "topics": {term.slug: term for term in Topic.objects.filter(locale=locale)},
        "sectors": {term.slug: term for term in Sector.objects.filter(locale=locale)},
        "stages": {term.slug: term for term in BusinessStage.objects.filter(locale=locale)},
    }
    courses = {course.slug: course for course in CoursePage.objects.filter(locale=locale)}
    resources = {}
    for spec in RESOURCES:
        kind, _sep, slug = spec["parent"].partition(":")
        parent = partners[slug] if kind == "partner" else libraries[spec["parent"]]
        resources[spec["slug"]] = _resource_load(run, parent, spec, terms, courses)
    for spec in RESOURCES:
        resource = resources[spec["slug"]]
        wanted = [resources[slug] for slug in spec.get("related_resources", [])]
        if wanted and not resource.related_resources.exists():
            resource.related_resources.set(wanted)
            resource.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
            run.added(f"related resources of {resource.title!r}")
    _menus_extend(run, locale, libraries)


def _library_load(run, home, spec) -> LibraryIndexPage:
    library = home.get_children().filter(slug=spec["slug"]).specific().first()
    if library is not None:
        return library
    library = LibraryIndexPage(
        slug=spec["slug"], title=spec["title"], intro=spec["intro"], kind_group=spec["kind_group"], owner=run.editor
    )
    home.add_child(instance=library)
    library.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
    run.added(f"library {library.title!r}")
    return library


def _body(paragraphs) -> list:
    raw = []
    for text in paragraphs:
        if text.startswith("## "):
            raw.append({"type": "heading", "value": {"text": text[3:], "level": "h2"}})
        else:
            raw.append({"type": "paragraph", "value": f"<p>{text}</p>"})
    return stream_build(ResourcePage, "body", raw)


def _document(run, title, filename, text):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        data = text.encode("utf-8")
        document = Document(title=title, uploaded_by_user=run.editor, file_size=len(data))
        document.file.save(filename, ContentFile(data), save=False)
        document.save()
        run.added(f"document {title!r}")
    return document


def _resource_load(run, parent, spec, terms, courses) -> ResourcePage:
    resource = parent.get_children().filter(slug=spec["slug"]).specific().first()
    if resource is not None:
        return resource
    resource = ResourcePage(
        slug=spec["slug"],
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        publication_date=datetime.date.fromisoformat(spec["date"]),
        country=spec["country"],
        region=spec["region"],
        company_size=spec.get("company_size", ""),
        challenge=spec.get("challenge", ""),
        actions=spec.get("actions", ""),
        results=spec.get("results", ""),
        owner=run.editor,
    )
    resource.body = _body(spec["body"])
    resource.attachments = [
        ResourceAttachment(document=_document(run, title, filename, text), title=title, sort_order=i)
        for i, (title, filename, text) in enumerate(spec.get("attachments", []))
    ]
    parent.add_child(instance=resource)
    for name in ("topics", "sectors", "stages"):
        getattr(resource, name).set([terms[name][slug] for slug in spec.get(name, []) if slug in terms[name]])
    resource.related_courses.set([courses[slug] for slug in spec.get("related_courses", []) if slug in courses])
    resource.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
    resource.refresh_from_db()
    run.added(f"resource {resource.title!r} ({resource.url_path})")
    return resource


def _menus_extend(run, locale, libraries) -> None:
    """One "Know-how" entry in the main menu (it has seven already), and both libraries in the footer."""
    for place, pages in ((MenuPlace.MAIN, [libraries["know-how"]]), (MenuPlace.FOOTER, list(libraries.values()))):
        menu = NavigationMenu.objects.filter(place=place, locale=locale).first()
        if menu is None:
            continue
        linked = {item.value["page"].pk for item in menu.items if item.value.get("page")}
        missing = [page for page in pages if page.pk not in linked]
        if not missing:
            continue
        raw = [{"type": "link", "value": dict(item["value"])} for item in menu.items.raw_data]
        new = [{"type": "link", "value": {"page": page.pk, "url": "", "label": ""}} for page in missing]
        # In the main menu, after the learning sections (courses, programs, partners); in the footer, first.
        position = 3 if place == MenuPlace.MAIN else 0
        raw[position:position] = new
        menu.items = stream_build(NavigationMenu, "items", raw)
        menu.save()
        run.added(f"libraries in the {place} menu")
