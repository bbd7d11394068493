"""A first visit of an English address follows Accept-Language; a choice already made (cookie) is kept."""

import pytest
from django.conf import settings

from tests.builders import make_learner


@pytest.mark.parametrize(
    "header,expected",
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/about/"),
        ("zh-CN,zh;q=0.9,en;q=0.5", "/zh-hans/about/"),
        ("zh", "/zh-hans/about/"),
        ("ar-EG,ar;q=0.9", "/ar/about/"),
        ("de-DE,de;q=0.9,ru;q=0.5", "/ru/about/"),  # German is not offered: the next choice
        ("en;q=0.4,tr;q=0.8", "/tr/about/"),  # q-values, not the order, decide
        ("ka", "/ka/about/"),
    ],
)
def test_a_first_visit_goes_to_the_language_the_browser_prefers(client, site, header, expected):
    response = client.get("/about/", headers={"accept-language": header})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("header", ["en-GB,en;q=0.9,fr;q=0.8", "de-DE,de;q=0.9", "", "fr;q=0.2,en;q=0.9"])
def test_a_visitor_preferring_english_or_an_unknown_language_stays(client, site, header):
    response = client.get("/about/", headers={"accept-language": header})
    assert response.status_code == 200
    assert "About us" in response.content.decode()


def test_the_redirect_goes_to_the_live_translation_at_its_own_address(client, site, about_fr):
    response = client.get("/about/?ref=mail", headers={"accept-language": "fr"})
    assert response["Location"] == "/fr/a-propos/?ref=mail"


def test_an_untranslated_page_goes_to_its_address_in_that_language(client, site):
    response = client.get("/courses/bookkeeping/", headers={"accept-language": "fr"}, follow=True)
    assert response.redirect_chain == [("/fr/courses/bookkeeping/", 302)]
    assert response.status_code == 200 and "Bookkeeping basics" in response.content.decode()


def test_a_language_cookie_is_a_choice_already_made(client, site):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/about/", headers={"accept-language": "fr"})
    assert response.status_code == 200


def test_a_signed_in_learner_is_not_redirected(client, site):
    client.force_login(make_learner())
    assert client.get("/about/", headers={"accept-language": "fr"}).status_code == 200


@pytest.mark.parametrize(
    "method,path,agent",
    [
        ("head", "/about/", "Mozilla/5.0"),
        ("post", "/about/", "Mozilla/5.0"),
        ("get", "/about/", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
        ("get", "/accounts/login/", "Mozilla/5.0"),
        ("get", "/sitemap.xml", "Mozilla/5.0"),
        ("get", "/admin/", "Mozilla/5.0"),
        ("get", "/healthz/", "Mozilla/5.0"),
    ],
)
def test_no_redirect_for_heads_posts_crawlers_accounts_admin_or_the_sitemap(client, site, method, path, agent):
    response = getattr(client, method)(path, headers={"accept-language": "fr", "user-agent": agent})
    assert not (response.status_code == 302 and response["Location"].startswith("/fr/"))


def test_the_redirect_is_for_this_visitor_only_and_english_readers_keep_their_cache_hits(client, site):
    client.get("/about/", headers={"accept-language": "en"})
    hit = client.get("/about/", headers={"accept-language": "en-GB"})
    assert hit["X-Cache"] == "hit"

    redirect = client.get("/about/", headers={"accept-language": "fr"})
    assert redirect.status_code == 302 and "X-Cache" not in redirect
    assert "private" in redirect["Cache-Control"]
    assert {"accept-language", "cookie"} <= {v.strip().lower() for v in redirect["Vary"].split(",")}
    # The page cached for English readers says it varies on the header a CDN must key on.
    assert "accept-language" in hit["Vary"].lower()
