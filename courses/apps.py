from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and learning")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_section_register
        from accounts.intents import intent_register
        from base.learner_cache import learner_cache_bump_on
        from courses.intents import ENROLL, enrollment_intent_complete
        from courses.models import Enrollment, LessonCompletion
        from courses.selectors import course_card_list, enrollment_export_list
        from partners.sections import partner_section_register

        export_section_register(
            "enrollments", enrollment_export_list, models=["courses.Enrollment", "courses.LessonCompletion"]
        )
        intent_register(ENROLL, enrollment_intent_complete)
        # What a learner sees of their courses (base/learner_cache.py).
        learner_cache_bump_on(Enrollment, lambda enrollment: enrollment.user_id)
        learner_cache_bump_on(LessonCompletion, lambda completion: completion.enrollment.user_id)
        partner_section_register(
            "courses", order=10, template="courses/includes/partner_courses.html", items=course_card_list
        )
