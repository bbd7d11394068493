from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from base.page_cache import page_cache_get_or_set

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar for people who may open the admin; nothing, and no query, for visitors and learners.

    Wagtail's own tag asks the database for the user's and their groups' permissions on every page
    (two queries for a learner, who has none). Whether someone may open the admin is kept in the
    page cache per user instead, dropped when groups or permissions change (base.page_cache).
    The admin checks permissions itself: a stale answer only shows or hides the bar.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    may_edit = page_cache_get_or_set(f"may-access-admin:{user.pk}", lambda: user.has_perm("wagtailadmin.access_admin"))
    return wagtailuserbar(context) if may_edit else ""
