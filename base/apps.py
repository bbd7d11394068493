from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    name = "base"
    verbose_name = _("Shared building blocks")

    def ready(self):
        # Every page type's admin form checks the files it refers to. wagtail.admin's ready()
        # sets Page.base_form_class, so this app must come after it in INSTALLED_APPS; page
        # types added later inherit the form without a line of their own.
        from wagtail.models import Page

        from base.forms import FileScopedPageForm

        Page.base_form_class = FileScopedPageForm
