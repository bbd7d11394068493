"""Reads for the catalog, course and lesson pages, programs and the dashboard.

Each runs a fixed number of queries, whatever the number of courses, lessons or enrolments.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from modelcluster.queryset import FakeQuerySet
from wagtail.images import get_image_model

from accounts.export import iso_or_none
from base.locales import in_locale_or_default, locales_active_and_default, one_per_key_active_first
from base.page_cache import page_cache_get_or_set, page_cache_get_or_set_many
from base.pages import pages_public
from base.pagination import page_or_last
from base.relations import related_ids
from courses.models import (
    CourseIndexPage,
    CourseLevel,
    CoursePage,
    CourseStep,
    Enrollment,
    LessonCompletion,
    ModulePage,
    ProgramCourse,
    TrainingProgramPage,
    course_step_models,
)
from partners.selectors import page_partner_get, partner_list_by_path
from taxonomy.models import Sector, Topic
from taxonomy.selectors import term_list

CATALOG_PAGE_SIZE = 12
COVER_RENDITION = "fill-480x270|format-webp"


@dataclass
class Progress:
    """A learner's progress through a course: required steps done, and the first step not done."""

    done: int = 0
    total: int = 0
    next_step: CourseStep | None = None
    done_keys: set = field(default_factory=set)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


def progress_get(steps: list, done_keys: set) -> Progress:
    """Progress over the required steps, and the first step not yet done."""
    required = [step for step in steps if step.is_required]
    done = sum(1 for step in required if step.translation_key in done_keys)
    next_step = next((step for step in steps if step.translation_key not in done_keys), None)
    return Progress(done=done, total=len(required), next_step=next_step, done_keys=done_keys)


@dataclass
class SyllabusModule:
    """A module of a course and its live, public steps, in order."""

    module: ModulePage
    steps: list


@dataclass
class CourseDetail:
    """A course's syllabus, and the learner's enrolment and progress in it."""

    syllabus: list[SyllabusModule]
    steps: list
    enrollment: Enrollment | None
    progress: Progress
    preview_step_key: UUID | None
    partner: object
    prerequisites: list
    topics: list
    sectors: list
    total_minutes: int

    @property
    def is_enrolled(self) -> bool:
        return bool(self.enrollment and self.enrollment.is_active)


@dataclass
class ModuleDetail:
    """A module's course and the module as its course's syllabus shows it."""

    course: CoursePage | None
    syllabus: list[SyllabusModule]


@dataclass(kw_only=True)
class StepDetail:
    """Where a course step sits in its course, and what this visitor may do with it."""

    course: CoursePage | None
    module: ModulePage | None
    steps: list
    step_number: int  # from 1; 0 when the step is not among its course's live, public steps
    previous_step: CourseStep | None
    next_step: CourseStep | None
    enrollment: Enrollment | None
    is_done: bool
    is_open_preview: bool
    can_read: bool
    progress: Progress

    @property
    def is_enrolled(self) -> bool:
        return self.enrollment is not None


@dataclass
class ProgramCard:
    """A program in the list of programs, with its courses and total effort."""

    program: TrainingProgramPage
    courses: list
    total_hours: Decimal


@dataclass
class ProgramDetail:
    """A program's live, public courses in order, and the learner's place in each."""

    courses: list
    total_hours: Decimal
    enrolled_keys: set
    completed_keys: set

    @property
    def courses_completed(self) -> int:
        return len(self.completed_keys)


@dataclass
class CourseProgress:
    """A course on the dashboard, with the learner's enrolment and progress."""

    enrollment: Enrollment
    course: CoursePage
    progress: Progress


@dataclass
class ProgramProgress:
    """A program on the dashboard: courses completed out of its courses."""

    program: TrainingProgramPage
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class Dashboard:
    """'My learning': courses in progress and completed, and the programs they belong to."""

    in_progress: list[CourseProgress]
    completed: list[CourseProgress]
    programs: list[ProgramProgress]


def _covers():
    return Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions(COVER_RENDITION))


def course_public_list(locales=None):
    """Live, public courses in the active language, plus default-language ones not yet translated."""
    return in_locale_or_default(pages_public(CoursePage.objects.live()), locales=locales)


@dataclass
class CatalogOptions:
    """What the catalog can be filtered by, in the visitor's language."""

    topics: list
    sectors: list
    partners: list  # public partners, longest path first (see partner_list_by_path)


