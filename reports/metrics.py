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

import dataclasses
import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models import Case, Count, Exists, F, Max, OuterRef, Q, Sum, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names
from wagtail.models import Locale, Page

from accounts.models import BusinessSize, Gender, WomenLed
from assessments.models import QuizAnswer, QuizAttempt, QuizPage
from base.locales import locales_active_and_default
from base.regions import Region, country_region, region_countries
from certificates.models import Certificate, CertificateKind
from courses.models import (
    CoursePage,
    Enrollment,
    LessonCompletion,
    ProgramCourse,
    TrainingProgramPage,
    course_step_models,
)
from library.models import ReadingListItem, ResourceKind, ResourcePage
from partners.models import PartnerPage
from partners.permissions import is_editor, partner_pages_of
from reports.models import PageViewDay, ViewedPageKind
from reports.privacy import SMALL_CELL, Cell, learners_cell, measure_cell, plain_cell, rate_cell
from taxonomy.models import BusinessStage, Sector


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
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if is_editor(user):
        return ReportScope(everything=True)
    keys = partner_pages_of(user).values("translation_key")
    paths = tuple(sorted(PartnerPage.objects.filter(translation_key__in=keys).values_list("path", flat=True)))
    return ReportScope(partner_paths=paths) if paths else None


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


# Shared ground: which courses, enrolments and labels a report covers.

STEPLEN = Page.steplen
NOT_GIVEN = _("Not given")


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _date_q(field_name: str, filters: ReportFilters) -> Q:
    """`field_name` (a datetime) within the filters' days, both ends included."""
    q = Q()
    if filters.date_from:
        q &= Q(**{f"{field_name}__gte": _day_start(filters.date_from)})
    if filters.date_to:
        q &= Q(**{f"{field_name}__lt": _day_start(filters.date_to + datetime.timedelta(days=1))})
    return q


def _paths_q(paths, field_name: str = "path") -> Q:
    q = Q()
    for path in paths:
        q |= Q(**{f"{field_name}__startswith": path})
    return q


def _pages_in(model, scope: ReportScope, filters: ReportFilters | None = None):
    """Pages of `model` (any language, drafts too) in the scope and under the partner filter."""
    pages = model.objects.all()
    if not scope.everything:
        pages = pages.filter(_paths_q(scope.partner_paths)) if scope.partner_paths else pages.none()
    if filters is not None and filters.partner is not None:
        partner_paths = PartnerPage.objects.filter(translation_key=filters.partner.translation_key).values_list(
            "path", flat=True
        )
        pages = pages.filter(_paths_q(list(partner_paths)) or Q(pk__in=[]))
    return pages


def _courses_in(scope: ReportScope, filters: ReportFilters):
    """Course pages (every language) in the scope and under the course, program and partner filters."""
    courses = _pages_in(CoursePage, scope, filters)
    if filters.course_key:
        courses = courses.filter(translation_key=filters.course_key)
    if filters.program is not None:
        courses = courses.filter(
            translation_key__in=ProgramCourse.objects.filter(
                program__translation_key=filters.program.translation_key
            ).values("course__translation_key")
        )
    return courses


def _courses_filtered(scope: ReportScope, filters: ReportFilters) -> bool:
    return not scope.everything or bool(filters.course_key or filters.program or filters.partner)


def _learner_q(filters: ReportFilters, prefix: str = "user__") -> Q:
    """The country and region filters, on the learner's profile."""
    q = Q()
    if filters.country:
        q &= Q(**{f"{prefix}profile__country": filters.country})
    if filters.region:
        q &= Q(**{f"{prefix}profile__country__in": region_countries(filters.region)})
    return q


def _enrollments(scope: ReportScope, filters: ReportFilters, *, dated: bool = True):
    """The report's rows: enrolments in the scope and the filters (made in the date range when `dated`)."""
    enrollments = Enrollment.objects.filter(_learner_q(filters))
    if _courses_filtered(scope, filters):
        enrollments = enrollments.filter(course_key__in=_courses_in(scope, filters).values("translation_key"))
    if filters.locale is not None:
        enrollments = enrollments.filter(course__locale=filters.locale)
    if dated:
        enrollments = enrollments.filter(_date_q("enrolled_at", filters))
    return enrollments.order_by()


def _first_enrollments(enrollments):
    """Among `enrollments`, each learner's first one (their arrival in the report's scope)."""
    earlier = enrollments.filter(user=OuterRef("user")).filter(
        Q(enrolled_at__lt=OuterRef("enrolled_at")) | Q(enrolled_at=OuterRef("enrolled_at"), pk__lt=OuterRef("pk"))
    )
    return enrollments.filter(~Exists(earlier))


def _title_by_key(rows, active: Locale, default: Locale) -> dict:
    """(key, locale_id, title) rows → key: the title in the active language, else the default's, else any."""
    best = {}
    for key, locale_id, title in rows:
        rank = 0 if locale_id == active.pk else 1 if locale_id == default.pk else 2
        if key not in best or rank < best[key][0]:
            best[key] = (rank, title)
    return {key: title for key, (_rank, title) in best.items()}


