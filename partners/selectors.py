"""Reads for the partner list, and which partners' reports a user may read.

Each runs a fixed number of queries, whatever the number of partners, courses or learners.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch
from wagtail.images import get_image_model

from base.page_cache import page_cache_get_or_set
from base.pages import pages_public
from base.pagination import page_or_last
from partners.models import PartnerPage, PartnerTeam

LOGO_RENDITION = "max-240x96"
PARTNER_PAGE_SIZE = 24


def partner_list_by_path(*, public_only: bool = False) -> list:
    """Live partners, longest path first, to find the partner above a page by its path (see page_partner_get).

    The slug is loaded too: the catalog and library filters key partners by slug. Lists of public
    pages ask for `public_only`, so a partner hidden by a view restriction is never offered as a filter.
    """

    def compute():
        partners = PartnerPage.objects.live()
        if public_only:
            partners = pages_public(partners)
        return list(partners.only("id", "title", "slug", "path", "url_path", "locale_id").order_by("-path"))

    # The same for every visitor in every language: kept until content changes.
    return page_cache_get_or_set(f"partners-by-path:{int(public_only)}", compute)


def path_partner_get(path: str, partners) -> PartnerPage | None:
    """The partner whose subtree holds the page at `path`, among `partners` (from partner_list_by_path)."""
    return next((partner for partner in partners if path.startswith(partner.path)), None)


def page_partner_get(page, partners) -> PartnerPage | None:
    """The partner whose subtree holds `page`, among `partners` (from partner_list_by_path)."""
    return path_partner_get(page.path, partners)


@dataclass
class PartnerIndex:
    """A partner list's partners, filtered, one page of them, and how many partners it has in all."""

    partners: list
    total: int
    page_obj: Page
    matching: int
    messages: list


def partner_index_counts_get(*, index) -> dict:
    """How many of the index's live, public partners are in each country and of each type."""
    partners = pages_public(PartnerPage.objects.child_of(index).live())
    return {
        "country": dict(partners.order_by().values_list("country").annotate(n=Count("pk"))),
        "kind": dict(partners.order_by().values_list("kind").annotate(n=Count("pk"))),
    }


def partner_index_get(*, index, filters: dict, counts: dict) -> PartnerIndex:
    """The index's live, public partners in the country and of the type `filters` ask for, with their logos.

    `counts` come from partner_index_counts_get; `filters` from PartnerFilterForm.valid_filters.
    """
    partners = pages_public(PartnerPage.objects.child_of(index).live())
    if country := filters.get("country"):
        partners = partners.filter(country=country)
    if kind := filters.get("kind"):
        partners = partners.filter(kind=kind)
    logos = get_image_model().objects.prefetch_renditions(LOGO_RENDITION)
    partners = partners.prefetch_related(Prefetch("logo", queryset=logos)).order_by("title", "pk")
    messages = []
    paginator = Paginator(partners, PARTNER_PAGE_SIZE)
    # Known already from the counts when at most one filter is set: no COUNT query.
    country, kind = filters.get("country"), filters.get("kind")
    if not (country and kind):
        paginator.count = (
            counts["country"].get(country, 0)
            if country
            else counts["kind"].get(kind, 0)
            if kind
            else sum(counts["country"].values())
        )
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    return PartnerIndex(
        partners=list(page_obj.object_list),
        total=sum(counts["country"].values()),
        page_obj=page_obj,
        matching=paginator.count,
        messages=messages,
    )


def report_partner_list(user) -> list:
    """The partner pages whose report `user` may read: all for editors, their own team's otherwise."""
    if not user.is_active:
        return []
    partners = PartnerPage.objects.all()
    if not (user.is_superuser or user.has_perm("partners.view_all_partner_reports")):
        partners = partners.filter(team__group__in=PartnerTeam.objects.filter(group__user=user).values("group"))
    return list(partners.select_related("locale").order_by("title", "pk"))
