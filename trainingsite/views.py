from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model

from base.files import file_is_published, file_may_manage
from base.http import file_response_harden

# Only image files are served from local media; documents go through Wagtail's
# serve view, which checks collection privacy.
SERVABLE_MEDIA_PREFIXES = ("images/", "original_images/")


def _image_for(path):
    """The image an uploaded original or rendition file belongs to, or None."""
    if path.startswith("original_images/"):
        return get_image_model().objects.filter(file=path).first()
    rendition = get_image_model().get_rendition_model().objects.filter(file=path).select_related("image").first()
    return rendition.image if rendition else None


@require_safe
def media_serve(request, path):
    """Serve uploaded images from local storage, sandboxed so a file can never run script.

    An image is served to whoever may choose or change it, and to everyone once a live, public page
    uses it: a partner's image in a draft stays the partner's, whatever its address.
    """
    if not path.startswith(SERVABLE_MEDIA_PREFIXES):
        raise Http404
    image = _image_for(path)
    if image is None:
        raise Http404
    published = file_is_published(image)
    if not published and not file_may_manage(image, request.user):
        raise Http404
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    file_response_harden(response)
    response["Cache-Control"] = "public, max-age=86400" if published else "private, no-store"
    return response


@never_cache
@require_safe
def health(request):
    """For load balancers: answers 200 when the app can reach its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
