from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Libraries")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_section_register
        from accounts.intents import intent_register
        from base.learner_cache import learner_cache_bump_on
        from library.intents import SAVE, reading_list_intent_complete
        from library.models import ReadingListItem
        from library.selectors import partner_resource_list, reading_list_export_list
        from partners.sections import partner_section_register

        # What a learner sees of their reading list (base/learner_cache.py).
        learner_cache_bump_on(ReadingListItem, lambda item: item.user_id)

        export_section_register("reading_list", reading_list_export_list, models=["library.ReadingListItem"])
        intent_register(SAVE, reading_list_intent_complete)
        partner_section_register(
            "resources", order=20, template="library/includes/partner_resources.html", items=partner_resource_list
        )