@dataclass
class CatalogPage:
    """One page of the catalog's filtered, sorted courses."""

    courses: list
    page_obj: Page
    paginator: Paginator
    messages: list[str]  # about the page number asked for


def catalog_options_get(*, locales=None) -> CatalogOptions:
    """The topics, sectors and partners the catalog's filters offer."""
    return CatalogOptions(
        topics=term_list(Topic, locales),
        sectors=term_list(Sector, locales),
        # The catalog's courses are public, and so are their partners.
        partners=partner_list_by_path(public_only=True),
    )


def _catalog_conditions(filters: dict) -> dict[str, Q]:
    """Each active filter of the catalog as a condition on courses, by facet name."""
    conditions = {}
    if topic := filters.get("topic"):
        conditions["topic"] = Q(topics__translation_key=topic.translation_key)
    if sector := filters.get("sector"):
        conditions["sector"] = Q(sectors__translation_key=sector.translation_key)
    if level := filters.get("level"):
        conditions["level"] = Q(level=level)
    if language := filters.get("language"):
        conditions["language"] = Q(locale__language_code=language)
    if partner := filters.get("partner"):
        conditions["partner"] = Q(path__startswith=partner.path)
    if length := filters.get("length"):
        low, high = length
        conditions["length"] = Q(estimated_hours__gte=low, estimated_hours__lt=high)
    return conditions


def catalog_counts_get(*, filters: dict, options: CatalogOptions, lengths: dict, courses=None, locales=None) -> dict:
    """For each facet, how many courses each value would give with the other filters applied (issue 20).

    One query, whatever the number of courses: a distinct count per value, each filtered by the
    value and the other facets' filters (conditional aggregation in the database). `courses` is
    course_public_list's queryset when the caller has it (its view restrictions are read once).
    """
    # The same for every visitor with these filters: kept until content changes.
    chosen = "&".join(f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(filters.items()))
    key = f"catalog-counts:{get_language()}:{locales}:{hashlib.sha256(chosen.encode()).hexdigest()}"
    return page_cache_get_or_set(key, lambda: _catalog_counts(filters, options, lengths, courses, locales))


def _catalog_counts(filters: dict, options: CatalogOptions, lengths: dict, courses, locales) -> dict:
    conditions = _catalog_conditions(filters)
    values = {
        "topic": [(topic.slug, Q(topics__translation_key=topic.translation_key)) for topic in options.topics],
        "sector": [(sector.slug, Q(sectors__translation_key=sector.translation_key)) for sector in options.sectors],
        "level": [(level, Q(level=level)) for level in CourseLevel.values],
        "language": [(code, Q(locale__language_code=code)) for code, _name in settings.LANGUAGES],
        "partner": [(partner.slug, Q(path__startswith=partner.path)) for partner in options.partners],
        "length": [
            (str(key), Q(estimated_hours__gte=low, estimated_hours__lt=high)) for key, (low, high) in lengths.items()
        ],
    }
    columns, aggregates = {}, {}
    for facet, choices in values.items():
        others = Q()
        for name, condition in conditions.items():
            if name != facet:
                others &= condition
        for n, (key, condition) in enumerate(choices):
            column = f"{facet}_{n}"
            columns[column] = (facet, key)
            aggregates[column] = Count("pk", distinct=True, filter=others & condition)
    counts = {facet: {} for facet in values}
    if aggregates:
        courses = course_public_list(locales) if courses is None else courses
        for column, count in courses.order_by().aggregate(**aggregates).items():
            facet, key = columns[column]
            counts[facet][key] = count
    return counts


def catalog_get(*, filters: dict, partners: list, courses=None, locales=None) -> CatalogPage:
    """The catalog's courses filtered and sorted by `filters` (CatalogFilterForm.valid_filters), one page of them."""
    courses = course_public_list(locales) if courses is None else courses
    for condition in _catalog_conditions(filters).values():
        courses = courses.filter(condition)
    courses = courses.distinct().order_by(*filters["sort"])
    courses = courses.select_related("locale").prefetch_related(_covers(), "topics")

    messages = []
    paginator = Paginator(courses, CATALOG_PAGE_SIZE)
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    course_list = list(page_obj.object_list)
    for course in course_list:
        course.partner = page_partner_get(course, partners)
    return CatalogPage(courses=course_list, page_obj=page_obj, paginator=paginator, messages=messages)


