"""The learning reports on Wagtail's ReportView: who learns what, where and with what result (issue 17).

Six tables behind one set of tabs, each with the same filters, a chart where one helps, and CSV and
XLSX exports. Screen and exports read the same rows from reports.metrics: every figure is a
reports.privacy.Cell, shown as str(cell) and exported as cell.export(), so "fewer than 5" reads the
same in both. Editors see every course; a partner's team its own (report_scope_get); anyone else 403.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import multigetattr

from reports import charts, metrics
from reports.charts import Series
from reports.filters import BreakdownFilterSet, LearningReportFilterSet
from reports.privacy import RULE, Cell

CHART_ROWS = 10  # the bar charts draw the first groups; the table has them all
TAB_KEEPS = ("period_from", "period_to", "course", "program", "partner", "country", "region", "locale")


def _export(value):
    """A figure as the spreadsheet holds it, a month as 2026-03, anything else as it is."""
    if isinstance(value, Cell):
        return value.export()
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m}"
    return value


def _screen(value) -> str:
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m}"
    return str(value)


@dataclass(frozen=True)
class ScreenCell:
    text: str
    bar: SafeString | None = None


@dataclass(frozen=True)
class ScreenRow:
    head: str
    cells: list[ScreenCell]


@method_decorator(never_cache, name="dispatch")
class LearningReportMixin:
    """The scope, the filters turned into ReportFilters, the tabs, the rule and the export of Cells.

    With a filter value that is not valid (an unknown or out-of-scope id, a bad date), the report
    shows the form's errors and no figures: never figures the user did not ask for.
    """

    header_icon = "table"
    filterset_class = LearningReportFilterSet
    paginate_by = None  # bounded lists; screen and export show the same rows
    results_template_name = "reports/learning/report_results.html"
    url_name = ""
    tab_title = ""
    definition = ""
    caption = ""
    list_export: list[str] = []

    def dispatch(self, request, *args, **kwargs):
        self.scope = metrics.report_scope_get(request.user)
        if self.scope is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.tab_title

    def get_index_url(self):
        return reverse(self.url_name)

    def get_index_results_url(self):
        return reverse(f"{self.url_name}_results")

    def get_filename(self):
        return f"{self.url_name.split(':')[-1].replace('_', '-')}-{timezone.now():%Y-%m-%d}"

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "scope": self.scope}

    @cached_property
    def report_filters(self) -> metrics.ReportFilters | None:
        """The valid filters as the metrics take them; None when the form has an error."""
        if not self.filters.is_valid():
            return None
        data = self.filters.form.cleaned_data
        period = data.get("period")
        course = data.get("course")
        return metrics.ReportFilters(
            date_from=period.start.date() if period and period.start else None,
            date_to=period.stop.date() if period and period.stop else None,
            course_key=course.translation_key if course else None,
            program=data.get("program"),
            partner=data.get("partner"),
            country=data.get("country") or "",
            region=data.get("region") or "",
            locale=data.get("locale"),
        )

    def get_queryset(self):
        if self.report_filters is None:
            return []
        return self.rows_get(self.report_filters)

    def filter_queryset(self, queryset):
        return queryset  # rows_get has applied the filters

    def rows_get(self, filters: metrics.ReportFilters) -> list:
        raise NotImplementedError

    def to_row_dict(self, item):
        return {name: _export(multigetattr(item, name)) for name in self.list_export}

    def get_headings(self) -> list[str]:
        return [str(self.export_headings[name]) for name in self.list_export]

    def screen_rows(self, rows) -> list[ScreenRow]:
        """Each row as the table shows it: the first export column as the row's heading, then the rest."""
        head, *rest = self.list_export
        return [
            ScreenRow(
                head=_screen(multigetattr(row, head)),
                cells=[ScreenCell(_screen(multigetattr(row, name))) for name in rest],
            )
            for row in rows
        ]

    def chart(self, rows) -> SafeString | None:
        return None

    def tabs(self) -> list[dict]:
        query = self.request.GET.copy()
        for name in list(query):
            if name not in TAB_KEEPS:
                del query[name]
        suffix = f"?{query.urlencode()}" if query else ""
        return [
            {"title": view.tab_title, "url": reverse(view.url_name) + suffix, "current": view is type(self)}
            for view in LEARNING_REPORTS
        ]

    def filter_errors(self) -> list[dict]:
        if self.report_filters is not None:
            return []
        form = self.filters.form
        return [
            {"label": form[name].label if name in form.fields else "", "messages": errors}
            for name, errors in form.errors.items()
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context["object_list"]
        context.update(
            tabs=self.tabs(),
            rule=RULE,
            definition=self.definition,
            caption=self.caption or self.tab_title,
            headings=self.get_headings(),
            rows=self.screen_rows(rows),
            chart=self.chart(rows) if rows else None,
            filter_errors=self.filter_errors(),
            scope=self.scope,
        )
        return context


class BreakdownReportView(LearningReportMixin, ReportView):
    """Enrolments and completions grouped by course, country, sector, gender, month…"""

    tab_title = _("Enrolments and completions")
    url_name = "reports:learning_breakdown"
    filterset_class = BreakdownFilterSet
    definition = _(
        "Enrolments made in the chosen dates (any, by default), grouped as chosen. Completions are "
        "those enrolments completed since; the completion rate is completions divided by "
        "enrolments; median days runs from enrolment to completion. Learners counts people once per "
        "group. Profile answers are read as they are today; unanswered ones form their own group. By "
        "month, enrolments count in the month they were made and completions in the month they "
        "happened."
    )
    list_export = ["label", "learners", "enrollments", "completions", "completion_rate", "median_days"]

    @cached_property
    def dimension(self) -> str:
        chosen = self.filters.form.cleaned_data.get("dimension") if self.filters.is_valid() else ""
        return chosen or metrics.Dimension.COURSE

    @property
    def export_headings(self):
        return {
            "label": metrics.Dimension(self.dimension).label,
            "learners": _("Learners"),
            "enrollments": _("Enrolments"),
            "completions": _("Completions"),
            "completion_rate": _("Completion rate (%)"),
            "median_days": _("Median days to complete"),
        }

    @property
    def caption(self):
        # The group's label as it is: lower-casing a translated label breaks some scripts (Turkish İ).
        return gettext("Enrolments and completions by group: %(group)s") % {
            "group": metrics.Dimension(self.dimension).label
        }

    def get_filename(self):
        return f"enrolments-by-{self.dimension.replace('_', '-')}-{timezone.now():%Y-%m-%d}"

    def rows_get(self, filters):
        return metrics.breakdown_list(dimension=self.dimension, scope=self.scope, filters=filters)

    def chart(self, rows):
        if self.dimension == metrics.Dimension.MONTH:
            months = []
            for row in rows:
                try:
                    months.append(datetime.date.fromisoformat(f"{row.key}-01"))
                except ValueError:
                    return None
            return charts.month_chart(
                chart_id="breakdown-chart",
                title=str(self.caption),
                months=months,
                series=[
                    Series(str(_("Enrolments")), [row.enrollments for row in rows]),
                    Series(str(_("Completions")), [row.completions for row in rows]),
                ],
            )
        top = rows[:CHART_ROWS]
        return charts.bar_chart(
            chart_id="breakdown-chart",
            title=str(_("Enrolments and completions, the first %(count)s groups of the table") % {"count": len(top)}),
            labels=[row.label for row in top],
            series=[
                Series(str(_("Enrolments")), [row.enrollments for row in top]),
                Series(str(_("Completions")), [row.completions for row in top]),
            ],
        )


class MonthlyTrendReportView(LearningReportMixin, ReportView):
    """Enrolments, completions and new learners per month."""

    tab_title = _("Monthly trend")
    url_name = "reports:learning_trend"
    definition = _(
        "Per month, from the start of the chosen dates (else twelve months back) to their end (else "
        "today): enrolments made that month, courses completed that month, and new learners, whose "
        "first enrolment was that month."
    )
    list_export = ["month", "enrollments", "completions", "new_learners"]
    export_headings = {
        "month": _("Month"),
        "enrollments": _("Enrolments"),
        "completions": _("Completions"),
        "new_learners": _("New learners"),
    }

    def rows_get(self, filters):
        return metrics.monthly_trend_list(scope=self.scope, filters=filters)

    def chart(self, rows):
        return charts.month_chart(
            chart_id="trend-chart",
            title=str(_("Enrolments, completions and new learners per month")),
            months=[row.month for row in rows],
            series=[
                Series(str(_("Enrolments")), [row.enrollments for row in rows]),
                Series(str(_("Completions")), [row.completions for row in rows]),
                Series(str(_("New learners")), [row.new_learners for row in rows]),
            ],
        )


class FunnelReportView(LearningReportMixin, ReportView):
    """Per course: visited, enrolled, first lesson, half-way, completed."""

    tab_title = _("Course funnel")
    url_name = "reports:learning_funnel"
    caption = _("How far learners get in each course")
    definition = _(
        "Visited: views of the course page in any language in the chosen dates (no reader is "
        "recorded, so views are never hidden). Enrolled: enrolments in the chosen dates; first "
        "lesson: those with a lesson completed; half-way: those with at least half of the required "
        "steps done; completed: those completed. Each bar is the step's share of the row's largest figure."
    )
    list_export = ["title", "visited", "enrolled", "first_lesson", "halfway", "completed"]
    export_headings = {
        "title": _("Course"),
        "visited": _("Visited"),
        "enrolled": pgettext_lazy("funnel step", "Enrolled"),
        "first_lesson": _("First lesson"),
        "halfway": _("Half-way"),
        "completed": pgettext_lazy("funnel step", "Completed"),
    }

    def rows_get(self, filters):
        return metrics.funnel_list(scope=self.scope, filters=filters)

    def screen_rows(self, rows):
        steps = self.list_export[1:]
        screen = []
        for row in rows:
            cells = [getattr(row, name) for name in steps]
            drawn = [cell for cell in cells if not cell.suppressed and cell.value is not None]
            largest = max(drawn, key=lambda cell: cell.value, default=Cell(None))
            screen.append(
                ScreenRow(
                    head=row.title,
                    cells=[ScreenCell(str(cell), charts.step_bar(cell=cell, largest=largest)) for cell in cells],
                )
            )
        return screen


class QuizPassReportView(LearningReportMixin, ReportView):
    """Per quiz: learners, attempts, pass rate and pass rate at the first attempt."""

    tab_title = _("Quiz pass rates")
    url_name = "reports:learning_quizzes"
    definition = _(
        "Attempts submitted in the chosen dates, every language of a quiz together. Pass rate: the "
        "share of learners who passed at any attempt; first attempt: the share who passed at their first."
    )
    list_export = ["title", "course_title", "learners", "attempts", "pass_rate", "first_attempt_pass_rate"]
    export_headings = {
        "title": _("Quiz"),
        "course_title": _("Course"),
        "learners": _("Learners"),
        "attempts": _("Attempts"),
        "pass_rate": _("Pass rate (%)"),
        "first_attempt_pass_rate": _("Passed at first attempt (%)"),
    }

    def rows_get(self, filters):
        return metrics.quiz_pass_rate_list(scope=self.scope, filters=filters)


class QuestionDifficultyReportView(LearningReportMixin, ReportView):
    """The questions learners most often get wrong."""

    tab_title = _("Hardest questions")
    url_name = "reports:learning_questions"
    definition = _(
        "Questions answered in the chosen dates by at least five learners, the lowest share of fully "
        "correct answers first. A question most learners get wrong may be unclear."
    )
    list_export = ["prompt", "quiz_title", "learners", "correct_rate"]
    export_headings = {
        "prompt": _("Question"),
        "quiz_title": _("Quiz"),
        "learners": _("Learners"),
        "correct_rate": _("Fully correct (%)"),
    }

    def rows_get(self, filters):
        return metrics.question_difficulty_list(scope=self.scope, filters=filters)

    def chart(self, rows):
        top = rows[:CHART_ROWS]
        return charts.bar_chart(
            chart_id="questions-chart",
            title=str(_("Share of fully correct answers, the hardest questions first")),
            labels=[row.prompt for row in top],
            series=[Series(str(_("Fully correct (%)")), [row.correct_rate for row in top])],
        )


class ResourceReadReportView(LearningReportMixin, ReportView):
    """The most-read know-how resources."""

    tab_title = _("Most-read know-how")
    url_name = "reports:learning_resources"
    definition = _(
        "Views of each resource's page in any language in the chosen dates, counted on the server "
        "without recording anything about the reader; saved: learners who have it on their reading list."
    )
    list_export = ["title", "kind", "partner", "views", "saved"]
    export_headings = {
        "title": _("Resource"),
        "kind": _("Kind"),
        "partner": _("Partner"),
        "views": _("Views"),
        "saved": _("Saved by learners"),
    }

    def rows_get(self, filters):
        return metrics.resource_read_list(scope=self.scope, filters=filters)

    def chart(self, rows):
        top = rows[:CHART_ROWS]
        return charts.bar_chart(
            chart_id="resources-chart",
            title=str(_("Views of the most-read resources")),
            labels=[row.title for row in top],
            series=[Series(str(_("Views")), [row.views for row in top])],
        )


LEARNING_REPORTS = [
    BreakdownReportView,
    MonthlyTrendReportView,
    FunnelReportView,
    QuizPassReportView,
    QuestionDifficultyReportView,
    ResourceReadReportView,
]


class LearningReportMenuItem(MenuItem):
    def is_shown(self, request):
        return metrics.report_scope_get(request.user) is not None
