from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NudgesConfig(AppConfig):
    name = "nudges"
    verbose_name = _("Messages to learners")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from allauth.account.signals import email_confirmed
        from wagtail.signals import page_published

        from accounts.export import export_section_register
        from accounts.settings_sections import account_section_register
        from accounts.signals import account_deleted
        from certificates.notifications import certificate_ready_sender_set
        from nudges import receivers, services, views
        from nudges.emails import unsubscribe_lists_register
        from nudges.selectors import message_export_list

        email_confirmed.connect(receivers.welcome_on_email_confirmed, dispatch_uid="nudges_welcome")
        page_published.connect(receivers.new_course_on_page_published, dispatch_uid="nudges_new_course")
        certificate_ready_sender_set(receivers.course_complete_send)
        account_deleted.connect(services.messages_on_account_deleted, dispatch_uid="nudges_account_deleted")
        account_section_register("messages", views.settings_section_render)
        unsubscribe_lists_register()
        export_section_register(
            "messages", message_export_list, models=["nudges.MessagePreference", "nudges.MessageSent"]
        )
