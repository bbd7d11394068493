"""Who is a partner editor, and what the admin shows them beyond Wagtail's own permission checks."""

from django.db.models import Q

from partners.models import PartnerIndexPage, PartnerPage, PartnerTeam

ALL_REPORTS_PERMISSION = "partners.view_all_partner_reports"


def is_editor(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(ALL_REPORTS_PERMISSION))


def partner_pages_of(user):
    """The partner pages whose team `user` belongs to, in every locale (their translations too)."""
    keys = PartnerPage.objects.filter(team__group__user=user).values("translation_key")
    return PartnerPage.objects.filter(translation_key__in=keys)


def can_see_partner_reports(user) -> bool:
    return user.is_active and (is_editor(user) or PartnerTeam.objects.filter(group__user=user).exists())


def chooser_pages_for_partner(pages, request):
    """Partner editors choose from their own subtree and live pages outside the partners' section.

    Wagtail's page chooser lists every page, drafts included, to anyone in the admin: for a
    partner, that would show other partners' unpublished work.
    """
    user = request.user
    if is_editor(user):
        return pages
    own = list(partner_pages_of(user).values_list("path", flat=True))
    if not own:
        return pages
    own_q = Q()
    for path in own:
        own_q |= Q(path__startswith=path)
    sections = Q()
    for path, depth in PartnerIndexPage.objects.values_list("path", "depth"):
        sections |= Q(path__startswith=path, depth__gt=depth)
    outside = Q(live=True) & ~sections if sections else Q(live=True)
    return pages.filter(own_q | outside)


def is_partner_only(user) -> bool:
    """A partner editor with no wider role: the guard below applies to them."""
    return user.is_authenticated and not is_editor(user) and PartnerTeam.objects.filter(group__user=user).exists()


class PartnerScope:
    """The pages and collections a partner-only user may touch, for the admin guard."""

    def __init__(self, user):
        teams = list(PartnerTeam.objects.filter(group__user=user).select_related("partner", "collection"))
        # The partner's page in every locale: a translated subtree is theirs too.
        self.page_paths = list(partner_pages_of(user).values_list("path", flat=True))
        self.collection_paths = [team.collection.path for team in teams]
        self.sections = list(PartnerIndexPage.objects.values_list("path", "depth"))

    def page_allowed(self, page) -> bool:
        """Their own subtree and its ancestors, and live pages outside the partners' section.

        Drafts elsewhere (an editor's unpublished page, another partner's anything) are off limits:
        their titles would show on move confirmations, choosers and bulk actions. On what is
        allowed, Wagtail's own permissions still decide.
        """
        if any(page.path.startswith(path) or path.startswith(page.path) for path in self.page_paths):
            return True
        in_sections = any(page.path.startswith(path) and page.depth > depth for path, depth in self.sections)
        return page.live and not in_sections

    def page_owned(self, page) -> bool:
        """In the partner's own subtree, in any locale (not an ancestor): what they may translate."""
        return any(page.path.startswith(path) for path in self.page_paths)

    def locale_open(self, locale_id) -> bool:
        """The partners' list above their page exists in this locale, so a translation lands inside it."""
        value = str(locale_id)
        if not (value.isascii() and value.isdigit() and len(value) < 19):
            return False
        parents = [path[: -PartnerPage.steplen] for path in self.page_paths]
        keys = PartnerIndexPage.objects.filter(path__in=parents).values("translation_key")
        return PartnerIndexPage.objects.filter(locale_id=int(value), translation_key__in=keys).exists()

    def file_allowed(self, item) -> bool:
        """Images and documents: only those in the partner's own collections."""
        path = item.collection.path
        return any(path.startswith(own) for own in self.collection_paths)

    def collection_allowed(self, collection) -> bool:
        return any(collection.path.startswith(own) for own in self.collection_paths)
