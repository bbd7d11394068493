from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_section_register
        from accounts.signals import account_deleted
        from base.learner_cache import learner_cache_bump_on
        from events import services
        from events.models import EventRegistration
        from events.selectors import registration_export_list
        from partners.sections import partner_section_register

        # What a learner sees of their registrations (the dashboard); the event page itself is
        # never kept for a learner: seats change with other people's sign-ups.
        learner_cache_bump_on(EventRegistration, lambda registration: registration.user_id)
        export_section_register("event_registrations", registration_export_list, models=["events.EventRegistration"])
        account_deleted.connect(services.registration_on_account_deleted, dispatch_uid="events_account_deleted")
        from events.selectors import partner_event_list, project_event_list
        from projects.sections import project_section_register

        partner_section_register(
            "events", order=30, template="events/includes/partner_events.html", items=partner_event_list
        )
        project_section_register(
            "events", order=20, template="events/includes/project_events.html", items=project_event_list
        )
