"""The admin reports on Wagtail's ReportView: quiz results, and the partner report in four tables.

Each gets Wagtail's filters, pagination and CSV/XLSX export; base/spreadsheets.py makes every export
write formula-like text as text.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from assessments.models import QuizAttempt, QuizPage
from partners import permissions
from partners.selectors import report_partner_list
from reports import selectors
from reports.filters import PartnerMonthFilterSet, PartnerReportFilterSet, QuizReportFilterSet


def _yes_no(value) -> str:
    return gettext("yes") if value else gettext("no")


def _two_decimals(value):
    return None if value is None else round(value, 2)


class QuizReportMixin:
    """Readable by whoever may view quiz attempts (editors and the site's staff)."""

    permission_policy = ModelPermissionPolicy(QuizAttempt)
    permission_required = "view"
    header_icon = "tasks"


class QuizReportIndexView(QuizReportMixin, ReportView):
    """Every quiz with its attempts, learners, pass rate and average score."""

    page_title = _("Quiz results")
    results_template_name = "reports/quiz_index_results.html"
    index_url_name = "reports:quiz_index"
    index_results_url_name = "reports:quiz_index_results"
    filterset_class = QuizReportFilterSet
    export_filename = "quiz-results"
    list_export = ["title", "language", "quiz.live", "attempts", "learners", "pass_rate", "average"]
    export_headings = {
        "title": _("Quiz"),
        "language": _("Language"),
        "quiz.live": _("Live"),
        "attempts": _("Attempts"),
        "learners": _("Learners"),
        "pass_rate": _("Pass rate (%)"),
        "average": _("Average score"),
    }
    custom_field_preprocess = {
        "quiz.live": {"csv": _yes_no, "xlsx": _yes_no},
        "average": {"csv": _two_decimals, "xlsx": _two_decimals},  # as the screen rounds it
    }

    def get_base_queryset(self):
        return selectors.quiz_list()

    def decorate_paginated_queryset(self, object_list):
        return selectors.quiz_report_list(quizzes=object_list)


class QuizReportDetailView(QuizReportMixin, ReportView):
    """One quiz: totals, then per question the answers and the share that picked each option."""

    page_subtitle = _("Quiz results")
    results_template_name = "reports/quiz_detail_results.html"
    paginate_by = 20  # questions
    list_export = ["number", "prompt", "answered", "correct_share", "option", "option_is_correct", "count", "share"]
    export_headings = {
        "number": "#",
        "prompt": _("Question"),
        "answered": _("Answered"),
        "correct_share": capfirst(_("fully correct")),
        "option": _("Option"),
        "option_is_correct": _("Correct"),
        "count": _("Picked"),
        "share": _("Share of answers"),
    }
    custom_field_preprocess = {"option_is_correct": {"csv": _yes_no, "xlsx": _yes_no}}

    @cached_property
    def quiz(self) -> QuizPage:
        # Read after the permission check in dispatch: no one else learns which ids exist.
        return get_object_or_404(QuizPage.objects.select_related("locale"), pk=self.kwargs["quiz_id"])

    @cached_property
    def report(self) -> selectors.QuizReport:
        return selectors.quiz_report_get(quiz=self.quiz)

    def get_page_title(self):
        return self.quiz.title

    def get_index_url(self):
        return reverse("reports:quiz_detail", args=[self.quiz.pk])

    def get_index_results_url(self):
        return reverse("reports:quiz_detail_results", args=[self.quiz.pk])

    def get_filename(self):
        return f"quiz-results-{self.quiz.pk}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("reports:quiz_index"), "label": gettext("Quiz results")},
            {"url": "", "label": self.quiz.title},
        ]

    def get_queryset(self):
        return self.report.questions

    def decorate_paginated_queryset(self, object_list):
        if not self.is_export:
            return object_list
        # One spreadsheet row per option, or per question when it has none (numeric answers).
        rows = []
        for question in object_list:
            base = {
                "number": question.number,
                "prompt": question.prompt,
                "answered": question.answered,
                "correct_share": question.correct_share,
            }
            if not question.options:
                rows.append({**base, "option": "", "option_is_correct": "", "count": "", "share": ""})
            for option in question.options:
                rows.append(
                    {
                        **base,
                        "option": option.text,
                        "option_is_correct": option.is_correct,
                        "count": option.count,
                        "share": option.share,
                    }
                )
        return rows

    def to_row_dict(self, item):
        return {name: item[name] for name in self.list_export}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(quiz=self.quiz, report=self.report)
        return context


@method_decorator(never_cache, name="dispatch")
class PartnerReportMixin:
    """The partner whose report was asked for (?partner=id), among those the user may see.

    Editors see every partner, a partner's team only its own; no partner to see is a 403, an id
    outside them a 404, and an id that is not a number shows the first partner with a warning.
    """

    header_icon = "group"
    filterset_class = PartnerReportFilterSet
    page_title = _("Partner report")
    table_title = ""
    table_url_name = ""

    def dispatch(self, request, *args, **kwargs):
        self.partners = report_partner_list(request.user)
        if not self.partners:
            raise PermissionDenied
        raw = request.GET.get("partner", "")
        self.partner = self.partners[0]
        if raw:
            if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
                if request.GET.get("export") is None and not self.results_only:
                    messages.warning(request, gettext("That partner was not recognised; showing the first one."))
            else:
                self.partner = next((partner for partner in self.partners if partner.pk == int(raw)), None)
                if self.partner is None:
                    raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.partner.title

    def get_index_url(self):
        return reverse(self.table_url_name)

    def get_index_results_url(self):
        return reverse(f"{self.table_url_name}_results")

    def get_filename(self):
        return f"partner-report-{self.partner.pk}-{self.table_url_name.split(':')[-1]}-{timezone.now():%Y-%m-%d}"

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "partners": self.partners, "partner": self.partner}

    @cached_property
    def chosen(self) -> dict:
        """The filters' values when they are valid (an unknown course or date is ignored)."""
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            partner=self.partner,
            active_days=selectors.ACTIVE_DAYS,
            tables=[
                {"title": view.table_title, "url": reverse(view.table_url_name), "current": view is type(self)}
                for view in PARTNER_REPORT_TABLES
            ],
        )
        return context


