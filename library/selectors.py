"""Reads for the libraries, resource pages and the reading list.

Each runs a fixed number of queries, whatever the number of resources or hits.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from modelcluster.queryset import FakeQuerySet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from base.locales import in_locale_or_default, locales_active_and_default, one_per_key_active_first
from base.page_cache import page_cache_get_or_set
from base.pages import pages_public
from base.pagination import page_or_last
from base.relations import related_ids
from courses.models import CoursePage
from library.models import LibraryIndexPage, ReadingListItem, ResourcePage
from partners.selectors import page_partner_get, partner_list_by_path, path_partner_get
from taxonomy.models import BusinessStage, Sector, Topic
from taxonomy.selectors import term_list

LIBRARY_PAGE_SIZE = 12
SEARCH_PAGE_SIZE = 10
CARD_RENDITION = "fill-480x270|format-webp"
FACETS = ("kind", "topic", "sector", "stage", "country", "region", "partner")


def resource_public_list(kinds=None, locales=None):
    """Live, public resources in the active language, plus default-language ones not yet translated."""
    resources = pages_public(ResourcePage.objects.live())
    if kinds is not None:
        resources = resources.filter(kind__in=kinds)
    return in_locale_or_default(resources, locales=locales)


def _cards(queryset):
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return queryset.select_related("locale").prefetch_related(Prefetch("image", queryset=images), "topics")


def _facet_rows(resources, partners):
    """One dict per resource with every facet value it has (four queries, any number of resources)."""
    rows = {
        pk: {
            "kind": {kind},
            "country": {country} if country else set(),
            "region": {region} if region else set(),
            "partner": {partner.slug} if (partner := path_partner_get(path, partners)) else set(),
            "topic": set(),
            "sector": set(),
            "stage": set(),
        }
        for pk, kind, country, region, path in resources.values_list("pk", "kind", "country", "region", "path")
    }
    ids = list(rows)
    for name, through, term in (
        ("topic", ResourcePage.topics.through, "topic"),
        ("sector", ResourcePage.sectors.through, "sector"),
        ("stage", ResourcePage.stages.through, "businessstage"),
    ):
        for pk, key in through.objects.filter(resourcepage_id__in=ids).values_list(
            "resourcepage_id", f"{term}__translation_key"
        ):
            rows[pk][name].add(key)
    return rows


def _wanted(filters):
    """Each active facet as the value a row holds: a kind/country/region code, a term key or a partner slug."""
    wanted = {}
    for name in FACETS:
        value = filters.get(name)
        if value in (None, ""):
            continue
        if name in ("topic", "sector", "stage"):
            wanted[name] = value.translation_key
        elif name == "partner":
            wanted[name] = value.slug
        else:
            wanted[name] = value
    return wanted


def _facet_counts(rows, wanted, terms):
    """For each facet, how many resources each value would give, with the other facets applied."""
    counts = {name: {} for name in FACETS}
    for facets in rows.values():
        for name in FACETS:
            others_match = all(value in facets[other] for other, value in wanted.items() if other != name)
            if not others_match:
                continue
            for value in facets[name]:
                counts[name][value] = counts[name].get(value, 0) + 1
    # Terms are counted by translation key; the form knows them by slug in this language.
    for name in ("topic", "sector", "stage"):
        counts[name] = {term.slug: counts[name].get(term.translation_key, 0) for term in terms[name]}
    return counts


@dataclass
class LibraryOptions:
    """What a library can be filtered by, in the visitor's language."""

    kinds: list
    topics: list
    sectors: list
    stages: list
    partners: list  # public partners, longest path first (see partner_list_by_path)


@dataclass
class LibraryPage:
    """One page of a library's filtered, sorted resources, and the facet counts."""

    resources: list
    page_obj: Page
    paginator: Paginator
    counts: dict  # facet -> {value: resources it gives with the other facets applied}
    messages: list[str]  # about the page number asked for
    other_libraries: list


def library_options_get(*, library, locales=None) -> LibraryOptions:
    """The kinds, terms and partners a library's facets offer."""
    locales = locales or locales_active_and_default()
    return LibraryOptions(
        kinds=library.kinds,
        topics=term_list(Topic, locales),
        sectors=term_list(Sector, locales),
        stages=term_list(BusinessStage, locales),
        # The library's resources are public, and so are their partners.
        partners=partner_list_by_path(public_only=True),
    )


