"""What a visitor sees: the home page, content pages, the chrome around them, error pages."""

import gzip
import re

import pytest
from django.urls import reverse

from home.models import FooterText, MenuPlace
from tests.builders import make_menu, make_standard_page
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_hero_inside_landmarks(client, home):
    html = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert html.count("<h1") == 1 and "Learn what your business needs next" in html
    for landmark in ("<header", '<main id="main"', "<footer"):
        assert landmark in html


@pytest.mark.parametrize("prefix,lang,direction", [("/fr/", "fr", "ltr"), ("/ar/", "ar", "rtl"), ("/ka/", "ka", "ltr")])
def test_each_language_sets_lang_and_direction(client, home, prefix, lang, direction):
    response = client.get(prefix)
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


def test_language_switcher_offers_every_language_without_javascript(client, home):
    about = make_standard_page(home, title="About us", slug="about")
    html = client.get(about.url).content.decode()
    switcher = re.search(r'<details class="language-switcher">.*?</details>', html, re.S).group(0)
    for code in ("en", "fr", "es", "ar", "ru", "zh-hans", "tr", "ka"):
        assert f'name="language" value="{code}" lang="{code}"' in switcher
    assert 'value="en" lang="en" aria-current="true"' in switcher
    assert '<form method="post" action="/language/"' in switcher and 'name="next" value="/about/"' in switcher
    assert "<script" not in html


def test_main_and_footer_menus_show_live_pages_only(client, home):
    about = make_standard_page(home, title="About us", slug="about")
    contact = make_standard_page(home, title="Contact", slug="contact")
    draft = make_standard_page(home, title="Secret plans", slug="secret")
    draft.unpublish()
    make_menu(MenuPlace.MAIN, [about, draft])
    make_menu(MenuPlace.FOOTER, [contact])
    FooterText.objects.create(body="<p>Run by the SME Organisation</p>")

    html = client.get(about.url).content.decode()
    main_nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert '<a href="/about/" aria-current="page">About us</a>' in main_nav
    assert "Secret plans" not in html
    assert 'href="/contact/"' in html and "Run by the SME Organisation" in html


def test_menus_show_translated_titles_in_another_language(client, home):
    from wagtail.models import Locale

    about = make_standard_page(home, title="About us", slug="about")
    make_menu(MenuPlace.MAIN, [about])
    french = Locale.objects.create(language_code="fr")
    home_fr = home.copy_for_translation(french)
    home_fr.save_revision().publish()
    about_fr = about.copy_for_translation(french)
    about_fr.title = "À propos"
    about_fr.slug = "a-propos"
    about_fr.save_revision().publish()

    html = client.get("/fr/").content.decode()
    assert '<a href="/fr/a-propos/">À propos</a>' in html


HOME_QUERIES = 0  # the route, the chrome and the sections (hero and blocks) all come from the cache (issue 16)


def test_home_page_query_count_does_not_grow_with_featured_pages(client, home):
    def feature(count):
        pages = [make_standard_page(home) for _ in range(count)]
        home.body = [("featured_pages", {"heading": "Start here", "intro": "", "pages": pages, "more_link": {}})]
        home.save_revision().publish()
        return pages

    feature(3)
    before, after = assert_flat(client, "/", lambda: feature(12), ceiling=HOME_QUERIES)
    assert before.count('class="card"') == 3
    assert after.count('class="card"') == 12


# Measured with a program, courses and standard pages, logos and links (issue 16): Wagtail loads the
# chosen pages and images once per kind of block, then the cards' specific pages and the pictures.
SECTIONS_QUERIES = 15


