"""Reach and outcomes for the whole site: who learns what, where, and with what result (issue 17).

Every function aggregates in the database and runs a fixed number of queries, whatever the number
of learners, enrolments or completions; every figure that counts learners comes back as a
`reports.privacy.Cell`, already suppressed below the small-cell threshold.

Semantics, the same in every report:
- The rows are enrolments (a learner × a course by translation key, whatever its language) within
  the scope and the filters. The date range selects enrolments by the day they were made
  (inclusive); "completions" are those of them completed (at any time since), "completion rate" is
  completions / enrolments, "median days" is the median of completed_at − enrolled_at over them.
- Except by month (MONTH and `monthly_trend_list`): enrolments are counted in the month they were
  made, completions in the month they happened, both within the date range.
- "Learners" counts distinct users among those enrolments.
- A learner's country, sector, stage, size, gender and women-led answer are read from the profile
  as it is now; blank answers form their own row ("not given"), and "prefer not to say" its own.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from courses.models import TrainingProgramPage
from partners.models import PartnerPage
from reports.privacy import Cell


class Dimension(models.TextChoices):
    """What an enrolments-and-completions breakdown groups by."""

    COURSE = "course", _("Course")
    PROGRAM = "program", _("Program")
    PARTNER = "partner", _("Partner")
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
    SECTOR = "sector", _("Sector")
    STAGE = "stage", _("Business stage")
    SIZE = "size", _("Business size")
    GENDER = "gender", _("Gender")
    WOMEN_LED = "women_led", _("Women-owned or women-led business")
    LOCALE = "locale", _("Language of the course")
    MONTH = "month", _("Month")


@dataclass(frozen=True)
class ReportScope:
    """Whose courses a report covers: every course (editors) or the courses of some partners."""

    partner_paths: tuple[str, ...] = ()  # the partner pages' paths, in every locale
    everything: bool = False

    @property
    def is_partner(self) -> bool:
        return not self.everything


def report_scope_get(user) -> ReportScope | None:
    """Editors see everything; a partner's team its own partner's courses (every language); others None."""
    raise NotImplementedError


@dataclass(frozen=True)
class ReportFilters:
    """The filters every report takes; None or "" means "any"."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    course_key: uuid.UUID | None = None  # a course's translation key
    program: TrainingProgramPage | None = None  # its courses, by translation key
    partner: PartnerPage | None = None  # courses under it, in every language
    country: str = ""  # ISO 3166-1 alpha-2, the learner's profile
    region: str = ""  # a base.regions.Region value, from the learner's country
    locale: Locale | None = None  # the language of the course page the learner enrolled on


@dataclass(frozen=True)
class BreakdownRow:
    key: str  # the group's stable key (a translation key, a code, "2026-03", "" for "not given")
    label: str  # in the editor's language
    learners: Cell
    enrollments: Cell
    completions: Cell
    completion_rate: Cell  # %
    median_days: Cell  # days from enrolment to completion


def breakdown_list(*, dimension: str, scope: ReportScope, filters: ReportFilters) -> list[BreakdownRow]:
    """Enrolments and completions grouped by `dimension`, largest first (MONTH: by month, oldest first)."""
    raise NotImplementedError


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date  # the first day of the month
    enrollments: Cell
    completions: Cell
    new_learners: Cell  # learners whose first enrolment in scope was that month


def monthly_trend_list(
    *, scope: ReportScope, filters: ReportFilters, months: int = 12, today: datetime.date | None = None
) -> list[MonthRow]:
    """One row per month, no gaps: from the filter's start month (else `months` back) to its end (else today)."""
    raise NotImplementedError


@dataclass(frozen=True)
class FunnelRow:
    course_key: uuid.UUID
    title: str  # in the editor's language when translated, else the source language
    visited: Cell  # page views of the course page (any language), in the date range: never suppressed
    enrolled: Cell
    first_lesson: Cell  # enrolments with at least one lesson completed
    halfway: Cell  # enrolments with at least half of the course's required steps done
    completed: Cell


def funnel_list(*, scope: ReportScope, filters: ReportFilters) -> list[FunnelRow]:
    """Per course in scope: visited → enrolled → first lesson → half-way → completed."""
    raise NotImplementedError


@dataclass(frozen=True)
class QuizPassRow:
    quiz_key: uuid.UUID
    title: str
    course_title: str
    learners: Cell  # learners who submitted at least one attempt
    attempts: Cell
    pass_rate: Cell  # % of learners who passed (at any attempt)
    first_attempt_pass_rate: Cell  # % of learners who passed at their first attempt


def quiz_pass_rate_list(*, scope: ReportScope, filters: ReportFilters) -> list[QuizPassRow]:
    """Per quiz in scope (by translation key), attempts submitted in the date range."""
    raise NotImplementedError


@dataclass(frozen=True)
class QuestionRow:
    quiz_key: uuid.UUID
    quiz_title: str
    question_id: str  # the block id, stable across languages
    prompt: str  # as last asked
    learners: Cell  # learners who answered it
    correct_rate: Cell  # % of answers fully correct


def question_difficulty_list(*, scope: ReportScope, filters: ReportFilters, limit: int = 20) -> list[QuestionRow]:
    """The hardest questions first (lowest share of correct answers), among those SMALL_CELL learners answered."""
    raise NotImplementedError


@dataclass(frozen=True)
class ResourceReadRow:
    resource_key: uuid.UUID
    title: str
    kind: str  # the resource kind's label
    partner: str  # the partner whose subtree holds it, else ""
    views: Cell  # page views in the date range (never suppressed: no reader is stored)
    saved: Cell  # learners who saved it to their reading list


def resource_read_list(*, scope: ReportScope, filters: ReportFilters, limit: int = 50) -> list[ResourceReadRow]:
    """The most-read know-how resources in the date range (partners: their own resources)."""
    raise NotImplementedError


@dataclass(frozen=True)
class Metric:
    """One figure of the dashboard panel, this period against the one before, and its trend."""

    label: str
    current: Cell
    previous: Cell
    change: Cell  # current − previous (suppressed when either is)
    trend: list[int] = field(default_factory=list)  # 12 points, oldest first, for the sparkline


@dataclass(frozen=True)
class DashboardSummary:
    period_days: int
    metrics: list[Metric]


def dashboard_summary_get(*, scope: ReportScope, now: datetime.datetime | None = None) -> DashboardSummary:
    """Learners, new learners this month, active learners (30 days), enrolments, completions, certificates."""
    raise NotImplementedError
