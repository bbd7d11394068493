"""RSS and Atom feeds of each library's newest resources."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from base.http import open_page_or_404
from library import selectors
from library.models import LibraryIndexPage


class LibraryRssFeed(Feed):
    def get_object(self, request, library_id):
        self.request = request
        return open_page_or_404(LibraryIndexPage, library_id)

    def title(self, library):
        return library.title

    def link(self, library):
        return library.get_url(self.request) or "/"

    def description(self, library):
        return library.intro

    def items(self, library):
        return selectors.feed_item_list(library=library)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.publication_date, time.min), timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.partner.title if item.partner else None

    def item_categories(self, item):
        return [item.get_kind_display()]


class LibraryAtomFeed(LibraryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, library):
        return library.intro