def library_get(*, library, filters: dict, options: LibraryOptions, locales=None) -> LibraryPage:
    """A library's resources filtered and sorted by `filters` (LibraryFilterForm.valid_filters), one page of them."""
    wanted = _wanted(filters)
    terms = {"topic": options.topics, "sector": options.sectors, "stage": options.stages}
    active, default = locales or locales_active_and_default()
    # Every resource's facets are the same for every visitor in a language: kept until content changes.
    # Keyed by the kinds listed, not the page, so a preview of another kind group gets its own rows.
    rows = page_cache_get_or_set(
        f"library-facets:{','.join(sorted(library.kinds))}:{active.pk}:{default.pk}",
        lambda: _facet_rows(resource_public_list(library.kinds, (active, default)), options.partners),
    )
    counts = _facet_counts(rows, wanted, terms)
    matching = [pk for pk, facets in rows.items() if all(value in facets[name] for name, value in wanted.items())]

    resources = _cards(ResourcePage.objects.filter(pk__in=matching).order_by(*filters["sort"]))
    messages = []
    paginator = Paginator(resources, LIBRARY_PAGE_SIZE)
    paginator.count = len(matching)  # known already: no COUNT query
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    resource_list = list(page_obj.object_list)
    for resource in resource_list:
        resource.partner = page_partner_get(resource, options.partners)
    return LibraryPage(
        resources=resource_list,
        page_obj=page_obj,
        paginator=paginator,
        counts=counts,
        messages=messages,
        other_libraries=page_cache_get_or_set(
            f"other-libraries:{library.pk}",
            lambda: list(
                pages_public(LibraryIndexPage.objects.live())
                .filter(locale_id=library.locale_id)
                .exclude(pk=library.pk)
                .order_by("title")
            ),
        ),
    )


def _attachments(resource: ResourcePage) -> list:
    """The resource's documents in order, saved or held in memory by a preview (one query)."""
    rows = resource.attachments.all()
    if not isinstance(rows, FakeQuerySet):
        return list(rows.select_related("document").order_by("sort_order"))
    documents = get_document_model().objects.in_bulk([row.document_id for row in rows if row.document_id])
    attachments = []
    for row in rows:
        if row.document_id in documents:
            row.document = documents[row.document_id]
            attachments.append(row)
    return attachments


@dataclass
class ResourceDetail:
    """What a resource page shows beside its own fields."""

    attachments: list
    topics: list
    sectors: list
    stages: list
    partner: object  # the PartnerPage above the resource, or None
    related_courses: list
    related_resource_list: list
    is_saved: bool


def resource_detail_get(*, resource: ResourcePage, user) -> ResourceDetail:
    """Attachments, taxonomy, partner, related courses and resources, and whether the learner saved it.

    `resource` may be a preview, a draft or a revision: its relations are then held in memory,
    and only live, public pages among them are shown.
    """
    saved = (
        user.is_authenticated
        and ReadingListItem.objects.filter(user=user, resource_key=resource.translation_key).exists()
    )
    return ResourceDetail(
        attachments=_attachments(resource),
        topics=list(resource.topics.all()),
        sectors=list(resource.sectors.all()),
        stages=list(resource.stages.all()),
        partner=page_partner_get(resource, partner_list_by_path()),
        related_courses=list(
            pages_public(CoursePage.objects.live())
            .filter(pk__in=related_ids(resource.related_courses))
            .order_by("title")
        ),
        related_resource_list=list(
            pages_public(ResourcePage.objects.live())
            .filter(pk__in=related_ids(resource.related_resources))
            .order_by("title")
        ),
        is_saved=bool(saved),
    )


def partner_resource_list(partner_page, locale=None) -> list:
    """A partner's live, public resources (in `locale` if given), newest first, as cards."""
    resources = pages_public(ResourcePage.objects.live()).descendant_of(partner_page)
    if locale is not None:
        resources = resources.filter(locale=locale)
    resources = list(_cards(resources.order_by("-publication_date", "pk")))
    for resource in resources:
        resource.partner = partner_page
    return resources


def feed_item_list(*, library, limit=20) -> list:
    """The newest live, public resources of a library's kinds, for its RSS and Atom feeds."""
    partners = partner_list_by_path()
    items = list(resource_public_list(library.kinds).order_by("-publication_date", "-first_published_at", "pk")[:limit])
    for item in items:
        item.partner = page_partner_get(item, partners)
    return items


# --- Reading list ---------------------------------------------------------------------


def reading_list_get(*, user) -> list:
    """The learner's saved resources that are still live and public, in their language where translated."""
    keys = list(ReadingListItem.objects.filter(user=user).order_by("-saved_at").values_list("resource_key", flat=True))
    if not keys:
        return []
    localized = one_per_key_active_first(ResourcePage.objects.live().public().filter(translation_key__in=keys))
    return [localized[key] for key in keys if key in localized]


def reading_list_export_list(user) -> list:
    """Every resource on the learner's reading list, live or not, for their data export."""
    items = ReadingListItem.objects.filter(user=user).select_related("resource").order_by("saved_at", "pk")
    return [
        {
            "resource": item.resource.title,
            "resource_key": str(item.resource_key),
            "saved_at": item.saved_at.isoformat(),
        }
        for item in items
    ]
