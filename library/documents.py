"""Who may download a document: one rule for Wagtail's /documents/ view and the library's downloads."""

from django.http import Http404, HttpResponse
from wagtail import hooks

from base.files import file_may_serve


def document_serve_refusal(document, request) -> HttpResponse | None:
    """Run Wagtail's `before_serve_document` hooks (ours and its collection privacy) for any download view.

    Returns the response to send instead of the file (a password form, a login redirect), or None.
    """
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    return None


def keep_unpublished_documents_private(document, request):
    """A `before_serve_document` hook: 404 for a document the user may neither manage nor find on a live page."""
    if not file_may_serve(document, request.user):
        raise Http404
    return None