def _page_titles(model, keys, locales) -> dict:
    """One query: the title of each page (by translation key) in the editor's language."""
    rows = model.objects.filter(translation_key__in=list(keys)).values_list("translation_key", "locale_id", "title")
    return _title_by_key(rows, *locales)


def _term_names(model, keys, locales) -> dict:
    rows = model.objects.filter(translation_key__in=list(keys)).values_list("translation_key", "locale_id", "name")
    return _title_by_key(rows, *locales)


def _owner_path(path: str, depth: int, levels: int) -> str:
    """The path of the ancestor `levels` above a page."""
    return path[: (depth - levels) * STEPLEN]


class DaysBetween(models.Func):
    """(end − start) in days, as a float computed by the database itself.

    Django's own datetime subtraction calls a Python function per row on SQLite; julianday() and
    EXTRACT(EPOCH …) are native, which matters when a median sorts 100,000 rows.
    """

    output_field = models.FloatField()

    def __init__(self, end, start):
        super().__init__(end, start)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="(julianday(%(expressions)s))", arg_joiner=") - julianday(", **extra_context
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
            arg_joiner=" - ",
            **extra_context,
        )


def _grouped_raw(queryset, template: str) -> list[tuple]:
    """Rows of `template` (standard SQL with {} for the queryset) run over `queryset` as a subquery.

    For the few aggregations over aggregations the ORM cannot write; the queryset's own SQL and
    parameters are used as they are, so scope and filters stay the ORM's.
    """
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(template.format(sql), params)
        return cursor.fetchall()


