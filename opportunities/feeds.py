"""RSS and Atom feeds of the board's newest open opportunities (routes of OpportunityIndexPage)."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from opportunities.models import Opportunity

FEED_SIZE = 30


class OpportunityRssFeed(Feed):
    def get_object(self, request, board):
        self.request = request
        return board

    def title(self, board):
        return board.title

    def link(self, board):
        return board.get_url(self.request) or "/"

    def description(self, board):
        return board.intro

    def items(self, board):
        self.board = board
        return list(
            Opportunity.objects.open_on(timezone.localdate())
            .order_by("-published_at", "-pk")
            .only("pk", "title", "description", "kind", "direction", "published_at", "updated_at", "organisation")[
                :FEED_SIZE
            ]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return self.board.opportunity_url(item, self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_direction_display(), item.get_kind_display()]


class OpportunityAtomFeed(OpportunityRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, board):
        return board.intro
