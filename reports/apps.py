from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from base.signals import page_viewed
        from reports.receivers import page_viewed_count

        page_viewed.connect(page_viewed_count, dispatch_uid="reports.page_viewed_count")
