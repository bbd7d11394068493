"""Test data builders with unique defaults: make_learner(), make_home(), make_standard_page()."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage

_seq = itertools.count(1)
PASSWORD = "a-long-test-passphrase-42"


def make_learner(*, email=None, password=PASSWORD, verified=True, **extra):
    """A learner who can log in with `password` (email verified unless told otherwise)."""
    n = next(_seq)
    user = get_user_model().objects.create_user(email=email or f"learner{n}@example.org", password=password, **extra)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


def site_root():
    """The tree's root, created if a transactional test flushed it away."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return root


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_home(**fields):
    """A published HomePage that is the default site's root (replacing Wagtail's welcome page)."""
    n = next(_seq)
    root = site_root()
    home = HomePage(
        title=fields.pop("title", "Home"),
        slug=fields.pop("slug", f"home-{n}"),
        hero_title=fields.pop("hero_title", "Learn what your business needs next"),
        **fields,
    )
    root.add_child(instance=home)
    publish(home)
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="SME Academy")
    return home


def make_standard_page(parent, **fields):
    n = next(_seq)
    page = StandardPage(
        title=fields.pop("title", f"Page {n}"),
        slug=fields.pop("slug", f"page-{n}"),
        intro=fields.pop("intro", "An introduction."),
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)