def course_step_list(course: CoursePage, *, with_bodies: bool = True) -> list:
    """The course's live, public steps (lessons, quizzes…) in syllabus order (one query per step type)."""
    steps = []
    for model in course_step_models():
        queryset = model.objects.descendant_of(course).live().public()
        steps.extend(queryset if with_bodies else queryset.defer_streamfields())
    return sorted(steps, key=lambda step: step.path)


def course_outline_get(course: CoursePage) -> list:
    """The course's live, public steps in order, without their bodies, from the cache: the same for every learner.

    Kept under the page cache's generation, so any publish, move or deletion makes it fresh.
    """
    return page_cache_get_or_set(f"course-outline:{course.pk}", lambda: course_step_list(course, with_bodies=False))


def _live_course_of_step(step: CourseStep):
    """The live course above `step` (cached like the outline), or None."""
    return page_cache_get_or_set(
        f"course-of-step:{step.pk}", lambda: CoursePage.objects.ancestor_of(step).live().first()
    )


def _first_free_preview(steps: list):
    """The course's free sample: its first step of a kind that may be one (a lesson, never a quiz)."""
    return next((step for step in steps if step.free_preview_allowed), None)


def _course_syllabus_get(course: CoursePage) -> tuple[list, list]:
    """The course's live, public modules and steps (without bodies), from the cache: the same for every learner.

    Read from the database's tree, never from `course` itself, so a preview of the course shows them too.
    """
    modules = page_cache_get_or_set(
        f"course-modules:{course.pk}",
        lambda: list(ModulePage.objects.child_of(course).live().public().order_by("path")),
    )
    return modules, course_outline_get(course)


def course_detail_get(*, course: CoursePage, user) -> CourseDetail:
    """Syllabus, the learner's enrolment and progress, partner, prerequisites and programs."""
    modules, steps = _course_syllabus_get(course)
    enrollment = None
    done_keys = set()
    if user.is_authenticated:
        enrollment = Enrollment.objects.filter(user=user, course_key=course.translation_key).first()
        if enrollment:
            done_keys = set(enrollment.completions.values_list("lesson_key", flat=True))
    preview = _first_free_preview(steps)
    return CourseDetail(
        syllabus=[
            SyllabusModule(module=module, steps=[step for step in steps if step.path.startswith(module.path)])
            for module in modules
        ],
        steps=steps,
        enrollment=enrollment,
        progress=progress_get(steps, done_keys),
        preview_step_key=preview.translation_key if preview else None,
        partner=page_partner_get(course, page_cache_get_or_set("partners-by-path", partner_list_by_path)),
        prerequisites=list(
            pages_public(CoursePage.objects.live()).filter(pk__in=related_ids(course.prerequisites)).order_by("title")
        ),
        topics=list(course.topics.all()),
        sectors=list(course.sectors.all()),
        total_minutes=sum(step.estimated_minutes for step in steps),
    )


def module_detail_get(*, module: ModulePage) -> ModuleDetail:
    """A module's course and its live, public steps, for the module's own preview.

    Learners never see a module alone (its URL redirects into the course's syllabus); editors
    previewing one see what the syllabus will show of it, with the module's unsaved changes.
    """
    steps = [step for model in course_step_models() for step in model.objects.child_of(module).live().public()]
    return ModuleDetail(
        course=CoursePage.objects.ancestor_of(module).first(),
        syllabus=[SyllabusModule(module=module, steps=sorted(steps, key=lambda step: step.path))],
    )


def step_detail_get(*, step: CourseStep, user, is_preview: bool = False) -> StepDetail:
    """Where the step sits in its course, whether this visitor may open it, and their progress."""
    if is_preview:  # an editor previews steps of a course not yet published (a partner's submission) too
        course = CoursePage.objects.ancestor_of(step).first()
        steps = course_step_list(course, with_bodies=False) if course else []
    else:
        course = _live_course_of_step(step)
        steps = course_outline_get(course) if course else []
    keys = [item.translation_key for item in steps]
    index = keys.index(step.translation_key) if step.translation_key in keys else -1
    enrollment = None
    done_keys = set()
    if course and user.is_authenticated:
        enrollment = Enrollment.objects.filter(
            user=user, course_key=course.translation_key, left_at__isnull=True
        ).first()
        if enrollment:
            done_keys = set(enrollment.completions.values_list("lesson_key", flat=True))
    preview = _first_free_preview(steps)
    is_open_preview = preview is not None and preview.translation_key == step.translation_key
    return StepDetail(
        course=course,
        module=step.get_parent() if course else None,
        steps=steps,
        step_number=index + 1,
        previous_step=steps[index - 1] if index > 0 else None,
        next_step=steps[index + 1] if 0 <= index < len(steps) - 1 else None,
        enrollment=enrollment,
        is_done=step.translation_key in done_keys,
        is_open_preview=is_open_preview,
        can_read=bool(course) and (enrollment is not None or is_open_preview or is_preview),
        progress=progress_get(steps, done_keys),
    )


