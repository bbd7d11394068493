from django import template

from home import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context):
    """Main menu, footer menu and footer text for the active language (home.selectors)."""
    request = context.get("request")
    if request is None:
        return None
    return selectors.navigation_get(request)
