from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Quizzes")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_section_register
        from assessments.models import QuizAttempt
        from assessments.selectors import attempt_export_list
        from base.learner_cache import learner_cache_bump_on

        learner_cache_bump_on(QuizAttempt, lambda attempt: attempt.user_id)  # attempts and grades

        export_section_register(
            "quiz_attempts", attempt_export_list, models=["assessments.QuizAttempt", "assessments.QuizAnswer"]
        )
