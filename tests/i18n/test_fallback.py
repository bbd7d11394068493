"""A page not translated into a language is shown in English inside that language's site, never a 404."""

import re

from courses.services import enrollment_create
from tests.builders import course_lessons, make_learner, make_private, make_standard_page, make_translation


def _main(html):
    return re.search(r"<main [^>]*>", html).group(0)


def test_an_untranslated_course_is_the_english_page_with_a_note_in_the_french_site(client, site):
    response = client.get("/fr/courses/bookkeeping/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in html
    assert "Bookkeeping basics" in html
    assert '<p class="callout language-fallback-note" role="note" lang="fr" dir="ltr">' in html
    assert 'lang="en" dir="ltr"' in _main(html)
    assert '<link rel="canonical" href="http://localhost/courses/bookkeeping/">' in html
    # The site chrome stays French: the switcher marks French as the current language.
    assert 'value="fr" lang="fr" aria-current="true"' in html


def test_english_content_inside_an_arabic_page_runs_left_to_right(client, site):
    html = client.get("/ar/courses/bookkeeping/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="en" dir="ltr"' in _main(html)
    assert 'class="callout language-fallback-note" role="note" lang="ar" dir="rtl"' in html


def test_a_translated_page_has_no_note_and_no_canonical_to_english(client, site, about_fr):
    html = client.get("/fr/a-propos/").content.decode()
    assert "À propos" in html and "language-fallback-note" not in html
    assert 'rel="canonical"' not in html
    assert "lang=" not in _main(html)


def test_the_english_address_under_a_prefix_leads_to_the_translation(client, site, about_fr):
    response = client.get("/fr/about/")
    assert response.status_code == 302 and response["Location"] == "/fr/a-propos/"


def test_a_path_no_language_has_is_a_404(client, site):
    assert client.get("/fr/no-such-page/").status_code == 404
    assert client.get("/fr/courses/no-such-course/").status_code == 404


def test_a_draft_english_page_is_never_shown_through_the_fallback(client, site):
    draft = make_standard_page(site["home"], title="Unannounced plans", slug="plans")
    draft.unpublish()
    response = client.get("/fr/plans/")
    assert response.status_code == 404
    assert "Unannounced plans" not in response.content.decode()


def test_a_private_english_page_keeps_its_restriction_through_the_fallback(client, site):
    secret = make_standard_page(site["home"], title="Members only", slug="members")
    make_private(secret)
    response = client.get("/fr/members/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert "Members only" not in response.content.decode()

    client.force_login(make_learner())
    html = client.get("/fr/members/").content.decode()
    assert "Members only" in html
    assert 'rel="alternate"' not in html  # a page that is not public gets no hreflang links


def test_a_lesson_of_a_fallback_course_opens_for_an_enrolled_learner(client, site):
    learner = make_learner()
    enrollment_create(user=learner, course=site["course"])
    lesson = course_lessons(site["course"])[0]
    client.force_login(learner)
    path = lesson.url  # /courses/bookkeeping/<module>/<lesson>/
    response = client.get(f"/fr{path}")
    assert response.status_code == 200
    assert lesson.title in response.content.decode()


def test_the_french_catalog_links_an_untranslated_course_to_its_fallback_address(client, site):
    catalog_fr = make_translation(site["catalog"], "fr", title="Cours", slug="cours")
    html = client.get(catalog_fr.url).content.decode()
    assert catalog_fr.url == "/fr/cours/"
    assert 'href="/fr/courses/bookkeeping/"' in html  # not the English address
    assert client.get("/fr/courses/bookkeeping/").status_code == 200


def test_the_english_catalog_keeps_english_addresses(client, site):
    html = client.get("/courses/").content.decode()
    assert 'href="/courses/bookkeeping/"' in html
