from django.http import Http404
from wagtail import hooks

from library.models import ResourceAttachment, ResourcePage


@hooks.register("before_serve_document")
def keep_unpublished_resources_documents_private(document, request):
    """A document attached only to drafts or private resources is not served at /documents/ either."""
    pages = ResourceAttachment.objects.filter(document=document).values("page_id")
    if not pages.exists():
        return None
    if ResourcePage.objects.live().public().filter(pk__in=pages).exists():
        return None
    if request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin"):
        return None
    raise Http404
