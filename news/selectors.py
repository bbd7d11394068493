"""Reads for the news index, a news page, the feeds and the sections news adds to partners and projects.

Each runs a fixed number of queries, whatever the number of news pages.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from wagtail.images import get_image_model

from base.locales import in_locale_or_default, locales_active_and_default, one_per_key_active_first
from base.page_cache import page_cache_get_or_set
from base.pages import pages_public
from base.pagination import page_or_last
from base.relations import related_ids
from news.models import NewsPage
from partners.selectors import page_partner_get, partner_list_by_path, path_partner_get
from projects.models import ProjectPage
from projects.selectors import country_codes
from taxonomy.models import Sector, Topic
from taxonomy.selectors import term_list

NEWS_PAGE_SIZE = 12
RELATED_COUNT = 3
SECTION_COUNT = 6
FEED_COUNT = 20
CARD_RENDITION = "fill-480x270|format-webp"
FACETS = ("kind", "topic", "sector", "country")
NEWEST = ("-date", "-first_published_at", "-pk")


def news_public_list(locales=None):
    """Live, public news pages in the active language, plus default-language ones not yet translated."""
    return in_locale_or_default(pages_public(NewsPage.objects.live()), locales=locales)


def _cards(queryset, partners=None) -> list:
    """News pages as cards: locale, lead image rendition and topics prefetched, `.partner` set."""
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    cards = list(queryset.select_related("locale").prefetch_related(Prefetch("image", queryset=images), "topics"))
    partners = partner_list_by_path() if partners is None else partners
    for card in cards:
        card.partner = page_partner_get(card, partners)
    return cards


def _facet_rows(news) -> dict:
    """One dict per news page with every facet value it has (three queries, any number of pages)."""
    rows = {
        pk: {"kind": {kind}, "country": set(country_codes(countries)), "topic": set(), "sector": set()}
        for pk, kind, countries in news.values_list("pk", "kind", "countries")
    }
    ids = list(rows)
    for name, through, term in (
        ("topic", NewsPage.topics.through, "topic"),
        ("sector", NewsPage.sectors.through, "sector"),
    ):
        for pk, key in through.objects.filter(newspage_id__in=ids).values_list(
            "newspage_id", f"{term}__translation_key"
        ):
            rows[pk][name].add(key)
    return rows


def _wanted(filters: dict) -> dict:
    wanted = {}
    for name in FACETS:
        value = filters.get(name)
        if value in (None, ""):
            continue
        wanted[name] = value.translation_key if name in ("topic", "sector") else value
    return wanted


def _facet_counts(rows, wanted, terms) -> dict:
    """For each facet, how many news pages each value would give, with the other facets applied."""
    counts = {name: {} for name in FACETS}
    for facets in rows.values():
        for name in FACETS:
            if not all(value in facets[other] for other, value in wanted.items() if other != name):
                continue
            for value in facets[name]:
                counts[name][value] = counts[name].get(value, 0) + 1
    for name in ("topic", "sector"):
        counts[name] = {term.slug: counts[name].get(term.translation_key, 0) for term in terms[name]}
    return counts


@dataclass
class NewsOptions:
    """What the news index can be filtered by, in the visitor's language."""

    topics: list
    sectors: list


@dataclass
class NewsIndex:
    """One page of the filtered news, newest first, and the facet counts."""

    news: list
    page_obj: Page
    paginator: Paginator
    counts: dict
    messages: list[str]


def news_options_get(locales=None) -> NewsOptions:
    locales = locales or locales_active_and_default()
    return NewsOptions(topics=term_list(Topic, locales), sectors=term_list(Sector, locales))


def news_matching_ids(*, filters: dict, options: NewsOptions, locales=None) -> tuple[list, dict]:
    """The ids of the news pages `filters` ask for, and the facet counts (no query once cached)."""
    active, default = locales or locales_active_and_default()
    # Every news page's facets are the same for every visitor in a language: kept until content changes.
    rows = page_cache_get_or_set(
        f"news-facets:{active.pk}:{default.pk}", lambda: _facet_rows(news_public_list((active, default)))
    )
    wanted = _wanted(filters)
    counts = _facet_counts(rows, wanted, {"topic": options.topics, "sector": options.sectors})
    matching = [pk for pk, facets in rows.items() if all(value in facets[name] for name, value in wanted.items())]
    return matching, counts


def news_index_get(*, filters: dict, options: NewsOptions, locales=None) -> NewsIndex:
    """The news `filters` (NewsFilterForm.valid_filters) ask for, newest first, one page of them."""
    matching, counts = news_matching_ids(filters=filters, options=options, locales=locales)
    messages = []
    paginator = Paginator(NewsPage.objects.filter(pk__in=matching).order_by(*NEWEST), NEWS_PAGE_SIZE)
    paginator.count = len(matching)  # known already: no COUNT query
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    return NewsIndex(
        news=_cards(page_obj.object_list), page_obj=page_obj, paginator=paginator, counts=counts, messages=messages
    )


@dataclass
class NewsDetail:
    """What a news page shows beside its own fields."""

    topics: list
    sectors: list
    country_list: list
    partner: object  # the PartnerPage above the news page, or None
    news_projects: list
    related_news: list  # newest other news sharing a topic


def news_detail_get(*, news: NewsPage) -> NewsDetail:
    """Taxonomy, partner, programmes and related news of a news page (a preview or a revision too)."""
    topics = list(news.topics.all())
    related = []
    if topics:
        related = _cards(
            news_public_list()
            .filter(topics__translation_key__in=[topic.translation_key for topic in topics])
            .exclude(translation_key=news.translation_key)
            .distinct()
            .order_by(*NEWEST)[:RELATED_COUNT]
        )
    project_keys = ProjectPage.objects.filter(pk__in=related_ids(news.projects)).values("translation_key")
    projects = pages_public(ProjectPage.objects.live()).filter(translation_key__in=project_keys).order_by("title")
    return NewsDetail(
        topics=topics,
        sectors=list(news.sectors.all()),
        country_list=list(news.countries),
        partner=page_partner_get(news, partner_list_by_path()),
        news_projects=list(one_per_key_active_first(projects).values()),
        related_news=related,
    )


def partner_news_list(partner_page) -> list:
    """A partner's newest live, public news (partners.sections), as cards."""
    news = pages_public(NewsPage.objects.live()).descendant_of(partner_page).filter(locale=partner_page.locale_id)
    cards = _cards(news.order_by(*NEWEST)[:SECTION_COUNT], partners=[])
    byline = SimpleNamespace(title=partner_page.title)  # what a card shows; the cards are kept in the cache
    for card in cards:
        card.partner = byline
    return cards


def project_news_list(project) -> list:
    """The newest live, public news naming a project, in the visitor's language where translated (projects.sections)."""
    news = news_public_list().filter(projects__translation_key=project.translation_key).distinct()
    return _cards(news.order_by(*NEWEST)[:SECTION_COUNT])


def feed_item_list(*, filters: dict, options: NewsOptions, limit: int = FEED_COUNT) -> list:
    """The newest news `filters` ask for, for the RSS and Atom feeds of the visitor's language."""
    matching, _counts = news_matching_ids(filters=filters, options=options)
    partners = partner_list_by_path()
    items = list(NewsPage.objects.filter(pk__in=matching).order_by(*NEWEST)[:limit])
    for item in items:
        item.partner = path_partner_get(item.path, partners)
    return items
