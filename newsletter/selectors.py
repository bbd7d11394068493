"""Reads for the newsletter: an issue's items, the archive, the recipients of a send."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Q
from wagtail.models import Page

from base.locales import in_locale_or_default
from base.pages import pages_public
from newsletter.models import ISSUES_PER_PAGE, NewsletterIndexPage, NewsletterIssuePage


@dataclass(frozen=True)
class IssueItem:
    title: str
    summary: str
    path: str  # the page's address on its site, with its language prefix
    language: str  # the page's own language (an item may fall back to the default language)
    kind: str  # "Course", "Resource"…: the page type's name


def _raw_items(issue) -> list[tuple[int, str]]:
    """(page id, note) of each item, read from the stream's raw data: no query per chooser."""
    found = []
    for block in issue.items.raw_data:
        value = block.get("value") or {}
        page_id = value.get("page") if isinstance(value, dict) else None
        if isinstance(page_id, Page):  # a preview's unsaved value may hold the page itself
            page_id = page_id.pk
        if isinstance(page_id, int):
            found.append((page_id, (value.get("note") or "").strip()))
    return found


def _summary(page) -> str:
    for name in ("search_description", "card_summary", "intro", "summary"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def issue_items_get(*, issue: NewsletterIssuePage) -> list[IssueItem]:
    """The issue's items that anyone may open, each in the issue's language where it is translated.

    Items point at pages in the language they were chosen in (wagtail-localize keeps page choosers
    as they are in translations): the live translation in the issue's language replaces each. A
    fixed number of queries: two, plus one per page type among the items.
    """
    raw = _raw_items(issue)
    if not raw:
        return []
    ids = [page_id for page_id, _note in raw]
    chosen_keys = Page.objects.filter(pk__in=ids).values("translation_key")
    candidates = pages_public(
        Page.objects.live().filter(Q(pk__in=ids) | Q(translation_key__in=chosen_keys, locale_id=issue.locale_id))
    ).values_list("pk", "translation_key", "locale_id", "locale__language_code")
    by_id, in_issue_language, languages = {}, {}, {}
    for pk, key, locale_id, language in candidates:
        languages[pk] = language
        if pk in ids:
            by_id[pk] = key
        if locale_id == issue.locale_id:
            in_issue_language[key] = pk
    picked = {}
    for page_id in ids:
        if page_id in by_id:
            picked[page_id] = in_issue_language.get(by_id[page_id], page_id)
    pages = {page.pk: page for page in Page.objects.filter(pk__in=set(picked.values())).specific()}
    items = []
    for page_id, note in raw:
        page = pages.get(picked.get(page_id))
        if page is None:
            continue
        parts = page.get_url_parts()
        if parts is None:
            continue
        items.append(
            IssueItem(
                title=page.title,
                summary=note or _summary(page),
                path=parts[2],
                language=languages[page.pk],
                kind=str(page._meta.verbose_name).capitalize(),
            )
        )
    return items


@dataclass(frozen=True)
class Archive:
    issues: list
    page_obj: object
    paginator: Paginator


def archive_get(*, index: NewsletterIndexPage, page_number) -> Archive:
    """The live, public issues in the reader's language (default-language ones not yet translated too), newest first."""
    queryset = in_locale_or_default(pages_public(NewsletterIssuePage.objects.live())).order_by("-issue_date", "-pk")
    paginator = Paginator(queryset.select_related("locale"), ISSUES_PER_PAGE)
    page_obj = paginator.get_page(page_number)
    return Archive(issues=list(page_obj.object_list), page_obj=page_obj, paginator=paginator)


def recipients_filter(queryset):
    """Users who asked for the newsletter and can receive it: active, not deleted, a verified primary address."""
    return queryset.filter(
        is_active=True,
        deleted_at__isnull=True,
        profile__newsletter=True,
        emailaddress__primary=True,
        emailaddress__verified=True,
    )


def recipient_languages_get() -> dict[str, int]:
    """How many opted-in learners read each language ("" for no preference), for the send page."""
    rows = (
        recipients_filter(get_user_model().objects.all())
        .values("profile__preferred_language")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["profile__preferred_language"] or "": row["n"] for row in rows}


def issue_in_language_get(*, issue_key, language: str, fallback: NewsletterIssuePage) -> NewsletterIssuePage:
    """The live issue in `language`, else in the default language, else `fallback`."""
    found = {
        page.locale.language_code: page
        for page in NewsletterIssuePage.objects.live()
        .filter(translation_key=issue_key, locale__language_code__in=[language, settings.LANGUAGE_CODE])
        .select_related("locale")
    }
    return found.get(language) or found.get(settings.LANGUAGE_CODE) or fallback
