"""The anonymous page cache: who is served from it, what it never holds, and when it is dropped (issue 16)."""

import gzip
import re

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from base.page_cache import GENERATION_KEY, page_cache_bump, page_cache_generation
from courses import services
from home.models import MenuPlace
from tests.builders import (
    course_lessons,
    make_course,
    make_learner,
    make_menu,
    make_standard_page,
    publish,
)

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=2, title="Keep simple books")


def get(client, url, **extra):
    response = client.get(url, **extra)
    response.html = response.content.decode()
    return response


# --- Served from the cache ----------------------------------------------------------------


def test_an_anonymous_second_visit_is_served_from_the_cache_without_the_view(home, django_assert_max_num_queries):
    first = get(Client(), "/")
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=600"

    with django_assert_max_num_queries(0):
        second = get(Client(), "/")

    assert second["X-Cache"] == "hit"
    assert second.html == first.html
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=600"
    assert "Cookie" in second["Vary"]


def test_a_browser_revalidating_an_unchanged_page_gets_a_304(home):
    etag = Client().get("/")["ETag"]

    again = Client().get("/", HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304 and again["X-Cache"] == "hit" and not again.content
    home.hero_title = "A new season of courses"
    publish(home)
    fresh = get(Client(), "/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and "A new season of courses" in fresh.html and fresh["ETag"] != etag


def test_a_hit_is_sent_gzipped_as_stored_to_a_client_that_accepts_gzip(home):
    plain = get(Client(), "/")  # the miss that stores it

    hit = Client().get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert hit["X-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"] and "Cookie" in hit["Vary"]
    assert int(hit["Content-Length"]) == len(hit.content) < len(plain.content)
    assert gzip.decompress(hit.content).decode() == plain.html
    assert hit["ETag"] == f"W/{plain['ETag']}"
    assert Client().get("/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=hit["ETag"]).status_code == 304


def test_a_hit_is_sent_plain_to_a_client_that_does_not_accept_gzip(home):
    first = Client().get("/", HTTP_ACCEPT_ENCODING="gzip")  # stored from a gzip client's miss

    for accepted in ({}, {"HTTP_ACCEPT_ENCODING": "identity"}, {"HTTP_ACCEPT_ENCODING": "br"}):
        hit = get(Client(), "/", **accepted)
        assert hit["X-Cache"] == "hit" and "Content-Encoding" not in hit
        assert "Accept-Encoding" in hit["Vary"]
        assert '<html lang="en"' in hit.html and hit.html == gzip.decompress(first.content).decode()


def test_the_cache_lifetime_comes_from_the_setting(home, settings):
    settings.PAGE_CACHE_SECONDS = 120
    assert Client().get("/")["Cache-Control"] == "public, max-age=0, s-maxage=120"


def test_no_page_is_cached_when_the_setting_is_zero(home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/")
    assert "X-Cache" not in Client().get("/")


def test_each_query_string_and_language_is_its_own_entry(home, course):
    assert get(Client(), "/search/?q=books")["X-Cache"] == "miss"
    other = get(Client(), "/search/?q=lessons")
    assert other["X-Cache"] == "miss"
    assert get(Client(), "/search/?q=books")["X-Cache"] == "hit"

    english = get(Client(), "/")
    french = get(Client(), "/fr/")
    assert french["X-Cache"] == "miss"
    assert '<html lang="fr"' in french.html and '<html lang="en"' in english.html


def test_the_unprefixed_home_page_is_english_for_whoever_chose_english(home, settings):
    get(Client(), "/", HTTP_ACCEPT_LANGUAGE="en")
    chose_english = Client()
    chose_english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    hit = get(chose_english, "/", HTTP_ACCEPT_LANGUAGE="fr")
    assert hit["X-Cache"] == "hit" and '<html lang="en"' in hit.html
    # A French browser's first visit is sent to /fr/ (tests/i18n), never given the stored English page.
    first_visit = Client().get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert first_visit.status_code == 302 and first_visit["Location"] == "/fr/" and "X-Cache" not in first_visit


def test_a_long_address_is_served_but_not_stored(home):
    url = "/search/?q=" + "a" * 600
    Client().get(url)
    assert "X-Cache" not in Client().get(url)


# --- Never shared between people -------------------------------------------------------------


def test_two_learners_and_a_visitor_never_see_each_others_pages(home, course):
    lessons = course_lessons(course)
    amina, bruno = make_learner(email="amina@example.org"), make_learner(email="bruno@example.org")
    services.enrollment_create(user=amina, course=course)
    services.lesson_complete(user=amina, lesson=lessons[0])
    clients = {"visitor": Client(), "amina": Client(), "bruno": Client()}
    clients["amina"].force_login(amina)
    clients["bruno"].force_login(bruno)
    urls = ["/", course.get_parent().url, course.url, lessons[0].url, reverse("home:dashboard")]

    for _round in range(2):
        for url in urls:
            seen = {name: get(client, url) for name, client in clients.items()}
            anonymous = seen["visitor"]
            if url == reverse("home:dashboard"):
                assert anonymous.status_code == 302  # to the login page
            else:
                assert anonymous.status_code == 200
                assert "Log out" not in anonymous.html and "Log in" in anonymous.html
                assert not CSRF_INPUT.search(anonymous.html)
                assert "Your progress" not in anonymous.html and "Continue" not in anonymous.html
            for name in ("amina", "bruno"):
                response = seen[name]
                assert "Log out" in response.html and "Log in" not in response.html
                assert "X-Cache" not in response
                assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
            tokens = {name: CSRF_INPUT.findall(seen[name].html) for name in ("amina", "bruno")}
            assert not set(tokens["amina"]) & set(tokens["bruno"])
            if url == course.url:
                assert "Continue" in seen["amina"].html and "Your progress" in seen["amina"].html
                assert "Continue" not in seen["bruno"].html and "Your progress" not in seen["bruno"].html
            if url == reverse("home:dashboard"):
                assert "Keep simple books" in seen["amina"].html
                assert "Keep simple books" not in seen["bruno"].html
        assert get(Client(), course.url)["X-Cache"] == "hit"


def test_a_learner_is_never_served_the_visitors_cached_page(home, course):
    get(Client(), course.url)
    assert get(Client(), course.url)["X-Cache"] == "hit"
    learner = Client()
    learner.force_login(make_learner())

    response = get(learner, course.url)

    assert "X-Cache" not in response and "Log out" in response.html
    assert response["Cache-Control"] == "private, no-cache"


def test_a_page_with_a_form_for_visitors_is_not_cached_with_one_visitors_token(home):
    page = make_standard_page(home, title="Members' corner")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="open")

    first, second = get(Client(), page.url), get(Client(), page.url)

    assert "X-Cache" not in second
    assert CSRF_INPUT.search(first.html).group(1) != CSRF_INPUT.search(second.html).group(1)
    assert "private" in second["Cache-Control"]


def test_a_page_carrying_the_requests_csp_nonce_is_not_cached(course, lesson_template_with_nonce):
    lesson = course_lessons(course)[0]  # the free first lesson, open to visitors
    video = {
        "url": "https://www.youtube.com/watch?v=ZbZSe6N_BXs",
        "title": "Incoterms",
        "duration": "",
        "transcript": "",
    }
    lesson.body = [("video", video)]
    publish(lesson)

    first, second = get(Client(), lesson.url), get(Client(), lesson.url)

    assert first.status_code == 200 and "X-Cache" not in second
    nonces = [re.search(r'video\.js" nonce="([^"]+)"', r.html).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1] and f"'nonce-{nonces[1]}'" in second["Content-Security-Policy"]


def test_a_page_opened_with_its_password_is_not_stored_for_other_visitors(home):
    page = make_standard_page(home, title="Members' corner", intro="The secret handshake.")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="open"
    )
    insider = Client()
    insider.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "open", "return_url": page.url},
    )
    assert "The secret handshake." in get(insider, page.url).html

    outsider = get(Client(), page.url)

    assert "The secret handshake." not in outsider.html


