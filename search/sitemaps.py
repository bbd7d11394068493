"""The XML sitemap: live, public pages of the default site in every language."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_site = Q()
        for home in [root, *root.get_translations()]:
            in_site |= Q(path__startswith=home.path)
        return Page.objects.filter(in_site).live().public().order_by("path").defer_streamfields().specific()
