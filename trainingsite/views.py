from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail import views as wagtail_views
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from accounts.services import profile_language_set
from base.files import file_is_published, file_may_manage
from base.http import file_response_harden
from base.languages import (
    language_cookie_set,
    language_supported,
    next_url_safe,
    page_route_fallback,
    response_no_shared_cache,
    url_in_language,
)
from base.page_route import page_route_resolve

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


def page_serve(request, path):
    """Wagtail's serve, and for a page not translated into the active language, the default-language one.

    The fallback page goes through Wagtail's own serve (view restrictions, passwords and every
    `before_serve_page` hook) exactly as at its own address; templates see it is a fallback by its
    locale and add the note, `lang` and the canonical link. A path no locale has stays a 404.
    """
    page_route_resolve(request, path)  # the route from the cache, where Wagtail's serve reads it
    if Page.route_for_request(request, path) is None:
        route = page_route_fallback(request, path)
        if route is None:
            raise Http404
        page, args, kwargs = route
        if not args and not kwargs:
            translation = page.get_translation_or_none(Locale.get_active())
            if translation is not None and translation.live:  # at another address (a translated slug)
                return HttpResponseRedirect(translation.get_url(request))
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


@csrf_exempt
@require_POST
def language_choose(request):
    """Switch to a language from the switcher: the same page in it, remembered in the cookie and the profile.

    A signed-in learner's choice is saved as their preferred language, behind the CSRF check. An
    anonymous visitor's only sets the language cookie, without a token: cached pages carry no
    per-visitor token, and the worst a forged post can do is change a stranger's language.
    """
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    code = language_supported(request.POST.get("language"))
    next_url = next_url_safe(request, request.POST.get("next")) or "/"
    if code is None:
        return response_no_shared_cache(HttpResponseRedirect(next_url))
    target = url_in_language(request, next_url, code)
    if request.user.is_authenticated:
        profile_language_set(user=request.user, language=code)
    response = HttpResponseRedirect(target)
    language_cookie_set(response, code)
    return response_no_shared_cache(response)