def _as_uuid(value) -> uuid.UUID:
    """A UUID column read by a raw query: a UUID on PostgreSQL, 32 hex digits on SQLite."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _month_of(field_name: str):
    """The first day of the month of a datetime column, in the current time zone.

    On SQLite in UTC (the site's zone), strftime() is native; Django's TruncMonth calls a Python
    function per row there, which costs seconds at 100,000 rows.
    """
    if connection.vendor == "sqlite" and timezone.get_current_timezone_name() == "UTC":
        return models.Func(Value("%Y-%m-01"), F(field_name), function="strftime", output_field=models.CharField())
    return TruncMonth(field_name)


def _middle_positions(size: int) -> set[int]:
    """The 1-based positions of the middle row (odd sizes) or the two middle rows (even sizes)."""
    return {position for position in (size // 2, size // 2 + 1) if size and size / 2 <= position <= size / 2 + 1}


def _medians(completed, group, sizes: dict, key_of=lambda key: key) -> dict:
    """group → median of completed_at − enrolled_at in days, computed in the database.

    A window function numbers each group's completions by duration. `sizes` holds each group's
    number of completions (keyed by `key_of(group value)`), already counted by the caller: no
    second window counts them again (on SQLite that was a second sort of every completed row).
    Only rows at a middle position of some group come back; those at the middle of their own
    group are kept.
    """
    wanted = set().union(*(_middle_positions(size) for size in sizes.values()))
    if not wanted:
        return {}
    ranked = completed.annotate(
        group=group,
        duration=DaysBetween("completed_at", "enrolled_at"),
        position=Window(RowNumber(), partition_by=[F("group")], order_by=[F("duration").asc(), F("pk").asc()]),
    ).filter(position__in=sorted(wanted))
    middles = defaultdict(list)
    for value, duration, position in ranked.values_list("group", "duration", "position"):
        key = key_of(value)
        if position in _middle_positions(sizes.get(key, 0)):
            middles[key].append(duration)
    return {key: round(sum(values) / len(values), 1) for key, values in middles.items()}


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
    dimension = Dimension(dimension)
    if dimension == Dimension.MONTH:
        return _breakdown_by_month(scope, filters)
    locales = locales_active_and_default()
    enrollments = _enrollments(scope, filters)
    if dimension == Dimension.PROGRAM:
        stats, medians = _program_stats(enrollments, scope, filters)
    else:
        group = _group_expression(dimension, scope, filters)
        # Regions: counted per country, then added up (a learner has one country, so learners add
        # up exactly); a CASE over every country code on every row costs more than the GROUP BY.
        counted = _group_expression(Dimension.COUNTRY, scope, filters) if dimension == Dimension.REGION else group
        stats = list(
            enrollments.annotate(group=counted)
            .values("group")
            .annotate(**_FIGURES)
            .values_list("group", *_FIGURES)
            .order_by()
        )
        if dimension == Dimension.REGION:
            stats = _by_region(stats)
        sizes = {key: completions for key, _learners, _enrollments, completions, _completers in stats}
        medians = _medians(enrollments.filter(completed_at__isnull=False), group, sizes)
    labels = _labels(dimension, [key for key, *_figures in stats], locales)
    rows = [
        _breakdown_row(
            key="" if key is None else str(key),
            label=labels.get(key) or str(NOT_GIVEN),
            figures=figures,
            median=medians.get(key),
        )
        for key, *figures in stats
    ]
    return sorted(rows, key=lambda row: (-row.enrollments.value, row.label.casefold(), row.key))


_FIGURES = {
    "learners": Count("user", distinct=True),
    "enrollments": Count("pk"),
    "completions": Count("pk", filter=Q(completed_at__isnull=False)),
    "completers": Count("user", distinct=True, filter=Q(completed_at__isnull=False)),
}


def _by_region(country_stats) -> list[tuple]:
    """(country, figures…) rows → (region, figures…) rows, added up ("" for no or an unknown country)."""
    totals = defaultdict(lambda: [0] * len(_FIGURES))
    for code, *figures in country_stats:
        total = totals[country_region(code or "")]
        for index, figure in enumerate(figures):
            total[index] += figure
    return [(region, *figures) for region, figures in totals.items()]


def _breakdown_row(*, key: str, label: str, figures, median) -> BreakdownRow:
    learners, enrollments, completions, completers = figures
    return BreakdownRow(
        key=key,
        label=label,
        learners=learners_cell(learners),
        enrollments=learners_cell(enrollments),
        completions=learners_cell(completions),
        completion_rate=rate_cell(completions, enrollments),
        median_days=measure_cell(median, completers),
    )


def _choice(values: dict) -> Case:
    """A Case giving each enrolment the key of the first group whose condition holds, else ""."""
    whens = [When(condition, then=Value(str(key))) for key, condition in values.items()]
    return Case(*whens, default=Value(""), output_field=models.CharField()) if whens else Value("")


def _partner_of_course(scope: ReportScope, filters: ReportFilters) -> dict:
    """course translation key → translation key of the partner whose subtree holds it (content, not records)."""
    partners = list(_pages_in(PartnerPage, scope, filters).values_list("path", "translation_key"))
    courses = _courses_in(scope, filters).values_list("path", "translation_key")
    owners = {}
    for course_path, course_key in courses:
        for partner_path, partner_key in partners:
            if course_path.startswith(partner_path):
                owners[course_key] = partner_key
    return owners


def _group_expression(dimension: Dimension, scope: ReportScope, filters: ReportFilters):
    """The expression an enrolment is grouped by, for every dimension but PROGRAM and MONTH."""
    if dimension == Dimension.COURSE:
        return F("course_key")
    if dimension == Dimension.PARTNER:
        by_partner = defaultdict(list)
        for course_key, partner_key in _partner_of_course(scope, filters).items():
            by_partner[partner_key].append(course_key)
        return _choice({key: Q(course_key__in=courses) for key, courses in by_partner.items()})
    if dimension == Dimension.REGION:
        return _choice({region: Q(user__profile__country__in=region_countries(region)) for region in Region.values})
    if dimension == Dimension.SECTOR:
        return F("user__profile__sector__translation_key")  # NULL: no sector, or no profile
    if dimension == Dimension.STAGE:
        return F("user__profile__business_stage__translation_key")
    if dimension == Dimension.LOCALE:
        return F("course__locale__language_code")
    field_name = {
        Dimension.COUNTRY: "user__profile__country",
        Dimension.SIZE: "user__profile__business_size",
        Dimension.GENDER: "user__profile__gender",
        Dimension.WOMEN_LED: "user__profile__business_women_led",
    }[dimension]
    # A learner without a profile has not answered either: one "not given" row with the blank answers.
    return Coalesce(F(field_name), Value(""), output_field=models.CharField())


def _program_stats(enrollments, scope: ReportScope, filters: ReportFilters):
    """Per program (by translation key): the enrolments joined to the (program, course) pairs, in one scan.

    A course may be in several programs: the join counts its enrolments in each. The pairs are
    distinct by translation keys (a translated program links the translated courses: the same pairs).
    """
    courses = _courses_in(scope, filters).values("translation_key")
    programs = TrainingProgramPage.objects.all()
    if filters.program is not None:
        programs = programs.filter(translation_key=filters.program.translation_key)
    pairs = (
        ProgramCourse.objects.filter(course__translation_key__in=courses, program__in=programs)
        .annotate(program_key=F("program__translation_key"), course_key=F("course__translation_key"))
        .values("program_key", "course_key")
        .distinct()
        .order_by()
    )
    pairs_sql, pairs_params = pairs.query.sql_with_params()
    escaped = pairs_sql.replace("{", "{{").replace("}", "}}")
    joined = f"FROM ({{}}) enrollment INNER JOIN ({escaped}) pair ON pair.course_key = enrollment.course_key"
    rows = _raw_with(
        enrollments.values("id", "user_id", "course_key", "completed_at"),
        "SELECT pair.program_key, COUNT(DISTINCT enrollment.user_id), COUNT(*), COUNT(enrollment.completed_at), "
        "COUNT(DISTINCT CASE WHEN enrollment.completed_at IS NOT NULL THEN enrollment.user_id END) "
        f"{joined} GROUP BY pair.program_key",
        pairs_params,
    )
    stats = [(_as_uuid(key), *(int(figure) for figure in figures)) for key, *figures in rows]
    sizes = {key: completions for key, _learners, _enrollments, completions, _completers in stats}
    wanted = set().union(*(_middle_positions(size) for size in sizes.values()))
    if not wanted:
        return stats, {}
    completed = (
        enrollments.filter(completed_at__isnull=False)
        .annotate(duration=DaysBetween("completed_at", "enrolled_at"))
        .values("id", "course_key", "duration")
    )
    ranked = _raw_with(
        completed,
        "SELECT program_key, duration, position FROM (SELECT pair.program_key AS program_key, "
        "enrollment.duration AS duration, ROW_NUMBER() OVER (PARTITION BY pair.program_key "
        f"ORDER BY enrollment.duration, enrollment.id) AS position {joined}) ranked "
        f"WHERE position IN ({', '.join(str(position) for position in sorted(wanted))})",
        pairs_params,
    )
    values = defaultdict(list)
    for key, duration, position in ranked:
        key = _as_uuid(key)
        if position in _middle_positions(sizes.get(key, 0)):
            values[key].append(duration)
    return stats, {key: round(sum(days) / len(days), 1) for key, days in values.items()}


def _raw_with(queryset, template: str, extra_params) -> list[tuple]:
    """Rows of `template` run over `queryset` (at its {}), with `extra_params` after the queryset's own."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(template.format(sql), (*params, *extra_params))
        return cursor.fetchall()


def _labels(dimension: Dimension, keys: list, locales) -> dict:
    """group key → its label in the editor's language (one query per kind of page or term at most)."""
    present = [key for key in keys if key not in (None, "")]
    if dimension == Dimension.COURSE:
        return _page_titles(CoursePage, present, locales)
    if dimension == Dimension.PROGRAM:
        return _page_titles(TrainingProgramPage, present, locales)
    if dimension == Dimension.PARTNER:
        titles = _page_titles(PartnerPage, [uuid.UUID(key) for key in present], locales)
        return {str(key): title for key, title in titles.items()} | {"": gettext("No partner")}
    if dimension == Dimension.SECTOR:
        return _term_names(Sector, present, locales)
    if dimension == Dimension.STAGE:
        return _term_names(BusinessStage, present, locales)
    if dimension == Dimension.COUNTRY:
        return {code: country_names.name(code) or code for code in present}
    if dimension == Dimension.LOCALE:
        return {code: Locale(language_code=code).get_display_name() or code for code in present}
    choices = {
        Dimension.REGION: Region,
        Dimension.SIZE: BusinessSize,
        Dimension.GENDER: Gender,
        Dimension.WOMEN_LED: WomenLed,
    }[dimension]
    return {key: str(choices(key).label) for key in present if key in choices.values}


def _month_start(value) -> datetime.date:
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.replace(day=1)


def _months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _month_counts(rows, *names) -> dict:
    """(month, figures…) rows from TruncMonth → first day of the month: figures (added up per month)."""
    counts = defaultdict(lambda: [0] * len(names))
    for month, *figures in rows:
        if month is None:
            continue
        total = counts[_month_start(month)]
        for index, figure in enumerate(figures):
            total[index] += figure
    return counts


def _by_month(scope: ReportScope, filters: ReportFilters):
    """Enrolments by the month they were made, completions by the month they happened (both in the range)."""
    enrollments = _enrollments(scope, filters, dated=False)
    made = enrollments.filter(_date_q("enrolled_at", filters))
    done = enrollments.filter(_date_q("completed_at", filters), completed_at__isnull=False)
    enrolled = _month_counts(
        made.annotate(month=_month_of("enrolled_at"))
        .values("month")
        .annotate(learners=Count("user", distinct=True), enrollments=Count("pk"))
        .values_list("month", "learners", "enrollments")
        .order_by(),
        "learners",
        "enrollments",
    )
    completed = _month_counts(
        done.annotate(month=_month_of("completed_at"))
        .values("month")
        .annotate(completions=Count("pk"), completers=Count("user", distinct=True))
        .values_list("month", "completions", "completers")
        .order_by(),
        "completions",
        "completers",
    )
    return enrollments, done, enrolled, completed


def _breakdown_by_month(scope: ReportScope, filters: ReportFilters) -> list[BreakdownRow]:
    _enrollments_all, done, enrolled, completed = _by_month(scope, filters)
    sizes = {month: completions for month, (completions, _completers) in completed.items()}
    medians = _medians(done, _month_of("completed_at"), sizes, key_of=_month_start)
    seen = sorted(set(enrolled) | set(completed))
    if not seen and not (filters.date_from and filters.date_to):
        return []
    first = filters.date_from or seen[0]
    last = filters.date_to or seen[-1]
    rows = []
    for month in _months_between(first, last):
        learners, enrollments = enrolled.get(month, (0, 0))
        completions, completers = completed.get(month, (0, 0))
        rows.append(
            _breakdown_row(
                key=month.strftime("%Y-%m"),
                label=month.strftime("%Y-%m"),
                figures=(learners, enrollments, completions, completers),
                median=medians.get(month),
            )
        )
    return rows


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
    today = today or timezone.localdate()
    last = _month_start(filters.date_to or today)
    if filters.date_from:
        first = _month_start(filters.date_from)
    else:
        first = last
        for _step in range(months - 1):
            first = (first - datetime.timedelta(days=1)).replace(day=1)
    bounded = dataclasses.replace(filters, date_from=first, date_to=filters.date_to or today)
    enrollments, _done, enrolled, completed = _by_month(scope, bounded)
    arrivals = _month_counts(
        _first_enrollments(enrollments)
        .filter(_date_q("enrolled_at", bounded))
        .annotate(month=_month_of("enrolled_at"))
        .values("month")
        .annotate(learners=Count("user", distinct=True))
        .values_list("month", "learners")
        .order_by(),
        "learners",
    )
    return [
        MonthRow(
            month=month,
            enrollments=learners_cell(enrolled.get(month, (0, 0))[1]),
            completions=learners_cell(completed.get(month, (0, 0))[0]),
            new_learners=learners_cell(arrivals.get(month, (0,))[0]),
        )
        for month in _months_between(first, last)
    ]


@dataclass(frozen=True)
class FunnelRow:
    course_key: uuid.UUID
    title: str  # in the editor's language when translated, else the source language
    visited: Cell  # page views of the course page (any language), in the date range: never suppressed
    enrolled: Cell
    first_lesson: Cell  # enrolments with at least one lesson completed
    halfway: Cell  # enrolments with at least half of the course's required steps done
    completed: Cell


def _required_steps(course_of_path: dict) -> tuple[dict, set]:
    """Each course's (translation key) number of live, public, required steps; and every such step's key.

    One query per step model (lessons, quizzes…) plus Wagtail's view-restriction lookup; steps sit
    two levels under their course (course › module › step) and count once whatever their languages.
    """
    steps = defaultdict(set)
    for model in course_step_models():
        for path, depth, key in (
            model.objects.live().public().filter(is_required=True).values_list("path", "depth", "translation_key")
        ):
            course_key = course_of_path.get(_owner_path(path, depth, 2))
            if course_key is not None:
                steps[course_key].add(key)
    return {course_key: len(keys) for course_key, keys in steps.items()}, set().union(*steps.values())


def funnel_list(*, scope: ReportScope, filters: ReportFilters) -> list[FunnelRow]:
    """Per course in scope: visited → enrolled → first lesson → half-way → completed.

    A step is done when the enrolment holds a LessonCompletion for it: lessons, and quizzes once
    passed (`attempt_submit` records a passed quiz through `lesson_complete`), as progress counts them.
    """
    locales = locales_active_and_default()
    courses = list(_courses_in(scope, filters).values_list("pk", "path", "translation_key", "locale_id", "title"))
    if not courses:
        return []
    titles = _title_by_key([(key, locale_id, title) for _pk, _path, key, locale_id, title in courses], *locales)
    required, required_keys = _required_steps({path: key for _pk, path, key, *_rest in courses})
    views = dict(
        PageViewDay.objects.filter(
            kind=ViewedPageKind.COURSE,
            page_key__in=list(titles),
            **({"day__gte": filters.date_from} if filters.date_from else {}),
            **({"day__lte": filters.date_to} if filters.date_to else {}),
        )
        .values("page_key")
        .annotate(views=Sum("views"))
        .values_list("page_key", "views")
        .order_by()
    )
    # Enrolled and completed per course from the enrolments alone; the steps done per enrolment
    # from the completions alone (a scan of their (enrollment, lesson) index, in its order), then
    # per course and number of steps done. Enrolments with no completion never reach the second
    # query: "first lesson" is the number that did.
    enrollments = _enrollments(scope, filters)
    counts = defaultdict(lambda: {"enrolled": 0, "first_lesson": 0, "halfway": 0, "completed": 0})
    for course_key, enrolled, completed in (
        enrollments.values("course_key")
        .annotate(n=Count("pk"), done=Count("completed_at"))
        .values_list("course_key", "n", "done")
    ):
        counts[course_key]["enrolled"] = enrolled
        counts[course_key]["completed"] = completed
    completions = LessonCompletion.objects.order_by()
    if not scope.everything or filters != ReportFilters():  # else every completion counts
        completions = completions.filter(enrollment__in=enrollments.values("pk"))
    per_enrollment = (
        completions.values("enrollment_id")
        .annotate(done=Count("pk", filter=Q(lesson_key__in=sorted(required_keys))))
        .values("enrollment_id", "done")
    )
    table = connection.ops.quote_name(Enrollment._meta.db_table)
    stages = _grouped_raw(
        per_enrollment,
        f"SELECT enrollment.course_key, per_enrollment.done, COUNT(*) FROM ({{}}) per_enrollment "
        f"INNER JOIN {table} enrollment ON enrollment.id = per_enrollment.enrollment_id "
        "GROUP BY enrollment.course_key, per_enrollment.done",
    )
    for course_key, steps_done, started in stages:
        course_key = _as_uuid(course_key)
        figures = counts[course_key]
        figures["first_lesson"] += started
        if required.get(course_key) and 2 * steps_done >= required[course_key]:
            figures["halfway"] += started
    rows = [
        FunnelRow(
            course_key=key,
            title=title,
            visited=plain_cell(views.get(key, 0)),
            enrolled=learners_cell(counts[key]["enrolled"]),
            first_lesson=learners_cell(counts[key]["first_lesson"]),
            halfway=learners_cell(counts[key]["halfway"]),
            completed=learners_cell(counts[key]["completed"]),
        )
        for key, title in titles.items()
    ]
    return sorted(rows, key=lambda row: (-row.enrolled.value, -row.visited.value, row.title.casefold()))


@dataclass(frozen=True)
class QuizPassRow:
    quiz_key: uuid.UUID
    title: str
    course_title: str
    learners: Cell  # learners who submitted at least one attempt
    attempts: Cell
    pass_rate: Cell  # % of learners who passed (at any attempt)
    first_attempt_pass_rate: Cell  # % of learners who passed at their first attempt


def _quizzes_in(scope: ReportScope, filters: ReportFilters, locales) -> dict:
    """quiz translation key → (its title, its course's title), for the quizzes of the courses in scope and filters.

    Two queries (courses, quizzes) whatever the number of attempts; quizzes sit two levels under
    their course.
    """
    courses = list(_courses_in(scope, filters).values_list("path", "translation_key", "locale_id", "title"))
    course_titles = _title_by_key([(key, locale_id, title) for _path, key, locale_id, title in courses], *locales)
    course_of_path = {path: key for path, key, _locale_id, _title in courses}
    quizzes = _pages_in(QuizPage, scope, filters).values_list("path", "depth", "translation_key", "locale_id", "title")
    owners, rows = {}, []
    for path, depth, key, locale_id, title in quizzes:
        course_key = course_of_path.get(_owner_path(path, depth, 2))
        if course_key is not None:
            owners[key] = course_key
            rows.append((key, locale_id, title))
    titles = _title_by_key(rows, *locales)
    return {key: (title, course_titles.get(owners[key], "")) for key, title in titles.items()}


def _attempts(quiz_keys, filters: ReportFilters):
    attempts = QuizAttempt.objects.filter(quiz_key__in=list(quiz_keys)).filter(
        _date_q("submitted_at", filters), _learner_q(filters)
    )
    if filters.locale is not None:
        attempts = attempts.filter(quiz__locale=filters.locale)
    return attempts.order_by()


def quiz_pass_rate_list(*, scope: ReportScope, filters: ReportFilters) -> list[QuizPassRow]:
    """Per quiz in scope (by translation key), attempts submitted in the date range."""
    locales = locales_active_and_default()
    quizzes = _quizzes_in(scope, filters, locales)
    if not quizzes:
        return []
    stats = {
        key: figures
        for key, *figures in _attempts(quizzes, filters)
        .values("quiz_key")
        .annotate(
            learners=Count("user", distinct=True),
            attempts=Count("pk"),
            passers=Count("user", distinct=True, filter=Q(passed=True)),
            first_passers=Count("user", distinct=True, filter=Q(passed=True, number=1)),
        )
        .values_list("quiz_key", "learners", "attempts", "passers", "first_passers")
    }
    rows = []
    for key, (title, course_title) in quizzes.items():
        learners, attempts, passed, first = stats.get(key, (0, 0, 0, 0))
        rows.append(
            QuizPassRow(
                quiz_key=key,
                title=title,
                course_title=course_title,
                learners=learners_cell(learners),
                attempts=learners_cell(attempts),
                pass_rate=rate_cell(passed, learners),
                first_attempt_pass_rate=rate_cell(first, learners),
            )
        )
    return sorted(rows, key=lambda row: (-row.learners.value, row.course_title.casefold(), row.title.casefold()))


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
    locales = locales_active_and_default()
    quizzes = _quizzes_in(scope, filters, locales)
    if not quizzes:
        return []
    attempts = _attempts(quizzes, filters)
    groups = list(
        QuizAnswer.objects.filter(attempt__in=attempts.values("pk"))
        .values("attempt__quiz_key", "question_id")
        .annotate(
            learners=Count("attempt__user", distinct=True),
            answers=Count("pk"),
            correct=Count("pk", filter=Q(is_correct=True)),
            latest=Max("pk"),
        )
        .filter(learners__gte=SMALL_CELL)
        .annotate(share=F("correct") * 1.0 / F("answers"))
        .order_by("share", "-answers", "attempt__quiz_key", "question_id")
        .values_list("attempt__quiz_key", "question_id", "learners", "answers", "correct", "latest")[:limit]
    )
    prompts = dict(QuizAnswer.objects.filter(pk__in=[latest for *_rest, latest in groups]).values_list("pk", "prompt"))
    return [
        QuestionRow(
            quiz_key=quiz_key,
            quiz_title=quizzes[quiz_key][0],
            question_id=question_id,
            prompt=prompts.get(latest, ""),
            learners=learners_cell(learners),
            correct_rate=rate_cell(correct, answers),
        )
        for quiz_key, question_id, learners, answers, correct, latest in groups
    ]


@dataclass(frozen=True)
class ResourceReadRow:
    resource_key: uuid.UUID
    title: str
    kind: str  # the resource kind's label
    partner: str  # the partner whose subtree holds it, else ""
    views: Cell  # page views in the date range (never suppressed: no reader is stored)
    saved: Cell  # learners who saved it to their reading list


def resource_read_list(*, scope: ReportScope, filters: ReportFilters, limit: int = 50) -> list[ResourceReadRow]:
    """The most-read know-how resources in the date range (partners: their own resources).

    Views know nothing of the reader, so the learner filters (country, region) narrow only the
    "saved" column; the course and program filters do not apply to resources.
    """
    locales = locales_active_and_default()
    resources = _pages_in(ResourcePage, scope, filters)
    if filters.locale is not None:
        resources = resources.filter(locale=filters.locale)
    views = list(
        PageViewDay.objects.filter(
            kind=ViewedPageKind.RESOURCE,
            page_key__in=resources.values("translation_key"),
            **({"day__gte": filters.date_from} if filters.date_from else {}),
            **({"day__lte": filters.date_to} if filters.date_to else {}),
        )
        .values("page_key")
        .annotate(views=Sum("views"))
        .order_by("-views", "page_key")
        .values_list("page_key", "views")[:limit]
    )
    if not views:
        return []
    keys = [key for key, _views in views]
    pages = list(
        ResourcePage.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id", "title", "kind", "path"
        )
    )
    titles = _title_by_key([(key, locale_id, title) for key, locale_id, title, _kind, _path in pages], *locales)
    kinds = {key: kind for key, _locale_id, _title, kind, _path in pages}
    partners = list(PartnerPage.objects.values_list("path", "translation_key", "locale_id", "title"))
    partner_titles = _title_by_key([(key, locale_id, title) for _path, key, locale_id, title in partners], *locales)
    partner_of = {}
    for key, _locale_id, _title, _kind, path in pages:
        for partner_path, partner_key, _partner_locale, _partner_title in partners:
            if path.startswith(partner_path):
                partner_of[key] = partner_titles[partner_key]
    saved = dict(
        ReadingListItem.objects.filter(resource_key__in=keys)
        .filter(_learner_q(filters))
        .values("resource_key")
        .annotate(learners=Count("user", distinct=True))
        .values_list("resource_key", "learners")
        .order_by()
    )
    return [
        ResourceReadRow(
            resource_key=key,
            title=titles.get(key, ""),
            kind=str(ResourceKind(kinds[key]).label) if kinds.get(key) in ResourceKind.values else kinds.get(key, ""),
            partner=partner_of.get(key, ""),
            views=plain_cell(count),
            saved=learners_cell(saved.get(key, 0)),
        )
        for key, count in views
    ]


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


