"""Behaviour shared by the site's page types."""


class CardMixin:
    """What a page shows as a card on listings (home.selectors.card_pages_get prefetches it)."""

    card_image_field = None

    @property
    def card_image(self):
        return getattr(self, self.card_image_field) if self.card_image_field else None

    @property
    def card_summary(self):
        return self.search_description
