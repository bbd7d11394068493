from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from allauth.account.signals import user_logged_in

        from accounts import export_sections
        from accounts.export import export_exclusion_register, export_section_register
        from accounts.receivers import language_on_login

        user_logged_in.connect(language_on_login, dispatch_uid="accounts:language-on-login")

        if apps.is_installed("allauth.usersessions"):
            export_section_register(
                "sessions", export_sections.session_export_list, models=["usersessions.UserSession"]
            )
        for model, reason in export_sections.NOT_EXPORTED.items():
            export_exclusion_register(model, reason)