PERIOD_DAYS = 30
TREND_POINTS = 12
TREND_STEP = datetime.timedelta(days=7)


def _learner_users_q(prefix: str = "user__") -> Q:
    """A learner: an account with a learner profile, active and not deleted."""
    return Q(**{f"{prefix}is_active": True, f"{prefix}deleted_at__isnull": True, f"{prefix}profile__isnull": False})


def _window_counts(queryset, time_field: str, windows, counted: str = "pk", distinct: bool = False) -> list[int]:
    """One query: how many rows (or distinct `counted`) have `time_field` in each (start, end] window.

    A window with no start counts everything up to its end. When every window has a start, only
    rows after the earliest one are read (along the time index); distinct primary keys are
    counted without DISTINCT.
    """
    if all(start is not None for start, _end in windows):
        since = min(start for start, _end in windows)
        until = max(end for _start, end in windows)
        queryset = queryset.filter(**{f"{time_field}__gt": since, f"{time_field}__lte": until})
    if counted == "pk":
        distinct = False
    figures = {}
    for index, (start, end) in enumerate(windows):
        q = Q(**{f"{time_field}__lte": end})
        if start is not None:
            q &= Q(**{f"{time_field}__gt": start})
        figures[f"w{index}"] = Count(counted, distinct=distinct, filter=q)
    result = queryset.order_by().aggregate(**figures)
    return [result[f"w{index}"] or 0 for index in range(len(windows))]


