from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network: experts and applications")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_section_register
        from accounts.signals import account_deleted
        from base.page_cache import page_cache_drop_on
        from base.page_people import page_people_register
        from network import selectors, services
        from network.models import ExpertProfile, ExpertRole

        # The directory, an expert's page and the people of courses and programmes are public pages.
        # (services.expert_profile_save saves the profile after its terms, so a change of terms drops it too)
        page_cache_drop_on(ExpertProfile, ExpertRole)
        page_people_register("experts", selectors.page_expert_list)
        account_deleted.connect(services.network_on_account_deleted, dispatch_uid="network_account_deleted")
        export_section_register("expert_profile", selectors.expert_profile_export, models=["network.ExpertProfile"])
        export_section_register("expert_messages", selectors.expert_contact_export, models=["network.ExpertContact"])
        export_section_register(
            "network_applications", selectors.application_export, models=["network.NetworkApplication"]
        )
