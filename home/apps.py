from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from base.page_cache import page_cache_drop_on
        from home.models import FooterText, NavigationMenu

        # Every page shows the menus and the footer: a change to them drops the cached pages.
        page_cache_drop_on(NavigationMenu, FooterText)
