from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from home import checks  # noqa: F401 (registers the deployment checks)
        from home.exports import spreadsheet_exports_neutralise

        spreadsheet_exports_neutralise()
