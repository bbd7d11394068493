"""Who may download a document: one rule for Wagtail's /documents/ view and the library's downloads."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

# Those who may pick or edit a document in the admin may download it; "has admin access" is not enough,
# or every partner editor could read every other partner's files.
MANAGE_ACTIONS = ["choose", "change"]


def document_is_published(document) -> bool:
    """Some live, public page offers the document (as an attachment, a block or a rich-text link).

    The reference index holds what each page's own row references: the live content of a live
    page, so a document added only in a draft revision is not published by it.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type).values_list("object_id", flat=True)
    ids = [int(value) for value in page_ids if value.isdigit()]
    return bool(ids) and Page.objects.live().public().filter(pk__in=ids).exists()


def document_may_serve(document, user) -> bool:
    """The user may manage the document, or a live public page offers it (collection privacy comes on top)."""
    policy = policy_registry.get_by_type(get_document_model())
    if user.is_authenticated and policy.user_has_any_permission_for_instance(user, MANAGE_ACTIONS, document):
        return True
    return document_is_published(document)


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
    if not document_may_serve(document, request.user):
        raise Http404
    return None