def test_messages_are_never_cached(home):
    get(Client(), "/")
    learner = Client()
    learner.force_login(make_learner())

    learner.post(reverse("account_logout"))
    after_logout = get(learner, "/")

    assert "You have signed out." in after_logout.html and "X-Cache" not in after_logout
    later = get(Client(), "/")
    assert later["X-Cache"] == "hit" and "You have signed out." not in later.html
    assert "You have signed out." not in get(learner, "/").html


def test_a_post_is_never_cached(home):
    for _ in range(2):
        response = Client().post("/")
        assert "X-Cache" not in response
    assert get(Client(), "/")["X-Cache"] == "miss"


def test_the_admin_is_never_cached(admin_client):
    for _ in range(2):
        response = admin_client.get("/admin/")
        assert response.status_code == 200 and "X-Cache" not in response
        assert "private" in response["Cache-Control"]
    anonymous = Client().get("/admin/")
    assert anonymous.status_code == 302 and "X-Cache" not in anonymous


def test_a_preview_is_never_cached_nor_shown_to_visitors(home):
    get(Client(), "/")
    home.hero_title = "A draft hero nobody may see yet"
    revision = home.save_revision()

    preview = revision.as_object().make_preview_request()

    assert "A draft hero nobody may see yet" in preview.content.decode() and "X-Cache" not in preview
    assert "A draft hero nobody may see yet" not in get(Client(), "/").html


