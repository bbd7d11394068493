from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# Only image files are served from local media; documents go through Wagtail's
# serve view, which checks collection privacy.
SERVABLE_MEDIA_PREFIXES = ("images/", "original_images/")


@require_safe
def media_serve(request, path):
    """Serve uploaded images from local storage, sandboxed so a file can never run script."""
    if not path.startswith(SERVABLE_MEDIA_PREFIXES):
        raise Http404
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@never_cache
@require_safe
def health(request):
    """For load balancers: answers 200 when the app can reach its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
