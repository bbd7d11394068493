from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    name = "base"
    verbose_name = _("Shared building blocks")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from django.contrib.auth import get_user_model
        from wagtail.models import Page

        from base import checks  # noqa: F401 (registers the deployment checks)
        from base.cdn import cdn_connect
        from base.forms import FileScopedPageForm
        from base.learner_cache import learner_cache_connect
        from base.page_cache import page_cache_connect
        from base.spreadsheets import spreadsheet_exports_neutralise

        # Every page type's admin form checks the files it refers to. wagtail.admin's ready()
        # sets Page.base_form_class, so this app must come after it in INSTALLED_APPS; every
        # page type inherits the form without a line of its own.
        Page.base_form_class = FileScopedPageForm
        spreadsheet_exports_neutralise()
        page_cache_connect()
        learner_cache_connect(get_user_model())
        cdn_connect()
