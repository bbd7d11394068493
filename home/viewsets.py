from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import FooterText, NavigationMenu


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    list_display = ["__str__", "locale"]
    list_filter = ["locale", "place"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    list_display = ["__str__", "locale"]


class SiteChromeViewSetGroup(SnippetViewSetGroup):
    items = (NavigationMenuViewSet, FooterTextViewSet)
    menu_icon = "site"
    menu_label = _("Navigation & footer")
    menu_name = "site-chrome"
