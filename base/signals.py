"""Signals a lower app sends for the apps above it to hear, without importing them."""

from django.dispatch import Signal

# A public page was served to a visitor (not a preview, not a HEAD request).
# Sent by CoursePage.serve and ResourcePage.serve with page=<the page> and request=<the request>;
# reports counts views per page and day from it, storing nothing about the visitor.
page_viewed = Signal()
