from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and learning")

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any model exists.
        from accounts.export import export_section_register
        from courses.selectors import course_cards_under, enrollments_for_export
        from partners.sections import partner_section_register

        export_section_register(
            "enrollments", enrollments_for_export, models=["courses.Enrollment", "courses.LessonCompletion"]
        )
        partner_section_register(
            "courses", order=10, template="courses/includes/partner_courses.html", items=course_cards_under
        )
