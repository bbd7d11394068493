import json
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision, Site

from courses.models import CoursePage
from demo.loader import DATA_DIR
from demo.schema import data_read
from home.models import HomePage, NavigationMenu
from network.models import NetworkApplication
from newsletter.models import NewsletterIssuePage, NewsletterSend
from opportunities.models import Interest

ADMIN_EMAIL = data_read(DATA_DIR / "accounts.yaml", DATA_DIR)["admin"]["email"]


@pytest.fixture
def load_demo(tmp_path, django_capture_on_commit_callbacks):
    """Run load_demo_content as `manage.py` would (commit hooks included); returns its output."""
    logins_file = tmp_path / "demo-logins.json"

    def load():
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            # English and one translation: every language at once is tests/test_demo_languages.py's.
            call_command("load_demo_content", logins_file=logins_file, languages=("fr",), stdout=out)
        return out.getvalue()

    load.logins_file = logins_file
    return load


def _row_counts():
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _media_files():
    return sorted(str(path) for path in settings.MEDIA_ROOT.rglob("*") if path.is_file())


class _NavLinks(HTMLParser):
    """Hrefs of the links inside each labelled <nav> of a page."""

    def __init__(self):
        super().__init__()
        self.links = {}
        self._nav = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav":
            self._nav = attrs.get("aria-label")
        elif tag == "a" and self._nav:
            self.links.setdefault(self._nav, []).append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._nav = None


def _nav_links(html) -> dict:
    parser = _NavLinks()
    parser.feed(html)
    return parser.links


@pytest.mark.django_db
def test_second_run_changes_nothing_and_both_show_the_admin_login(load_demo):
    first = load_demo()
    counts = _row_counts()
    pages = list(Page.objects.values_list("pk", "latest_revision_id", "live_revision_id", "last_published_at"))
    menus = list(NavigationMenu.objects.values_list("pk", "items"))
    revisions = Revision.objects.count()
    files = _media_files()
    logins = load_demo.logins_file.read_text()

    output = load_demo()

    assert _row_counts() == counts
    assert Revision.objects.count() == revisions
    assert list(Page.objects.values_list("pk", "latest_revision_id", "live_revision_id", "last_published_at")) == pages
    assert list(NavigationMenu.objects.values_list("pk", "items")) == menus
    assert _media_files() == files
    assert load_demo.logins_file.read_text() == logins
    assert "nothing changed" in output
    password = json.loads(logins)[ADMIN_EMAIL]["password"]
    for run in (first, output):
        assert ADMIN_EMAIL in run
        assert f"password: {password}" in run


@pytest.fixture
def loaded_demo(load_demo, settings):
    """The demo loaded once, as `make run` loads it for the local demo (admin MFA off); its output."""
    settings.ADMIN_REQUIRE_MFA = False
    return load_demo()


