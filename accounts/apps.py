from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from allauth.account.signals import user_logged_in

        from accounts import export_sections, unsubscribe  # noqa: F401 (unsubscribe registers the newsletter list)
        from accounts.backends import user_cache_connect
        from accounts.export import export_exclusion_register, export_section_register
        from accounts.models import LearnerProfile
        from accounts.receivers import language_on_login
        from base.learner_cache import learner_cache_bump_on

        learner_cache_bump_on(LearnerProfile, lambda profile: profile.user_id)  # name, preferred language
        user_cache_connect()  # always: a user kept by CachedModelBackend is dropped on any save
        user_logged_in.connect(language_on_login, dispatch_uid="accounts:language-on-login")

        if apps.is_installed("allauth.usersessions"):
            export_section_register(
                "sessions", export_sections.session_export_list, models=["usersessions.UserSession"]
            )
        for model, reason in export_sections.NOT_EXPORTED.items():
            export_exclusion_register(model, reason)
