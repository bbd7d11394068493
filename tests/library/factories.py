"""Builders for the libraries (kept beside their tests so parallel work on tests/factories.py doesn't clash)."""

import datetime
import itertools

from tests.factories import publish

_seq = itertools.count(1)


def make_library(home, *, kind_group="know_how", title=None, **fields):
    from library.models import LibraryIndexPage

    n = next(_seq)
    library = LibraryIndexPage(
        title=title or ("Know-how" if kind_group == "know_how" else "Best practices"),
        slug=fields.pop("slug", f"library-{n}"),
        kind_group=kind_group,
        intro=fields.pop("intro", "Guides and tools."),
        **fields,
    )
    home.add_child(instance=library)
    return publish(library)


def make_resource(parent, *, title=None, kind="guide", topics=(), sectors=(), stages=(), live=True, **fields):
    """A resource under `parent` (a library or a partner page), published unless live=False."""
    from library.models import ResourcePage

    n = next(_seq)
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


def make_partner(home, *, title=None, **fields):
    from partners.models import PartnerIndexPage, PartnerPage

    n = next(_seq)
    index = PartnerIndexPage.objects.child_of(home).first()
    if index is None:
        index = PartnerIndexPage(title="Partners", slug=f"partners-{n}")
        home.add_child(instance=index)
        publish(index)
    partner = PartnerPage(title=title or f"Partner {n}", slug=fields.pop("slug", f"partner-{n}"), **fields)
    index.add_child(instance=partner)
    return publish(partner)


def make_private(page):
    """Restrict a page to logged-in users (a Wagtail view restriction)."""
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
