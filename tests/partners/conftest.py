import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from partners import services
from partners.models import PartnerIndexPage
from tests.factories import PASSWORD, give_totp, publish


def make_admin_user(*, email, superuser=False, groups=(), password=PASSWORD):
    """Every admin user of these tests comes from here (staff, editors, partner editors)."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = create(email=email, password=password)
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    else:
        user.set_password(password)
        user.save()
    user.groups.add(*groups)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        give_totp(user)  # the admin requires two-factor authentication (ADMIN_REQUIRE_MFA)
    return user


def make_editor(email="editor@example.org"):
    return make_admin_user(email=email, groups=[services.editors_group_ensure()])


def make_partner_index(home):
    index = PartnerIndexPage(title="Academic partners", slug="partners", intro="Our partners.")
    home.add_child(instance=index)
    return publish(index)


def onboard(name, *, email, country="", kind="university", live=True):
    """Onboard a partner and return (partner page, its first editor with a known password)."""
    result = services.partner_onboard(name=name, email=email, country=country, kind=kind)
    editor = make_admin_user(email=email, groups=[result.team.group])
    partner = result.partner
    if live:
        publish(partner)
    return partner, editor


@pytest.fixture
def partner_index(home):
    return make_partner_index(home)
