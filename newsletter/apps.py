from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_exclusion_register, export_section_register
        from newsletter.export import delivery_export_list

        export_section_register("newsletters", delivery_export_list, models=["newsletter.NewsletterDelivery"])
        export_exclusion_register(
            "newsletter.NewsletterSend",
            "Records which editor sent an issue (their work, like a page's author), not anything about a learner.",
        )
