from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import export_sections
        from accounts.export import export_exclusion_register, export_section_register

        # Only the apps installed at run time contribute a section.
        if apps.is_installed("courses"):
            export_section_register(
                "enrollments", export_sections.enrollments_for_export,
                models=["courses.Enrollment", "courses.LessonCompletion"],
            )
        if apps.is_installed("assessments"):
            export_section_register(
                "quiz_attempts", export_sections.quiz_attempts_for_export,
                models=["assessments.QuizAttempt", "assessments.QuizAnswer"],
            )
        if apps.is_installed("allauth.usersessions"):
            export_section_register("sessions", export_sections.sessions_for_export, models=["usersessions.UserSession"])
        for model, reason in export_sections.NOT_EXPORTED.items():
            export_exclusion_register(model, reason)