def course_card_list(page) -> list:
    """Live, public courses in a partner's subtree, for the partner's page, as catalog cards."""
    courses = list(
        pages_public(CoursePage.objects.live())
        .descendant_of(page)
        .order_by("title")
        .select_related("locale")
        .prefetch_related(_covers(), "topics")
    )
    partners = partner_list_by_path()
    for course in courses:
        course.partner = page_partner_get(course, partners)
    return courses


def _courses_of_links(links: list, active_locale) -> list:
    """The live, public courses the links point to, in order, in the active language where translated."""
    keys = {link.course.translation_key for link in links}
    ids = [link.course_id for link in links]
    # One query for both: the translations into the active language, and which linked courses are live.
    found = list(
        pages_public(CoursePage.objects.live()).filter(
            Q(translation_key__in=keys, locale=active_locale) | Q(pk__in=ids)
        )
    )
    localized = {course.translation_key: course for course in found if course.locale_id == active_locale.pk}
    live_ids = {course.pk for course in found} & set(ids)
    courses = []
    for link in links:
        course = localized.get(link.course.translation_key) or (link.course if link.course_id in live_ids else None)
        if course is not None:
            courses.append((link, course))
    return courses


def _programs_with_courses(programs: list, active_locale) -> dict:
    """Each program's courses in order, shown in the active language where translated."""
    links = list(
        ProgramCourse.objects.filter(program__in=programs).order_by("program_id", "sort_order").select_related("course")
    )
    result = {program.pk: [] for program in programs}
    for link, course in _courses_of_links(links, active_locale):
        result[link.program_id].append(course)
    return result


def _program_links(program) -> list:
    """A program's course links in order: from the database, or held in memory by a preview or a revision."""
    links = program.program_courses.all()
    if not isinstance(links, FakeQuerySet):
        return list(links.order_by("sort_order").select_related("course"))
    chosen = CoursePage.objects.in_bulk([link.course_id for link in links if link.course_id])
    for link in links:
        if link.course_id in chosen:
            link.course = chosen[link.course_id]
    return [link for link in links if link.course_id in chosen]


def program_list() -> list[ProgramCard]:
    """Live programs in the active language (else the default one), each with its courses and total effort."""
    active, default = locales_active_and_default()
    programs = list(
        pages_public(TrainingProgramPage.objects.live())
        .filter(locale=active)
        .order_by("path")
        .prefetch_related(Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(COVER_RENDITION)))
    )
    if not programs:
        programs = list(
            pages_public(TrainingProgramPage.objects.live())
            .filter(locale=default)
            .order_by("path")
            .prefetch_related(
                Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(COVER_RENDITION))
            )
        )
    courses = _programs_with_courses(programs, active)
    return [
        ProgramCard(
            program=program,
            courses=courses[program.pk],
            total_hours=sum(course.estimated_hours for course in courses[program.pk]),
        )
        for program in programs
    ]


def program_detail_get(*, program: TrainingProgramPage, user) -> ProgramDetail:
    """The program's live, public courses in order, and the learner's place in each.

    `program` may be a new page being previewed, a draft or a revision: its chosen courses are
    then read from memory, and only live, public ones are shown.
    """
    active, _default = locales_active_and_default()
    courses = [course for _link, course in _courses_of_links(_program_links(program), active)]
    completed_keys = set()
    enrolled_keys = set()
    if user.is_authenticated:
        for enrollment in Enrollment.objects.filter(
            user=user, left_at__isnull=True, course_key__in=[c.translation_key for c in courses]
        ):
            enrolled_keys.add(enrollment.course_key)
            if enrollment.completed_at:
                completed_keys.add(enrollment.course_key)
    return ProgramDetail(
        courses=courses,
        total_hours=sum(course.estimated_hours for course in courses),
        enrolled_keys=enrolled_keys,
        completed_keys=completed_keys,
    )