# --- Dropped on every content change ------------------------------------------------------------


def warm(url) -> str:
    """Visit `url` twice as a visitor, the second time from the cache; the cached HTML."""
    get(Client(), url)
    hit = get(Client(), url)
    assert hit["X-Cache"] == "hit"
    return hit.html


def test_publishing_shows_the_new_title_at_once(course):
    assert "Keep simple books" in warm(course.url)
    course.title = "Keep simpler books"
    publish(course)

    fresh = get(Client(), course.url)

    assert fresh["X-Cache"] == "miss" and "Keep simpler books" in fresh.html


def test_unpublishing_takes_a_course_out_of_the_catalog(course):
    catalog_url = course.get_parent().url
    assert "Keep simple books" in warm(catalog_url)
    warm(course.url)

    course.unpublish()

    assert "Keep simple books" not in get(Client(), catalog_url).html
    assert Client().get(course.url).status_code == 404


def test_moving_a_page_moves_its_address(home):
    about = make_standard_page(home, title="About us", slug="about")
    team = make_standard_page(home, title="Team", slug="team")
    assert "About us" in warm("/about/")

    about.move(team, pos="last-child")

    old = Client().get("/about/")  # Wagtail leaves a redirect to the new address
    assert old.status_code == 301 and old["Location"] == "/team/about/" and "X-Cache" not in old
    assert "About us" in get(Client(), "/team/about/").html


def test_deleting_a_page_removes_it(home):
    page = make_standard_page(home, title="Old news", slug="old-news")
    warm("/old-news/")

    page.delete()

    assert Client().get("/old-news/").status_code == 404


def test_a_new_translation_replaces_the_default_language_page(home, django_capture_on_commit_callbacks):
    from wagtail_localize.models import Translation, TranslationSource

    french = Locale.objects.create(language_code="fr")
    assert 'lang="en"' in re.search(r"<main[^>]*>", warm("/fr/")).group(0)  # English content, untranslated

    source, _created = TranslationSource.get_or_create_from_instance(home)
    translation = Translation.objects.create(source=source, target_locale=french)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes after the commit
        translation.save_target(publish=True)

    fresh = get(Client(), "/fr/")
    assert fresh["X-Cache"] == "miss"
    assert "lang=" not in re.search(r"<main[^>]*>", fresh.html).group(0)  # now the French page


def test_editing_the_navigation_menu_shows_the_new_link(home, catalog):
    menu = make_menu(MenuPlace.MAIN, [catalog])
    assert 'aria-label="Main"' in warm("/")

    menu.items = [("link", {"page": catalog, "url": "", "label": "Every course we teach"})]
    menu.save()

    fresh = get(Client(), "/")
    assert fresh["X-Cache"] == "miss" and "Every course we teach" in fresh.html


def test_a_change_drops_the_cache_again_once_its_transaction_commits(django_capture_on_commit_callbacks):
    before = page_cache_generation()
    with django_capture_on_commit_callbacks(execute=True):
        page_cache_bump()
        during = page_cache_generation()
    assert len({before, during, page_cache_generation()}) == 3


def test_a_lost_generation_never_brings_back_old_pages(home):
    warm("/")
    caches["generation"].delete(GENERATION_KEY)  # evicted, or the store restarted

    assert get(Client(), "/")["X-Cache"] == "miss"
