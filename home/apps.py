from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from home.converters import IdConverter


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from home import checks  # noqa: F401 (registers the deployment checks)
        from home.exports import spreadsheet_exports_neutralise

        spreadsheet_exports_neutralise()

        # `<id:…>` in every urls.py: ids too large for the database are a 404, not a 500.
        register_converter(IdConverter, "id")
