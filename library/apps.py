from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Libraries")

    def ready(self):
        from accounts.export import export_section_register
        from library.selectors import reading_list_for_export

        export_section_register("reading_list", reading_list_for_export, models=["library.ReadingListItem"])