def test_home_sections_render_in_fixed_queries_whatever_their_number_and_mix(home):
    """The hero and sections are rendered once per revision and language (then kept): even that
    render runs the same few queries however many cards, logos and links the page shows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.builders import make_course, make_course_index, make_image, make_program, make_program_index

    courses = make_course_index(home)
    programs = make_program_index(home)

    def build(count):
        pages = []
        for _ in range(count):
            pages.append(make_standard_page(home, image=make_image()))
            pages.append(make_course(courses, lessons=1, cover_image=make_image()))
        pages.append(make_program(programs, courses=pages[1::2][:2], image=make_image()))
        link = {"page": pages[0], "url": "", "label": ""}
        home.hero_image = make_image()
        home.hero_link = pages[1]
        home.body = [
            ("featured_pages", {"heading": "Start here", "intro": "", "pages": pages[:6], "more_link": link}),
            ("featured_pages", {"heading": "More", "intro": "", "pages": pages[6:11] + pages[-1:], "more_link": {}}),
            (
                "partners",
                {
                    "heading": "With",
                    "intro": "",
                    "partners": [
                        {"name": f"Partner {n}", "logo": make_image(), "link": {"page": page, "url": "", "label": ""}}
                        for n, page in enumerate(pages[: count * 2])
                    ],
                },
            ),
            ("call_to_action", {"title": "Join", "text": "", "link": {"page": pages[-1], "url": "", "label": ""}}),
        ]
        home.save_revision().publish()
        type(home).objects.get(pk=home.pk).sections_render()  # renditions are made once, by the first render
        page = type(home).objects.get(pk=home.pk)
        with CaptureQueriesContext(connection) as queries:
            html = page.sections_render()
        return len(queries), html

    few, html_few = build(2)
    many, html_many = build(6)
    print(f"\n[queries] home sections: {few} with 6 cards and 4 logos, {many} with 12 cards and 12 logos")
    assert few == many <= SECTIONS_QUERIES
    assert html_few.count('class="card"') == 6 and html_many.count('class="card"') == 12
    assert html_many.count("<img") >= 12 + 12 + 1  # the cards', the logos' and the hero's pictures


def test_home_page_in_the_cache_changes_with_a_publish(client, home):
    home.hero_title = "First words"
    home.save_revision().publish()
    assert "First words" in client.get("/").content.decode()
    home.hero_title = "Second words"
    home.save_revision().publish()
    assert "Second words" in client.get("/").content.decode()


def test_featured_cards_leave_out_drafts_and_private_pages(client, home):
    from wagtail.models import PageViewRestriction

    shown = make_standard_page(home, title="Open to all")
    draft = make_standard_page(home, title="Not ready")
    draft.unpublish()
    private = make_standard_page(home, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    home.body = [
        ("featured_pages", {"heading": "Start here", "intro": "", "pages": [shown, draft, private], "more_link": {}})
    ]
    home.save_revision().publish()

    html = client.get("/").content.decode()
    assert "Open to all" in html
    assert "Not ready" not in html and "Members only" not in html


def test_unknown_address_gets_the_sites_404_page(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html and 'href="/"' in html
    assert "Traceback" not in html


def test_404_page_speaks_the_visitors_language(client, home):
    response = client.get("/fr/page-inexistante/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html


def test_server_error_page_matches_the_site_and_hides_the_error(client, settings):
    settings.ROOT_URLCONF = "tests.error_urls"
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "site.css" in html
    assert "secret-internal-detail" not in html and "Traceback" not in html


def test_expired_form_gets_a_clear_403_page(home):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()


def test_a_forged_host_gets_the_400_page(client, home):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_healthz_answers_ok(client):
    response = client.get("/healthz/")
    assert response.status_code == 200 and response.content == b"ok"


def test_home_page_html_css_and_js_stay_under_30_kb_compressed(client, home):
    """A guard for the budget; scripts/page_weight.py measures the real transfer in Chromium."""
    html = client.get("/").content
    total = len(gzip.compress(html))
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    assert assets, "the page links its stylesheet"
    for url in assets:
        response = client.get(url.decode())
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    assert total < 30 * 1024, f"{total} bytes"


def test_untranslated_content_keeps_its_own_language_and_direction(client, home):
    about = make_standard_page(home, title="About us", slug="about")
    html = client.get("/ar/about/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<main id="main" tabindex="-1" class="" lang="en" dir="ltr">' in html
    assert about.title in html
