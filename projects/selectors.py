"""Reads for the programme index and a programme's page.

Each runs a fixed number of queries, whatever the number of projects or of what belongs to them.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from wagtail.images import get_image_model

from base.locales import in_locale_or_default, locales_active_and_default, one_per_key_active_first
from base.page_cache import page_cache_get_or_set
from base.pages import pages_public
from base.pagination import page_or_last
from base.relations import related_ids
from courses.models import CoursePage
from library.models import ResourcePage
from partners.models import PartnerPage
from projects.models import ProjectPage
from projects.sections import project_sections_get
from taxonomy.models import Topic
from taxonomy.selectors import term_list

PROJECT_PAGE_SIZE = 12
CARD_RENDITION = "fill-480x270|format-webp"
FACETS = ("status", "country", "region", "topic")


def country_codes(value) -> list[str]:
    """A CountryField(multiple=True) value as read by values_list (a "GE,TR" string) or the model (Country objects)."""
    if not value:
        return []
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    return [getattr(country, "code", country) for country in value]


def project_public_list(locales=None):
    """Live, public projects in the active language, plus default-language ones not yet translated."""
    return in_locale_or_default(pages_public(ProjectPage.objects.live()), locales=locales)


def _facet_rows(projects) -> dict:
    """One dict per project with every facet value it has (two queries, any number of projects)."""
    rows = {
        pk: {
            "status": {status},
            "country": set(country_codes(countries)),
            "region": {region} if region else set(),
            "topic": set(),
        }
        for pk, status, countries, region in projects.values_list("pk", "status", "countries", "region")
    }
    through = ProjectPage.topics.through
    for pk, key in through.objects.filter(projectpage_id__in=list(rows)).values_list(
        "projectpage_id", "topic__translation_key"
    ):
        rows[pk]["topic"].add(key)
    return rows


def _wanted(filters: dict) -> dict:
    wanted = {}
    for name in FACETS:
        value = filters.get(name)
        if value in (None, ""):
            continue
        wanted[name] = value.translation_key if name == "topic" else value
    return wanted


def _facet_counts(rows, wanted, topics) -> dict:
    counts = {name: {} for name in FACETS}
    for facets in rows.values():
        for name in FACETS:
            if not all(value in facets[other] for other, value in wanted.items() if other != name):
                continue
            for value in facets[name]:
                counts[name][value] = counts[name].get(value, 0) + 1
    counts["topic"] = {term.slug: counts["topic"].get(term.translation_key, 0) for term in topics}
    return counts


@dataclass
class ProjectOptions:
    """What the programme index can be filtered by, in the visitor's language."""

    topics: list


@dataclass
class ProjectIndex:
    """One page of the filtered projects, and the facet counts."""

    projects: list
    page_obj: Page
    paginator: Paginator
    counts: dict
    messages: list[str]


def _cards(queryset):
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return queryset.select_related("locale").prefetch_related(Prefetch("image", queryset=images), "topics")


def project_options_get(locales=None) -> ProjectOptions:
    return ProjectOptions(topics=term_list(Topic, locales or locales_active_and_default()))


def project_index_get(*, filters: dict, options: ProjectOptions, locales=None) -> ProjectIndex:
    """The projects `filters` (ProjectFilterForm.valid_filters) ask for, newest start first, one page of them."""
    active, default = locales or locales_active_and_default()
    rows = page_cache_get_or_set(
        f"project-facets:{active.pk}:{default.pk}",
        lambda: _facet_rows(project_public_list((active, default))),
    )
    wanted = _wanted(filters)
    counts = _facet_counts(rows, wanted, options.topics)
    matching = [pk for pk, facets in rows.items() if all(value in facets[name] for name, value in wanted.items())]
    projects = _cards(ProjectPage.objects.filter(pk__in=matching).order_by("-start_date", "title", "pk"))
    messages = []
    paginator = Paginator(projects, PROJECT_PAGE_SIZE)
    paginator.count = len(matching)  # known already: no COUNT query
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    return ProjectIndex(
        projects=list(page_obj.object_list), page_obj=page_obj, paginator=paginator, counts=counts, messages=messages
    )


def _localized(model, relation, order=("title",)) -> list:
    """The live, public pages of a relation, each in the visitor's language where translated (two queries)."""
    keys = model.objects.filter(pk__in=related_ids(relation)).values("translation_key")
    pages = pages_public(model.objects.live()).filter(translation_key__in=keys).order_by(*order, "pk")
    return list(one_per_key_active_first(pages.select_related("locale")).values())


@dataclass
class ProjectDetail:
    """What a project's page shows beside its own fields."""

    topics: list
    country_list: list
    project_partners: list
    project_courses: list
    project_resources: list
    sections: list  # projects.sections: news (and later events) that name the project


def project_detail_get(*, project: ProjectPage) -> ProjectDetail:
    """Themes, partners, courses, resources and the registered sections of a project (preview or live)."""
    return ProjectDetail(
        topics=list(project.topics.all()),
        country_list=list(project.countries),
        project_partners=_localized(PartnerPage, project.partners),
        project_courses=_localized(CoursePage, project.courses),
        project_resources=_localized(ResourcePage, project.resources),
        sections=project_sections_get(project),
    )
