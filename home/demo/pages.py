"""The home step: the home page and its standard pages, the default site, menus and footer text."""

from django.conf import settings
from django.core.management.base import CommandError
from wagtail.blocks import StreamValue
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.demo import DemoRun, content
from home.demo.images import demo_images_load
from home.models import FooterText, HomePage, NavigationMenu, StandardPage

SITE_NAME = "SME Academy"
SITE_HOSTNAME = "localhost"
SITE_PORT = 80
# The home page takes Wagtail's "home" slug when the welcome page can go; otherwise the second.
HOME_SLUGS = ("home", "sme-academy")


def home_load(run: DemoRun) -> None:
    """Add whatever is missing of the home page, its pages, the default site, menus and footer text."""
    locale = default_locale_get(run)
    root = tree_root_get(run, locale=locale)
    images = demo_images_load(run, content.IMAGES)
    home, home_is_new = home_page_get_or_add(run, root=root, locale=locale, images=images)

    pages = {None: home}
    new_pages = [(home, content.HOME)] if home_is_new else []
    for spec in content.STANDARD_PAGES:
        page = home.get_children().filter(slug=spec["slug"]).specific().first()
        if page is None:
            page = StandardPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                image=images[spec["image"].key] if spec["image"] else None,
                owner=run.editor,
                live=False,
            )
            home.add_child(instance=page)
            new_pages.append((page, spec))
        pages[spec["slug"]] = page

    # Pages are added as drafts first so that each can link to any other; each new page
    # then gets its body and one published revision, as if an editor pressed Publish.
    refs = _Refs(pages=pages, images=images)
    for page, spec in new_pages:
        if isinstance(page, HomePage):
            page.hero_link = pages[spec["hero_link"].slug]
        page.body = stream_build(type(page), "body", refs.resolve(spec["body"]))
        revision = page.save_revision(user=run.editor, log_action=True)
        revision.publish(user=run.editor)
        run.added(f"page {page.title!r} ({page.url_path})")

    default_site_load(run, home=home)
    menus_load(run, locale=locale, refs=refs)
    footer_text_load(run, locale=locale)


def default_locale_get(run: DemoRun) -> Locale:
    """The locale of LANGUAGE_CODE, created if a flushed database lost it."""
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, created = Locale.objects.get_or_create(language_code=code)
    if created:
        run.added(f"locale {code!r}")
    return locale


def tree_root_get(run: DemoRun, *, locale: Locale) -> Page:
    """The page tree's root, created if a flushed database lost it."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
        run.added("page tree root")
    return root


def home_page_get_or_add(run: DemoRun, *, root: Page, locale: Locale, images: dict) -> tuple[HomePage, bool]:
    """The demo's HomePage under the root, added as a draft if missing; True when it is new."""
    welcome = root.get_children().filter(slug=HOME_SLUGS[0]).first()
    if welcome is not None and welcome.specific_class is Page and welcome.numchild == 0:
        # Wagtail's "Welcome to your new Wagtail site!" placeholder: nothing hangs off it.
        # Its Site goes with it (on_delete=CASCADE); default_site_load makes a new one.
        welcome.delete()
        run.note("Deleted Wagtail's empty welcome page; the demo home page takes its place.")

    for slug in HOME_SLUGS:
        page = root.get_children().filter(slug=slug).specific().first()
        if isinstance(page, HomePage):
            return page, False
        if page is None:
            break
    else:
        raise CommandError(
            f"The slugs {', '.join(HOME_SLUGS)} under the tree root are taken by other pages; "
            "rename one of them to load the demo home page."
        )

    spec = content.HOME
    home = HomePage(
        title=spec["title"],
        slug=slug,
        locale=locale,
        hero_title=spec["hero_title"],
        hero_text=spec["hero_text"],
        hero_image=images[spec["hero_image"].key],
        hero_link_label=spec["hero_link_label"],
        search_description=spec["search_description"],
        owner=run.editor,
        live=False,
    )
    root.add_child(instance=home)
    return home, True


def default_site_load(run: DemoRun, *, home: HomePage) -> None:
    """Point the default site at the home page when there is none or it shows a placeholder page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        site = Site.objects.filter(hostname=SITE_HOSTNAME, port=SITE_PORT).select_related("root_page").first()
    if site is None:
        site = Site(hostname=SITE_HOSTNAME, port=SITE_PORT, site_name=SITE_NAME, is_default_site=True)
    elif site.root_page_id == home.pk:
        return
    elif site.root_page.specific_class is not Page:
        # Someone chose this site's root page; leave it and say how to see the demo.
        run.note(
            f"The default site shows {site.root_page.title!r}, not the demo home page {home.title!r}; "
            "change it under Settings > Sites to see the demo."
        )
        return
    site.root_page = home
    site.site_name = site.site_name or SITE_NAME
    site.is_default_site = True
    site.full_clean()
    site.save()
    run.added(f"site {site.hostname}:{site.port} showing {home.title!r}")


def menus_load(run: DemoRun, *, locale: Locale, refs) -> None:
    """The main and footer menus of the default locale, each only if that place has none yet."""
    for place, links in content.MENUS.items():
        if NavigationMenu.objects.filter(place=place, locale=locale).exists():
            continue
        raw = [{"type": "link", "value": refs.resolve(link)} for link in links]
        menu = NavigationMenu(place=place, locale=locale, items=stream_build(NavigationMenu, "items", raw))
        menu.full_clean()
        menu.save()
        run.added(f"navigation menu {place!r}")


def footer_text_load(run: DemoRun, *, locale: Locale) -> None:
    """The footer text of the default locale, only if it has none yet."""
    if FooterText.objects.filter(locale=locale).exists():
        return
    footer = FooterText(locale=locale, body=content.FOOTER_TEXT)
    footer.full_clean()
    footer.save()
    run.added("footer text")


def stream_build(model, field_name: str, raw: list) -> StreamValue:
    """A StreamField value from raw block data, validated by the blocks as the editor's form would."""
    block = model._meta.get_field(field_name).stream_block
    return block.clean(block.to_python(raw))


class _Refs:
    """Swaps content.PageRef and content.ImageRef in raw block data for the ids they stand for."""

    def __init__(self, *, pages: dict, images: dict):
        self.pages = pages
        self.images = images

    def resolve(self, data):
        if isinstance(data, content.PageRef):
            return self.pages[data.slug].pk
        if isinstance(data, content.ImageRef):
            return self.images[data.key].pk
        if isinstance(data, dict):
            return {key: self.resolve(value) for key, value in data.items()}
        if isinstance(data, list):
            return [self.resolve(item) for item in data]
        return data
