from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Academic partners")

    def ready(self):
        from partners import signals  # noqa: F401  (connects the receivers)
