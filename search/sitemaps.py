"""The XML sitemap: live, public pages of the default site in every language, each with its translations.

Each page is listed once per language it is live in, with an `xhtml:link rel="alternate"` for
every live translation and `x-default` for the default-language one (the sitemap protocol's
multilingual form; Django's sitemap template writes the links and the xhtml namespace).
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from base.languages import language_default, language_hreflang


class SiteSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_site = Q()
        for home in [root, *root.get_translations()]:
            in_site |= Q(path__startswith=home.path)
        return Page.objects.filter(in_site).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Each page's entries with its translations' addresses: the translations are found among the listed pages."""
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_key = defaultdict(list)
        entries = []
        for item in pages:
            url_infos = item.get_sitemap_urls(self.request)
            if url_infos:
                by_key[item.translation_key].append((languages[item.locale_id], url_infos[0]["location"]))
            entries.append((item, url_infos))

        default = language_default()
        urls, last_mods = [], set()
        for item, url_infos in entries:
            versions = sorted(by_key[item.translation_key])
            alternates = []
            if len(versions) > 1:
                alternates = [{"lang_code": language_hreflang(code), "location": url} for code, url in versions]
                alternates += [{"lang_code": "x-default", "location": url} for code, url in versions if code == default]
            for position, url_info in enumerate(url_infos):
                # Only the page's own address has translations; extra entries (a route's sub-pages) do not.
                urls.append({**url_info, "alternates": alternates if position == 0 else []})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