def _dashboard_course_get_many(keys: list, locales) -> dict:
    """Live, public courses by translation key, in the active language where translated, with their covers.

    From the cache, one entry per course and language: the same for every learner.
    """
    active, default = locales

    def compute(missing):
        localized = dict.fromkeys(missing)  # None: not live or not public (kept too, so it is not asked again)
        for course in (
            CoursePage.objects.live()
            .public()
            .filter(translation_key__in=missing, locale__in=[active, default])
            # The image, not its renditions: prefetched renditions would be kept as they were then
            # (none, before the first page made them); Wagtail's rendition cache finds them instead.
            .select_related("cover_image")
        ):
            if localized[course.translation_key] is None or course.locale_id == active.pk:
                localized[course.translation_key] = course
        return localized

    found = page_cache_get_or_set_many({key: f"course-card:{active.pk}:{default.pk}:{key}" for key in keys}, compute)
    return {key: course for key, course in found.items() if course is not None}


def _course_outline_get_many(courses: list) -> dict:
    """course_outline_get for many courses: {course pk: steps}, the missing ones in one query per step type."""

    def compute(missing_pks):
        missing = [course for course in courses if course.pk in missing_pks]
        outlines = {course.pk: [] for course in missing}
        in_any_course = Q()
        for course in missing:
            in_any_course |= Q(path__startswith=course.path, depth__gt=course.depth)
        steps = [
            step
            for model in course_step_models()
            for step in model.objects.live().public().filter(in_any_course).defer_streamfields()
        ]
        for step in sorted(steps, key=lambda step: step.path):
            owner = next((course for course in missing if step.path.startswith(course.path)), None)
            if owner:
                outlines[owner.pk].append(step)
        return outlines

    return page_cache_get_or_set_many({course.pk: f"course-outline:{course.pk}" for course in courses}, compute)


def _program_paths_get(locales) -> list:
    """Every live, public program (active language first) as (program, course keys it links, its live course keys).

    From the cache, per language: the same for every learner; the dashboard picks the ones a learner follows.
    """
    active, default = locales

    def compute():
        chosen = {}
        for program in TrainingProgramPage.objects.live().public().filter(locale__in=[active, default]):
            if program.translation_key not in chosen or program.locale_id == active.pk:
                chosen[program.translation_key] = program
        programs = sorted(chosen.values(), key=lambda program: program.title.casefold())
        linked = {}
        for program_key, course_key in ProgramCourse.objects.filter(program__translation_key__in=chosen).values_list(
            "program__translation_key", "course__translation_key"
        ):
            linked.setdefault(program_key, set()).add(course_key)
        courses = _programs_with_courses(programs, active)
        return [
            (
                program,
                linked.get(program.translation_key, set()),
                [course.translation_key for course in courses[program.pk]],
            )
            for program in programs
        ]

    return page_cache_get_or_set(f"program-paths:{active.pk}:{default.pk}", compute)


def dashboard_get(*, user) -> Dashboard:
    """'My learning': courses in progress and completed, with progress, and programs followed.

    The learner's own rows (enrolments, completions) are read for each request; the courses, their
    outlines and the programs are the same for everyone and come from the cache.
    """
    locales = locales_active_and_default()
    enrollments = list(Enrollment.objects.filter(user=user, left_at__isnull=True).order_by("-enrolled_at"))
    keys = [enrollment.course_key for enrollment in enrollments]
    localized = _dashboard_course_get_many(keys, locales)
    outlines = _course_outline_get_many(list(localized.values()))

    done = {}
    for enrollment_id, lesson_key in LessonCompletion.objects.filter(enrollment__in=enrollments).values_list(
        "enrollment_id", "lesson_key"
    ):
        done.setdefault(enrollment_id, set()).add(lesson_key)

    in_progress, completed = [], []
    for enrollment in enrollments:
        course = localized.get(enrollment.course_key)
        if course is None:  # unpublished or restricted since: keep the record, hide the card
            continue
        item = CourseProgress(
            enrollment=enrollment,
            course=course,
            progress=progress_get(outlines[course.pk], done.get(enrollment.pk, set())),
        )
        (completed if enrollment.completed_at else in_progress).append(item)

    enrolled_keys = set(keys)
    completed_keys = {enrollment.course_key for enrollment in enrollments if enrollment.completed_at}
    followed = [
        ProgramProgress(
            program=program,
            done=sum(1 for key in course_keys if key in completed_keys),
            total=len(course_keys),
        )
        for program, linked_keys, course_keys in _program_paths_get(locales)
        if linked_keys & enrolled_keys
    ]
    return Dashboard(in_progress=in_progress, completed=completed, programs=followed)


