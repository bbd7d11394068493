"""Partners: the partner list, partner pages, onboarded partners with their editors, site editors."""

from partners import services as partner_services
from partners.models import PartnerIndexPage, PartnerPage
from tests.builders.accounts import make_admin_user
from tests.builders.pages import publish
from tests.builders.unique import unique


def make_partner_index(home, **fields):
    """A published partner list under `home`."""
    index = PartnerIndexPage(
        title=fields.pop("title", "Academic partners"),
        slug=fields.pop("slug", "partners"),
        intro=fields.pop("intro", "Our partners."),
        **fields,
    )
    home.add_child(instance=index)
    return publish(index)


def make_partner(parent, *, title=None, **fields):
    """A published partner page under `parent`: a partner list, or a home page (its list is made if missing)."""
    n = unique()
    index = parent if isinstance(parent, PartnerIndexPage) else PartnerIndexPage.objects.child_of(parent).first()
    if index is None:
        index = make_partner_index(parent, title="Partners", slug=f"partners-{n}", intro="")
    partner = PartnerPage(title=title or f"Partner {n}", slug=fields.pop("slug", f"partner-{n}"), **fields)
    index.add_child(instance=partner)
    return publish(partner)


def make_editor(email="editor@example.org"):
    """A site editor (the editors group), with an authenticator."""
    return make_admin_user(email=email, groups=[partner_services.editors_group_ensure()])


def onboard(name, *, email, country="", kind="university", live=True):
    """Onboard a partner and return (partner page, its first editor with a known password)."""
    result = partner_services.partner_onboard(name=name, email=email, country=country, kind=kind)
    editor = make_admin_user(email=email, groups=[result.team.group])
    partner = result.partner
    if live:
        publish(partner)
    return partner, editor
