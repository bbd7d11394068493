"""The admin dashboard's learning panel: this period's figures against the last, with a trend line."""

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component

from reports import charts, metrics
from reports.privacy import RULE, Cell, learners_cell


def change_text(cell: Cell) -> str:
    """A change with its sign (+3, −2, 0), or "fewer than 5" when either period's figure is hidden."""
    if cell.suppressed or cell.value is None:
        return str(cell)
    if cell.value > 0:
        return "+" + number_format(cell.value)
    if cell.value < 0:
        return "\u2212" + number_format(-cell.value)
    return number_format(0)


class LearningSummaryPanel(Component):
    """Learners, new and active learners, enrolments, completions and certificates in the user's scope."""

    name = "learning_summary"
    order = 105  # after the site summary, before pages awaiting moderation
    template_name = "reports/panels/learning_summary.html"

    def __init__(self, scope: metrics.ReportScope):
        self.scope = scope

    def get_context_data(self, parent_context=None):
        summary = metrics.dashboard_summary_get(scope=self.scope)
        figures = []
        for number, metric in enumerate(summary.metrics):
            # The trend counts learners too: a point below the threshold is not drawn or written.
            trend = [learners_cell(value) for value in metric.trend]
            figures.append(
                {
                    "label": metric.label,
                    "current": str(metric.current),
                    "change": change_text(metric.change),
                    "spark": charts.sparkline(
                        chart_id=f"learning-summary-{number}",
                        title=gettext("%(figure)s, month by month: %(values)s")
                        % {"figure": metric.label, "values": ", ".join(str(cell) for cell in trend)},
                        values=trend,
                    ),
                }
            )
        return {
            "period_days": summary.period_days,
            "figures": figures,
            "rule": RULE,
            "breakdown_url": reverse("reports:learning_breakdown"),
            "trend_url": reverse("reports:learning_trend"),
        }