def catalog_url_get(request) -> str:
    """The catalog in the active language, or the home page if there is none (cached per host and language)."""

    def compute():
        catalogs = one_per_key_active_first(CourseIndexPage.objects.live(), key=lambda page: "catalog")
        catalog = catalogs.get("catalog")
        return catalog.get_url(request) if catalog else "/"

    return page_cache_get_or_set(f"catalog-url:{request.get_host()}:{get_language()}", compute)


def enrollment_export_list(user) -> list:
    """The learner's enrolments, each with the lessons they completed."""
    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("course")
        .prefetch_related("completions")
        .order_by("enrolled_at", "pk")
    )
    return [
        {
            "course": enrollment.course.title,
            "course_key": str(enrollment.course_key),
            "enrolled_at": iso_or_none(enrollment.enrolled_at),
            "left_at": iso_or_none(enrollment.left_at),
            "completed_at": iso_or_none(enrollment.completed_at),
            "lessons_completed": [
                {
                    "lesson": completion.lesson_title,
                    "lesson_key": str(completion.lesson_key),
                    "completed_at": iso_or_none(completion.completed_at),
                }
                for completion in sorted(enrollment.completions.all(), key=lambda c: (c.completed_at, c.pk))
            ],
        }
        for enrollment in enrollments
    ]


def course_continue_get(*, user) -> CourseProgress | None:
    """The learner's most recent unfinished course (last lesson done, else enrolment) with its next step (issue 20).

    Three queries and the shared course cache, whatever the number of enrolments (two more per
    course skipped because it was unpublished or finished since).
    """
    if not user.is_authenticated:
        return None
    enrollments = list(
        Enrollment.objects.filter(user=user, left_at__isnull=True, completed_at__isnull=True)
        .annotate(active_at=Coalesce(Max("completions__completed_at"), "enrolled_at"))
        .order_by("-active_at", "-pk")
    )
    localized = _dashboard_course_get_many(
        [enrollment.course_key for enrollment in enrollments], locales_active_and_default()
    )
    for enrollment in enrollments:
        course = localized.get(enrollment.course_key)
        if course is None:
            continue
        outline = _course_outline_get_many([course])[course.pk]
        done = set(LessonCompletion.objects.filter(enrollment=enrollment).values_list("lesson_key", flat=True))
        progress = progress_get(outline, done)
        if progress.next_step is None:
            continue
        return CourseProgress(enrollment=enrollment, course=course, progress=progress)
    return None


@dataclass
class DataCost:
    """What opening everything costs, in bytes (issue 20): to read (text, images, downloads) and the videos."""

    read_bytes: int = 0
    video_bytes: int = 0

    @property
    def total_bytes(self) -> int:
        return self.read_bytes + self.video_bytes


def step_data_cost_measure(step) -> DataCost:
    """A step's body measured: rendered text blocks, image and document files, videos from their length.

    Not cached here: callers keep it per live revision.
    """
    cost = DataCost(read_bytes=len(step.title.encode()))
    for block in getattr(step, "body", None) or []:
        if block.block_type == "video":
            cost.video_bytes += block.value.approximate_bytes() or 0
        elif block.block_type == "download":
            document = block.value.get("document")
            cost.read_bytes += (document.file_size or 0) if document else 0
        elif block.block_type == "image":
            image = block.value.get("image")
            cost.read_bytes += (image.file_size or 0) if image else 0  # the original: an upper bound
        else:
            cost.read_bytes += len(str(block.render()).encode())
    return cost


def course_data_cost_get(*, course: CoursePage) -> DataCost:
    """The course's total: its steps' costs, each cached per step and live revision (new revision, new measure)."""
    steps = course_outline_get(course)

    def compute(missing):
        wanted = {pk for pk, _revision in missing}
        costs = {}
        for model in course_step_models():
            for step in model.objects.filter(pk__in=wanted):
                costs[(step.pk, step.live_revision_id)] = step_data_cost_measure(step)
        return {key: costs.get(key, DataCost()) for key in missing}

    keys = {(step.pk, step.live_revision_id): f"data-cost:{step.pk}:{step.live_revision_id}" for step in steps}
    total = DataCost()
    for cost in page_cache_get_or_set_many(keys, compute).values():
        total.read_bytes += cost.read_bytes
        total.video_bytes += cost.video_bytes
    return total
