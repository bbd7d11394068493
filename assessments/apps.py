from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Quizzes")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_section_register
        from assessments.selectors import quiz_attempts_for_export

        export_section_register(
            "quiz_attempts", quiz_attempts_for_export, models=["assessments.QuizAttempt", "assessments.QuizAnswer"]
        )
