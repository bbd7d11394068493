"""Libraries and their resources, with attachments."""

import datetime

from library.models import LibraryIndexPage, ResourceAttachment, ResourcePage
from tests.builders.pages import make_document, publish
from tests.builders.unique import unique


def make_library(home, *, kind_group="know_how", title=None, **fields):
    library = LibraryIndexPage(
        title=title or ("Know-how" if kind_group == "know_how" else "Best practices"),
        slug=fields.pop("slug", f"library-{unique()}"),
        kind_group=kind_group,
        intro=fields.pop("intro", "Guides and tools."),
        **fields,
    )
    home.add_child(instance=library)
    return publish(library)


def make_resource(parent, *, title=None, kind="guide", topics=(), sectors=(), stages=(), live=True, **fields):
    """A resource under `parent` (a library or a partner page), published unless live=False."""
    n = unique()
    resource = ResourcePage(
        title=title or f"Resource {n}",
        slug=fields.pop("slug", f"resource-{n}"),
        kind=kind,
        summary=fields.pop("summary", "What this resource helps with."),
        publication_date=fields.pop("publication_date", datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300)),
        body=fields.pop("body", [("paragraph", "<p>Some practical advice for a small business.</p>")]),
        **fields,
    )
    parent.add_child(instance=resource)
    if topics:
        resource.topics.set(topics)
    if sectors:
        resource.sectors.set(sectors)
    if stages:
        resource.stages.set(stages)
    if not live:
        resource.save_revision()
        resource.live = False
        resource.save(update_fields=["live"])
        return resource
    return publish(resource)


def make_attachment(resource, name="plan.csv", data=b"a,b\n"):
    """Attach a new document holding `data` to `resource` and publish it; returns the attachment row."""
    resource.attachments = [ResourceAttachment(document=make_document(name, data=data))]
    resource.save_revision().publish()
    return ResourceAttachment.objects.get(page=resource)
