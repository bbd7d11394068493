from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Opportunities")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_exclusion_register, export_section_register
        from accounts.signals import account_deleted
        from base.page_cache import page_cache_drop_on
        from opportunities import services
        from opportunities.models import Opportunity
        from opportunities.selectors import opportunity_export_list

        # The board and each opportunity's page are public pages the anonymous cache keeps.
        page_cache_drop_on(Opportunity)
        export_section_register(
            "opportunities",
            opportunity_export_list,
            models=["opportunities.Opportunity", "opportunities.Interest", "opportunities.OpportunityReport"],
        )
        export_exclusion_register(
            "opportunities.MemberStanding",
            "Editors' moderation decision about a member (blocked from posting or not), with their note: "
            "the member is told when they try to post.",
        )
        account_deleted.connect(services.opportunities_on_account_deleted, dispatch_uid="opportunities_account_deleted")
