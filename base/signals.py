"""Signals a lower app sends for the apps above it to hear, without importing them."""

from django.dispatch import Signal

# A public page was served to a visitor (not a preview, not a HEAD request).
# Sent by CoursePage.serve and ResourcePage.serve, and by the page cache for a hit on one, with
# sender=<the page's class>, pk=<its id>, page_key=<its translation key> and request=<the request>:
# no page object, so a cache hit need not build one. Reports counts views per page and day from
# it, storing nothing about the visitor.
page_viewed = Signal()