def _active_counts(scope: ReportScope, windows) -> list[int]:
    """One query: learners with an enrolment, a lesson completion or a quiz submission in each window.

    The windows' ends cut time into elementary intervals; each activity row (read along its time
    index, lesson completions along a covering one) is given its interval's number, and only the
    distinct (learner, interval) pairs go on: lesson completions as distinct (enrolment, interval)
    pairs before the join to their enrolment's learner. The pairs are folded to one row per
    learner with a flag per window, then added up for the learners among them: standard SQL on
    both databases, and far fewer rows grouped than one per activity.
    """
    bounds = sorted({moment for window in windows for moment in window})
    since, until = bounds[0], bounds[-1]

    def interval(time_field: str) -> Case:
        whens = [When(**{f"{time_field}__lte": end}, then=Value(index)) for index, end in enumerate(bounds[1:])]
        return Case(*whens, default=Value(None), output_field=models.IntegerField())

    enrollments = Enrollment.objects.filter(enrolled_at__gt=since, enrolled_at__lte=until)
    completions = LessonCompletion.objects.filter(completed_at__gt=since, completed_at__lte=until)
    attempts = QuizAttempt.objects.filter(submitted_at__gt=since, submitted_at__lte=until)
    if not scope.everything:
        courses = _pages_in(CoursePage, scope).values("translation_key")
        enrollments = enrollments.filter(course_key__in=courses)
        completions = completions.filter(enrollment__course_key__in=courses)
        attempts = attempts.filter(quiz_key__in=_pages_in(QuizPage, scope).values("translation_key"))
    parts = [
        enrollments.annotate(who=F("user_id"), bucket=interval("enrolled_at")),
        completions.annotate(who=F("enrollment_id"), bucket=interval("completed_at")),
        attempts.annotate(who=F("user_id"), bucket=interval("submitted_at")),
    ]
    (enrolled_sql, enrolled_params), (done_sql, done_params), (tried_sql, tried_params) = (
        part.order_by().values_list("who", "bucket").distinct().query.sql_with_params() for part in parts
    )
    learners = get_user_model().objects.filter(_learner_users_q(prefix="")).values("pk")
    learners_sql, learners_params = learners.query.sql_with_params()
    table, pk, user = (
        connection.ops.quote_name(name)
        for name in (Enrollment._meta.db_table, Enrollment._meta.pk.column, Enrollment._meta.get_field("user").column)
    )
    pairs = (
        f"SELECT enrolled.who AS who, enrolled.bucket AS bucket FROM ({enrolled_sql}) enrolled "
        f"UNION SELECT enrollment.{user} AS who, done.bucket AS bucket FROM ({done_sql}) done "
        f"INNER JOIN {table} enrollment ON enrollment.{pk} = done.who "
        f"UNION SELECT tried.who AS who, tried.bucket AS bucket FROM ({tried_sql}) tried"
    )
    flags = []
    for index, (start, end) in enumerate(windows):
        inside = [
            str(number) for number in range(len(bounds) - 1) if start <= bounds[number] and bounds[number + 1] <= end
        ]
        condition = f"pairs.bucket IN ({', '.join(inside)})" if inside else "1 = 0"
        flags.append(f"MAX(CASE WHEN {condition} THEN 1 ELSE 0 END) AS w{index}")
    totals = ", ".join(f"SUM(per_learner.w{index})" for index in range(len(windows)))
    sql = (
        f"SELECT {totals} FROM (SELECT pairs.who AS who, {', '.join(flags)} FROM ({pairs}) pairs "
        f"GROUP BY pairs.who) per_learner WHERE per_learner.who IN ({learners_sql})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*enrolled_params, *done_params, *tried_params, *learners_params])
        return [int(figure or 0) for figure in cursor.fetchone()]


def dashboard_summary_get(*, scope: ReportScope, now: datetime.datetime | None = None) -> DashboardSummary:
    """Learners, new learners this month, active learners (30 days), enrolments, completions, certificates.

    "Current" is the last PERIOD_DAYS days up to `now`, "previous" the PERIOD_DAYS before; the trend
    has TREND_POINTS weekly points, oldest first: learners as of each week's end, the rest per week.
    """
    now = now or timezone.now()
    period = datetime.timedelta(days=PERIOD_DAYS)
    weeks = [
        (now - (TREND_POINTS - i) * TREND_STEP, now - (TREND_POINTS - 1 - i) * TREND_STEP) for i in range(TREND_POINTS)
    ]
    flows = [(now - period, now), (now - 2 * period, now - period), *weeks]
    stocks = [(None, now), (None, now - period), *((None, end) for _start, end in weeks)]

    enrollments = _enrollments(scope, ReportFilters(), dated=False)
    if scope.everything:
        learners = get_user_model().objects.filter(_learner_users_q(prefix=""))
        arrival, counted = "date_joined", "pk"
    else:
        learners = _first_enrollments(enrollments.filter(_learner_users_q()))
        arrival, counted = "enrolled_at", "user"
    certificates = Certificate.objects.current().filter(revoked_at__isnull=True)
    if not scope.everything:
        certificates = certificates.filter(
            kind=CertificateKind.COURSE, achievement_key__in=_pages_in(CoursePage, scope).values("translation_key")
        )
    figures = [
        (_("Learners"), _window_counts(learners, arrival, stocks, counted, distinct=True)),
        (_("New learners (last 30 days)"), _window_counts(learners, arrival, flows, counted, distinct=True)),
        (_("Active learners (last 30 days)"), _active_counts(scope, flows)),
        (_("Enrolments (last 30 days)"), _window_counts(enrollments, "enrolled_at", flows)),
        (_("Completions (last 30 days)"), _window_counts(enrollments, "completed_at", flows)),
        (_("Certificates (last 30 days)"), _window_counts(certificates, "issued_at", flows)),
    ]
    metrics = []
    for label, (current, previous, *trend) in figures:
        current_cell, previous_cell = learners_cell(current), learners_cell(previous)
        metrics.append(
            Metric(
                label=str(label),
                current=current_cell,
                previous=previous_cell,
                change=Cell(current - previous, suppressed=current_cell.suppressed or previous_cell.suppressed),
                trend=trend,
            )
        )
    return DashboardSummary(period_days=PERIOD_DAYS, metrics=metrics)
