"""Reading-list actions and the resource document download."""

import mimetypes
import os

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from base.http import file_response_harden, open_page_or_404, open_page_url, redirect_to, safe_next_url
from library import services
from library.documents import document_serve_refusal
from library.models import ResourceAttachment, ResourcePage


@require_POST
@login_required
def reading_list_add(request, resource_id):
    resource = open_page_or_404(ResourcePage, resource_id)
    services.reading_list_add(user=request.user, resource=resource)
    messages.success(request, _("Saved to your reading list."))
    return redirect_to(safe_next_url(request, resource.get_url(request)))


@require_POST
@login_required
def reading_list_remove(request, resource_id):
    resource = get_object_or_404(ResourcePage, pk=resource_id)
    services.reading_list_remove(user=request.user, resource=resource)
    messages.success(request, _("Removed from your reading list."))
    # A resource made draft or private since it was saved: go to the dashboard, not to its address.
    fallback = open_page_url(request, resource, fallback=reverse("home:dashboard"))
    return redirect_to(safe_next_url(request, fallback))


def allowed_extension(filename) -> bool:
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    return extension in settings.WAGTAILDOCS_EXTENSIONS


@require_safe
def document_serve(request, resource_id, attachment_id):
    """A resource's attached document, only while the page is live and public, always as a download.

    The collection's privacy (password, login, groups) applies as on Wagtail's own document view.
    """
    resource = open_page_or_404(ResourcePage, resource_id)
    attachment = get_object_or_404(
        ResourceAttachment.objects.select_related("document"), pk=attachment_id, page=resource
    )
    document = attachment.document
    if not allowed_extension(document.filename):
        raise Http404
    refusal = document_serve_refusal(document, request)
    if refusal is not None:
        return refusal
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=document.filename, content_type=content_type)
    file_response_harden(response)
    response["Cache-Control"] = "private, max-age=3600"
    return response
