"""The sitemap lists each page once per language, with its translations as xhtml:link alternates."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_private, make_standard_page, make_translation

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def _entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)  # valid XML, namespaces declared
    entries = {}
    for url in tree.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        assert location not in entries, f"{location} listed twice"
        links = [link for link in url.findall("xhtml:link", NS) if link.get("rel") == "alternate"]
        entries[location] = {link.get("hreflang"): link.get("href") for link in links}
    return entries


def test_each_translation_is_listed_with_its_alternates_and_x_default(client, site, about_fr):
    make_translation(site["home"], "zh-hans", title="首页")
    make_translation(site["about"], "zh-hans", title="关于我们", slug="guanyu")
    entries = _entries(client)

    english, french, chinese = (
        "http://localhost/about/",
        "http://localhost/fr/a-propos/",
        "http://localhost/zh-hans/guanyu/",
    )
    expected = {"en": english, "fr": french, "zh-Hans": chinese, "x-default": english}
    assert entries[english] == expected
    assert entries[french] == expected
    assert entries[chinese] == expected
    # An untranslated page has no alternates; a translated home has its own.
    assert entries["http://localhost/courses/bookkeeping/"] == {}
    assert entries["http://localhost/fr/"]["en"] == "http://localhost/"


def test_private_and_draft_translations_are_left_out(client, site, about_fr):
    make_translation(site["home"], "es", title="Inicio")
    draft = make_translation(site["about"], "es", title="Sobre nosotros", slug="sobre", live=False)
    secret = make_standard_page(site["home"], title="Secret", slug="secret")
    make_private(secret)
    entries = _entries(client)
    assert "http://localhost/es/sobre/" not in entries and draft.pk
    assert "es" not in entries["http://localhost/about/"]
    assert not any("secret" in location for location in entries)


def test_the_sitemap_queries_do_not_grow_with_translations(client, site):
    listed = len(_entries(client))
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    for n in range(4):
        page = make_standard_page(site["home"], title=f"Guide {n}", slug=f"guide-{n}")
        for code in ("fr", "ar"):
            make_translation(page, code, slug=f"guide-{n}-{code}")
    with CaptureQueriesContext(connection) as many:
        client.get("/sitemap.xml")
    print(f"\n[queries] /sitemap.xml: {len(few)} before, {len(many)} after")
    assert len(many) == len(few)
    assert len(_entries(client)) == listed + 12  # four guides in three languages
