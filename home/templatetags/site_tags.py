from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from home import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context):
    """Main menu, footer menu and footer text for the active language (home.selectors)."""
    request = context.get("request")
    if request is None:
        return None
    return selectors.navigation_get(request)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's translation where it exists, else the same path in that language."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    translations = {}
    if page is not None and getattr(page, "pk", None):
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links
