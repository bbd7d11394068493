from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale

from base.languages import language_default, page_languages_get, path_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The page's hreflang alternates, x-default and canonical link (base.languages), once per request."""
    request = context.get("request")
    page = context.get("page")
    pk = getattr(page, "pk", None)  # a listing's "page" may be a paginator's page
    if request is None or pk is None:
        return None
    cached = getattr(request, "_page_languages", None)
    if cached is None or cached[0] != pk:
        cached = (pk, page_languages_get(page, request))
        request._page_languages = cached
    return cached[1]


@register.simple_tag
def language_options():
    """Every language of the site, for the switcher: its code, its own name, whether it is the current one."""
    current = get_language()
    return [{"code": code, "name": name, "is_current": code == current} for code, name in settings.LANGUAGES]


@register.simple_tag
def language_name(code):
    """A language's name in the active language (`fr` → "French" in English, « français » in French)."""
    return get_language_info(code)["name_translated"]


@register.simple_tag(takes_context=True)
def page_url_here(context, page):
    """`pageurl`, except that a default-language page listed in another language links to its fallback address.

    So a learner reading the French catalog stays in the French site on an untranslated course.
    No query per page: the default locale's id is looked up once per request.
    """
    request = context.get("request")
    url = page.get_url(request)
    active = get_language()
    if not url or not url.startswith("/") or request is None or active == language_default():
        return url
    default_pk = getattr(request, "_default_locale_pk", None)
    if default_pk is None:
        default_pk = request._default_locale_pk = Locale.get_default().pk
    return path_in_language(url, active) if page.locale_id == default_pk else url
