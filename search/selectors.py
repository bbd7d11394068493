"""Site search: live, public pages of the searched types, in the visitor's language.

A search runs a fixed number of queries, whatever the number of hits.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from base.locales import in_locale_or_default
from base.pagination import page_or_last
from courses.models import CoursePage, LessonPage, TrainingProgramPage
from library.models import ResourcePage
from news.models import NewsPage
from partners.models import PartnerPage
from partners.selectors import page_partner_get, partner_list_by_path
from projects.models import ProjectPage

SEARCH_PAGE_SIZE = 10
MAX_TERMS = 12
_WORD = re.compile(r"\w+")


@dataclass
class SearchHit:
    page: Page
    type: str
    summary: str
    partner: PartnerPage | None


@dataclass
class SearchResults:
    hits: list[SearchHit] = field(default_factory=list)
    page_obj: PaginatorPage | None = None
    paginator: Paginator | None = None
    query_string: str = ""


def search_type_list() -> list:
    """The page types search covers, each with the label shown beside a hit, in display order."""
    return [
        (CoursePage, gettext_lazy("Course")),
        (TrainingProgramPage, gettext_lazy("Training program")),
        (LessonPage, gettext_lazy("Lesson")),
        (ResourcePage, gettext_lazy("Resource")),
        (NewsPage, gettext_lazy("News")),
        (ProjectPage, gettext_lazy("Programme")),
        (PartnerPage, gettext_lazy("Partner")),
    ]


def _searchable_pages():
    """Live, public pages of the searched types in the active language, plus untranslated default-language ones."""
    models = [model for model, _label in search_type_list()]
    return in_locale_or_default(Page.objects.live().public().type(*models), for_search=True)


def search_term_list(query: str) -> list:
    """The query's words, lower-cased: no quotes, operators or syntax ever reach the search backend."""
    return _WORD.findall(query.casefold())[:MAX_TERMS]


def search_results_get(*, query: str, page_number: int, messages: list) -> SearchResults:
    """A page of hits for the query's words, each labelled with its type; a message when the page is past the end."""
    terms = search_term_list(query)
    if not terms:
        return SearchResults(paginator=Paginator([], SEARCH_PAGE_SIZE))
    results = _searchable_pages().search(" ".join(terms), operator="and")
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    page_obj = page_or_last(paginator, page_number, messages)
    ids = [page.pk for page in page_obj.object_list]
    labels = dict(search_type_list())
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific().select_related("locale")}
    partners = partner_list_by_path()
    hits = [
        SearchHit(
            page=page,
            type=labels.get(type(page), ""),
            # Only public text: a lesson shows its public summary, never its body.
            summary=getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description,
            partner=None if isinstance(page, PartnerPage) else page_partner_get(page, partners),
        )
        for pk in ids
        if (page := specific.get(pk)) is not None
    ]
    return SearchResults(hits=hits, page_obj=page_obj, paginator=paginator, query_string=urlencode({"q": query}))