class PartnerCourseReportView(PartnerReportMixin, ReportView):
    """Per course: enrolments, active learners, completions and completion rate."""

    table_title = _("Courses")
    table_url_name = "reports:partner_courses"
    results_template_name = "reports/partner_courses_results.html"
    list_export = ["title", "course.live", "enrolled", "active", "completed", "completion_rate"]
    export_headings = {
        "title": _("Course"),
        "course.live": _("Live"),
        "enrolled": _("Enrolments"),
        "active": _("Active learners"),
        "completed": _("Completions"),
        "completion_rate": _("Completion rate (%)"),
    }
    custom_field_preprocess = {"course.live": {"csv": _yes_no, "xlsx": _yes_no}}

    def get_base_queryset(self):
        return selectors.partner_course_list(partner=self.partner)

    def decorate_paginated_queryset(self, object_list):
        return selectors.partner_course_rows(partner=self.partner, courses=object_list)


class PartnerCourseExportView(PartnerCourseReportView):
    """The course table as XLSX at its address of old (/admin/partners/reports/export/)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = True

    def render_to_response(self, context, **response_kwargs):
        return self.as_spreadsheet(context["object_list"], self.FORMAT_XLSX)


class PartnerRowsReportView(PartnerReportMixin, ReportView):
    """A table computed from the partner's records, filtered by one of its courses."""

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "courses": selectors.partner_course_list(partner=self.partner)}

    def get_queryset(self):
        return self.rows_get(course=self.chosen.get("course"))

    def filter_queryset(self, queryset):
        return queryset  # rows_get has applied the filters' values


class PartnerMonthReportView(PartnerRowsReportView):
    """Quiz attempts, passes and pass rate per course and month."""

    table_title = _("Quiz pass rate by month")
    table_url_name = "reports:partner_months"
    results_template_name = "reports/partner_months_results.html"
    filterset_class = PartnerMonthFilterSet
    list_export = ["course.title", "month", "attempts", "passes", "pass_rate"]
    export_headings = {
        "course.title": _("Course"),
        "month": _("Month"),
        "attempts": _("Attempts"),
        "passes": _("Passes"),
        "pass_rate": _("Pass rate (%)"),
    }
    custom_field_preprocess = {"month": {"csv": lambda month: f"{month:%Y-%m}", "xlsx": lambda month: f"{month:%Y-%m}"}}

    def rows_get(self, *, course):
        submitted = self.chosen.get("submitted")
        return selectors.partner_month_list(
            partner=self.partner,
            course=course,
            date_from=submitted.start if submitted else None,
            date_to=submitted.stop if submitted else None,
        )


class PartnerCountryReportView(PartnerRowsReportView):
    """Learners per course and country."""

    table_title = _("Learners by country")
    table_url_name = "reports:partner_countries"
    results_template_name = "reports/partner_countries_results.html"
    list_export = ["course.title", "name", "count"]
    export_headings = {"course.title": _("Course"), "name": _("Country"), "count": _("Learners")}

    def rows_get(self, *, course):
        return selectors.partner_country_list(partner=self.partner, course=course)


class PartnerLearnerReportView(PartnerRowsReportView):
    """The learners who share their progress with the partner, and how many others there are."""

    table_title = _("Learners who share their progress")
    table_url_name = "reports:partner_learners"
    results_template_name = "reports/partner_learners_results.html"
    list_export = ["course.title", "name", "enrolled_at", "completed_at", "progress"]
    export_headings = {
        "course.title": _("Course"),
        "name": _("Learner"),
        "enrolled_at": _("Enrolled"),
        "completed_at": _("Completed"),
        "progress": _("Progress (%)"),
    }
    custom_field_preprocess = {
        "enrolled_at": {"csv": lambda when: when.date().isoformat(), "xlsx": lambda when: when.date().isoformat()},
        "completed_at": {
            "csv": lambda when: when.date().isoformat() if when else "",
            "xlsx": lambda when: when.date().isoformat() if when else "",
        },
    }

    def rows_get(self, *, course):
        return selectors.partner_learner_list(partner=self.partner, course=course)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        courses = selectors.partner_course_list(partner=self.partner)
        if course := self.chosen.get("course"):
            courses = courses.filter(pk=course.pk)
        context["course_rows"] = selectors.partner_course_rows(partner=self.partner, courses=courses)
        return context


PARTNER_REPORT_TABLES = [
    PartnerCourseReportView,
    PartnerMonthReportView,
    PartnerCountryReportView,
    PartnerLearnerReportView,
]


class QuizReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.view_quizattempt")


class PartnerReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_see_partner_reports(request.user)