# One load serves the checks of what a fresh load gives (each load takes seconds): the site and
# its home page, the home page's content, its navigation, and the admin login it prints.
@pytest.mark.django_db
def test_a_fresh_load_gives_the_home_page_its_navigation_and_the_admin_login(client, load_demo, loaded_demo):
    # The welcome page is replaced by the home page.
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert (site.hostname, site.port, site.site_name) == ("localhost", 80, "SME Academy")
    # Besides the home page, only its translations (the home pages of demo/<lang>/) sit under the root.
    assert not Page.objects.filter(depth=2).exclude(translation_key=site.root_page.translation_key).exists()
    demo_titles = set(get_image_model().objects.filter(collection__name="Demo content").values_list("title", flat=True))
    images = data_read(DATA_DIR / "en" / "images.yaml", DATA_DIR)
    assert {image["title"] for image in images.values()} <= demo_titles

    # The home page shows its hero and the main navigation.
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Learn what your business needs next, one short lesson at a time" in html
    for label in ["How it works", "For partners", "About us", "Contact"]:
        assert f">{label}</a>" in html
    assert "Our academic partners" in html
    assert "Lotus Bay University" in html

    # Every navigation link opens a page with one heading.
    links = _nav_links(html)
    assert len(links["Main"]) == 8  # four from the home step, three learning sections, know-how
    # four from the home step, the two libraries, the opportunities, news, programmes and events
    assert len(links["Footer"]) == 10
    for url in links["Main"] + links["Footer"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1, url

    # The opportunities board lists the demo members' twelve posts, two of them closed; one answer accepted.
    board = client.get("/opportunities/").content.decode()
    assert "12 opportunities" in board
    assert "Export partner for hand-stitched leather bags" in board
    assert "Fournisseur de teintures végétales" in board and 'lang="fr"' in board
    assert "2 opportunities" in client.get("/opportunities/", {"state": "closed"}).content.decode()
    assert Interest.objects.filter(status="accepted").count() == 1
    assert "fatima.benali@example.org" not in board
    # The newsletter: an archive with one issue listing demo courses and resources, in English and
    # French; loading it sends nothing.
    issue = NewsletterIssuePage.objects.get(locale__language_code="en")
    html = client.get(issue.get_parent().url).content.decode()
    assert issue.title in html
    html = client.get(issue.url).content.decode()
    assert html.count('<article class="card">') == 5 and "Price your products so they pay" in html
    french = NewsletterIssuePage.objects.get(locale__language_code="fr", translation_key=issue.translation_key)
    assert client.get(french.url).status_code == 200
    assert not NewsletterSend.objects.exists()
    assert not [message for message in mail.outbox if issue.title in message.subject]
    # News (one from a partner, approved in review, one cross-post) and the two programmes with their news.
    news = client.get("/news/").content.decode()
    assert "6 articles" in news and "Riverbend opens a clinic for craft workshops" in news
    assert "First in Trade and Development Review (demo)" in news
    programmes = client.get("/programmes/").content.decode()
    assert "2 programmes" in programmes
    georgia = client.get("/programmes/georgia-sme-programme/").content.decode()
    assert (
        "The SME programme for Georgia opens in six regions" in georgia
        and "Keep simple books and watch your cash" in georgia
    )

    # The admin logs in with the password from the logins file the load printed it to.
    assert "Two-factor authentication for the admin is OFF (ADMIN_REQUIRE_MFA=0)" in loaded_demo
    password = json.loads(load_demo.logins_file.read_text())[ADMIN_EMAIL]["password"]
    response = client.post(reverse("account_login"), {"login": ADMIN_EMAIL, "password": password})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    # The network (issue 19): five experts listed and attached to courses, two applications waiting.
    network = data_read(DATA_DIR / "network.yaml", DATA_DIR)
    directory = client.get("/network/experts/").content.decode()
    assert all(expert["public_name"] in directory for expert in network["experts"])
    assert NetworkApplication.objects.filter(status="pending").count() == len(network["applications"]) == 2
    course = CoursePage.objects.get(slug="get-ready-to-export", locale__language_code="en")
    assert "Amina Njeri" in client.get(course.url).content.decode()


@pytest.mark.django_db
def test_existing_admin_password_is_not_reset_without_the_logins_file(load_demo):
    load_demo()
    load_demo.logins_file.unlink()

    output = load_demo()

    assert f"changepassword {ADMIN_EMAIL}" in output
    assert not load_demo.logins_file.exists()


@pytest.mark.django_db
def test_loads_into_a_database_without_tree_root_or_locale(client, load_demo):
    Site.objects.all().delete()
    Page.objects.all().delete()
    Collection.objects.all().delete()
    Locale.objects.all().delete()

    load_demo()

    assert client.get("/").status_code == 200
    homes = Page.objects.get(depth=1).get_children()
    assert {home.specific_class for home in homes} == {HomePage}
    assert homes.values("translation_key").distinct().count() == 1


@pytest.mark.django_db
def test_the_demo_events_are_listed_upcoming_first_with_a_nearly_full_forum_and_a_past_one_with_materials(
    client, loaded_demo
):
    from events.models import EventIndexPage, EventPage, EventRegistration

    index = EventIndexPage.objects.get(locale__language_code="en")
    html = client.get(index.url).content.decode()
    assert (
        html.index("Office hours: your export documents, checked")
        < html.index("Online forum: SME finance after a crisis")
        < html.index("Past events")
        < html.index("Cross-border e-commerce forum")
    )
    online = EventPage.objects.get(slug="sme-finance-forum-online", locale__language_code="en")
    assert online.starts_at > online.first_published_at  # dated from the day of the load
    assert EventRegistration.objects.filter(event_key=online.translation_key).count() == 2
    assert "1 seat left" in client.get(online.url).content.decode()
    past = EventPage.objects.get(slug="cross-border-e-commerce-forum", locale__language_code="en")
    assert "Recording of the forum (video)" in client.get(past.url).content.decode()
    # A partner's event appears in the listing from the partner's own section.
    assert (
        EventPage.objects.get(slug="export-documents-office-hours").get_parent().specific_class.__name__
        == "PartnerPage"
    )
    french = past.get_translation(Locale.objects.get(language_code="fr"))
    assert "Enregistrement du forum (vidéo)" in client.get(french.url).content.decode()
