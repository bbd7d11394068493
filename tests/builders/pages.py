"""The page tree and its media: the site root, the home page, standard pages, menus, images, documents."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from home.models import HomePage, NavigationMenu, StandardPage
from tests.builders.unique import unique


def site_root():
    """The tree's root, created if a transactional test flushed it away."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return root


def root_collection():
    """The root collection, created if a transactional test flushed it away (a migration made it)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_home(**fields):
    """A published HomePage that is the default site's root (replacing Wagtail's welcome page)."""
    n = unique()
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
    n = unique()
    page = StandardPage(
        title=fields.pop("title", f"Page {n}"),
        slug=fields.pop("slug", f"page-{n}"),
        intro=fields.pop("intro", "An introduction."),
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


def make_private(page):
    """Restrict a page to logged-in users (a Wagtail view restriction)."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def make_menu(place, pages, locale=None):
    """A navigation menu (header or footer) linking `pages`, in `locale` or the default one."""
    menu = NavigationMenu(place=place, items=[("link", {"page": page, "url": "", "label": ""}) for page in pages])
    if locale:
        menu.locale = locale
    menu.save()
    return menu


def make_image(title=None, color=(11, 93, 75)):
    """A small real PNG as a Wagtail image."""
    n = unique()
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), color).save(buffer, "PNG")
    root_collection()
    return get_image_model().objects.create(title=title or f"Image {n}", file=ImageFile(buffer, name=f"test-{n}.png"))


def make_document(name=None, *, data=b"Quarterly notes", title=None, collection=None):
    """A Wagtail document holding `data` in a file called `name` (its title too, unless given)."""
    name = name or f"notes-{unique()}.txt"
    fields = {"collection": collection} if collection is not None else {}
    return get_document_model().objects.create(title=title or name, file=ContentFile(data, name=name), **fields)
