"""RSS and Atom feeds of the newest news, in the language of the address (/fr/news/…/feed/rss/).

`?kind=`, `?topic=`, `?sector=` and `?country=` narrow a feed like the index's filters; a value
that matches none answers 400 with a plain message, rather than a feed that silently lists everything.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from base.http import open_page_or_404
from news import selectors
from news.forms import NewsFilterForm
from news.models import NewsIndexPage


class NewsRssFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        self.options = selectors.news_options_get()
        # Only the filters: a feed has no pages, and trackers' parameters (utm_…) are no filter.
        data = {name: request.GET[name] for name in selectors.FACETS if name in request.GET}
        form = NewsFilterForm(data or None, topics=self.options.topics, sectors=self.options.sectors)
        self.filters, messages = form.valid_filters()
        if messages:
            return HttpResponseBadRequest(
                "\n".join([*messages, gettext("Remove it from the feed's address.")]),
                content_type="text/plain; charset=utf-8",
            )
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index_id):
        self.request = request
        return open_page_or_404(NewsIndexPage, index_id)

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_url(self.request) or "/"

    def description(self, index):
        return index.intro

    def items(self, index):
        return selectors.feed_item_list(filters=self.filters, options=self.options)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time.min), timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or (item.partner.title if item.partner else None)

    def item_categories(self, item):
        return [item.get_kind_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return index.intro
