"""Reads for the catalog, course and lesson pages, programs and the dashboard.

Each runs a fixed number of queries, whatever the number of courses, lessons or enrolments.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q
from modelcluster.queryset import FakeQuerySet
from wagtail.images import get_image_model

from accounts.export import iso_or_none
from base.locales import in_locale_or_default, locales_active_and_default, one_per_key_active_first
from base.pagination import page_or_last
from base.relations import related_ids
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage, ProgramCourse
from partners.selectors import partner_for, partners_by_path
from taxonomy.models import Sector, Topic
from taxonomy.selectors import terms_for_locale

CATALOG_PAGE_SIZE = 12
COVER_RENDITION = "fill-480x270|format-webp"


@dataclass
class Progress:
    done: int = 0
    total: int = 0
    next_lesson: LessonPage | None = None
    done_keys: set = field(default_factory=set)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


def progress_from(lessons: list, done_keys: set) -> Progress:
    """Progress over the required lessons, and the first lesson not yet done."""
    required = [lesson for lesson in lessons if lesson.is_required]
    done = sum(1 for lesson in required if lesson.translation_key in done_keys)
    next_lesson = next((lesson for lesson in lessons if lesson.translation_key not in done_keys), None)
    return Progress(done=done, total=len(required), next_lesson=next_lesson, done_keys=done_keys)


def _covers():
    return Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions(COVER_RENDITION))


def course_queryset_for_locale(locales=None):
    """Live, public courses in the active language, plus default-language ones not yet translated."""
    return in_locale_or_default(CoursePage.objects.live().public(), locales=locales)


@dataclass
class CatalogOptions:
    """What the catalog can be filtered by, in the visitor's language."""

    topics: list
    sectors: list
    partners: list  # public partners, longest path first (see partners_by_path)


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
        topics=terms_for_locale(Topic, locales),
        sectors=terms_for_locale(Sector, locales),
        # The catalog's courses are public, and so are their partners.
        partners=partners_by_path(public_only=True),
    )


def catalog_get(*, filters: dict, partners: list, locales=None) -> CatalogPage:
    """The catalog's courses filtered and sorted by `filters` (CatalogFilterForm.valid_filters), one page of them."""
    courses = course_queryset_for_locale(locales)
    if topic := filters.get("topic"):
        courses = courses.filter(topics__translation_key=topic.translation_key)
    if sector := filters.get("sector"):
        courses = courses.filter(sectors__translation_key=sector.translation_key)
    if level := filters.get("level"):
        courses = courses.filter(level=level)
    if language := filters.get("language"):
        courses = courses.filter(locale__language_code=language)
    if partner := filters.get("partner"):
        courses = courses.filter(path__startswith=partner.path)
    if length := filters.get("length"):
        low, high = length
        courses = courses.filter(estimated_hours__gte=low, estimated_hours__lt=high)
    courses = courses.distinct().order_by(*filters["sort"])
    courses = courses.select_related("locale").prefetch_related(_covers(), "topics")

    messages = []
    paginator = Paginator(courses, CATALOG_PAGE_SIZE)
    page_obj = page_or_last(paginator, filters.get("page") or 1, messages)
    course_list = list(page_obj.object_list)
    for course in course_list:
        course.partner = partner_for(course, partners)
    return CatalogPage(courses=course_list, page_obj=page_obj, paginator=paginator, messages=messages)


def course_items(course: CoursePage) -> list:
    """The course's live, public lessons and quizzes in syllabus order (two queries)."""
    from assessments.models import QuizPage  # assessments builds on courses, not the reverse

    lessons = LessonPage.objects.descendant_of(course).live().public()
    quizzes = QuizPage.objects.descendant_of(course).live().public()
    return sorted([*lessons, *quizzes], key=lambda item: item.path)


def course_detail_get(*, course: CoursePage, user) -> dict:
    """Syllabus, the learner's enrolment and progress, partner, prerequisites and programs."""
    modules = list(ModulePage.objects.child_of(course).live().public().order_by("path"))
    lessons = course_items(course)
    enrollment = None
    done_keys = set()
    if user.is_authenticated:
        enrollment = Enrollment.objects.filter(user=user, course_key=course.translation_key).first()
        if enrollment:
            done_keys = set(enrollment.completions.values_list("lesson_key", flat=True))
    progress = progress_from(lessons, done_keys)
    syllabus = [
        {"module": module, "lessons": [lesson for lesson in lessons if lesson.path.startswith(module.path)]}
        for module in modules
    ]
    preview_key = next((item.translation_key for item in lessons if isinstance(item, LessonPage)), None)
    return {
        "syllabus": syllabus,
        "lessons": lessons,
        "enrollment": enrollment,
        "is_enrolled": bool(enrollment and enrollment.is_active),
        "progress": progress,
        "preview_lesson_key": preview_key,
        "partner": partner_for(course, partners_by_path()),
        "prerequisites": list(
            CoursePage.objects.live().public().filter(pk__in=related_ids(course.prerequisites)).order_by("title")
        ),
        "topics": list(course.topics.all()),
        "sectors": list(course.sectors.all()),
        "total_minutes": sum(lesson.estimated_minutes for lesson in lessons),
    }


def module_detail_get(*, module: ModulePage) -> dict:
    """A module's course and its live, public steps, for the module's own preview.

    Learners never see a module alone (its URL redirects into the course's syllabus); editors
    previewing one see what the syllabus will show of it, with the module's unsaved changes.
    """
    from assessments.models import QuizPage  # assessments builds on courses, not the reverse

    course = CoursePage.objects.ancestor_of(module).first()
    steps = [
        *LessonPage.objects.child_of(module).live().public(),
        *QuizPage.objects.child_of(module).live().public(),
    ]
    return {
        "course": course,
        "syllabus": [{"module": module, "lessons": sorted(steps, key=lambda step: step.path)}],
        "done_keys": set(),
    }


def lesson_detail_get(*, lesson: LessonPage, user, is_preview: bool = False) -> dict:
    """Where the lesson sits in its course, whether this learner may read it, and their progress."""
    # An editor previews lessons of a course not yet published (a partner's submission) too.
    courses = CoursePage.objects.ancestor_of(lesson)
    course = (courses if is_preview else courses.live()).first()
    lessons = course_items(course) if course else []
    keys = [item.translation_key for item in lessons]
    index = keys.index(lesson.translation_key) if lesson.translation_key in keys else -1
    enrollment = None
    done_keys = set()
    if course and user.is_authenticated:
        enrollment = Enrollment.objects.filter(
            user=user, course_key=course.translation_key, left_at__isnull=True
        ).first()
        if enrollment:
            done_keys = set(enrollment.completions.values_list("lesson_key", flat=True))
    # The first lesson (never a quiz) is a free sample for everyone.
    first_lesson = next((item for item in lessons if isinstance(item, LessonPage)), None)
    is_open_preview = first_lesson is not None and first_lesson.translation_key == lesson.translation_key
    return {
        "course": course,
        "module": lesson.get_parent() if course else None,
        "lessons": lessons,
        "lesson_number": index + 1,
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if 0 <= index < len(lessons) - 1 else None,
        "enrollment": enrollment,
        "is_enrolled": enrollment is not None,
        "is_done": lesson.translation_key in done_keys,
        "is_open_preview": is_open_preview,
        "can_read": bool(course) and (enrollment is not None or is_open_preview or is_preview),
        "progress": progress_from(lessons, done_keys),
    }


def course_cards_under(page) -> list:
    """Live, public courses in a partner's subtree, for the partner's page, as catalog cards."""
    courses = list(
        CoursePage.objects.live()
        .public()
        .descendant_of(page)
        .order_by("title")
        .select_related("locale")
        .prefetch_related(_covers(), "topics")
    )
    partners = partners_by_path()
    for course in courses:
        course.partner = partner_for(course, partners)
    return courses


def _courses_of_links(links: list, active_locale) -> list:
    """The live, public courses the links point to, in order, in the active language where translated."""
    keys = {link.course.translation_key for link in links}
    localized = {
        course.translation_key: course
        for course in CoursePage.objects.live().public().filter(translation_key__in=keys, locale=active_locale)
    }
    live_ids = set(CoursePage.objects.live().public().filter(pk__in=[link.course_id for link in links]).values_list("pk", flat=True))
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


def program_list(*, request) -> list:
    """Live programs in the active language, each with its courses and total effort."""
    from courses.models import TrainingProgramPage

    active, _default = locales_active_and_default()
    programs = list(
        TrainingProgramPage.objects.live().public().filter(locale=active).order_by("path").prefetch_related(
            Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(COVER_RENDITION))
        )
    )
    if not programs:
        programs = list(
            TrainingProgramPage.objects.live().public().filter(locale=_default).order_by("path").prefetch_related(
                Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(COVER_RENDITION))
            )
        )
    courses = _programs_with_courses(programs, active)
    for program in programs:
        program.course_list = courses[program.pk]
        program.total_hours = sum(course.estimated_hours for course in program.course_list)
    return programs


def program_detail_get(*, program, user) -> dict:
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
    return {
        "program_courses": courses,
        "total_hours": sum(course.estimated_hours for course in courses),
        "enrolled_keys": enrolled_keys,
        "completed_keys": completed_keys,
        "courses_completed": len(completed_keys),
    }


def dashboard_get(*, user) -> dict:
    """'My learning': courses in progress and completed, with progress, and programs followed."""
    active, default = locales_active_and_default()
    enrollments = list(Enrollment.objects.filter(user=user, left_at__isnull=True).select_related("course").order_by("-enrolled_at"))
    keys = [enrollment.course_key for enrollment in enrollments]
    localized = {}
    for course in (
        CoursePage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__in=[active, default])
        .prefetch_related(_covers())
    ):
        if course.translation_key not in localized or course.locale_id == active.pk:
            localized[course.translation_key] = course

    courses = list(localized.values())
    lessons_by_course = {course.pk: [] for course in courses}
    if courses:
        in_any_course = Q()
        for course in courses:
            in_any_course |= Q(path__startswith=course.path, depth__gt=course.depth)
        from assessments.models import QuizPage

        items = [
            *LessonPage.objects.live().public().filter(in_any_course),
            *QuizPage.objects.live().public().filter(in_any_course),
        ]
        for item in sorted(items, key=lambda item: item.path):
            owner = next((course for course in courses if item.path.startswith(course.path)), None)
            if owner:
                lessons_by_course[owner.pk].append(item)

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
        item = {
            "enrollment": enrollment,
            "course": course,
            "progress": progress_from(lessons_by_course[course.pk], done.get(enrollment.pk, set())),
        }
        (completed if enrollment.completed_at else in_progress).append(item)

    from courses.models import TrainingProgramPage

    program_keys = set(
        ProgramCourse.objects.filter(course__translation_key__in=keys).values_list("program__translation_key", flat=True)
    )
    programs_by_key = {}
    for program in TrainingProgramPage.objects.live().public().filter(
        translation_key__in=program_keys, locale__in=[active, default]
    ):
        if program.translation_key not in programs_by_key or program.locale_id == active.pk:
            programs_by_key[program.translation_key] = program
    programs = sorted(programs_by_key.values(), key=lambda program: program.title.casefold())
    program_courses = _programs_with_courses(programs, active)
    completed_keys = {enrollment.course_key for enrollment in enrollments if enrollment.completed_at}
    followed = []
    for program in programs:
        course_keys = [course.translation_key for course in program_courses[program.pk]]
        finished = sum(1 for key in course_keys if key in completed_keys)
        followed.append(
            {
                "program": program,
                "done": finished,
                "total": len(course_keys),
                "percent": round(100 * finished / len(course_keys)) if course_keys else 0,
            }
        )
    return {"in_progress": in_progress, "completed": completed, "programs": followed}


def catalog_url(request) -> str:
    """The catalog in the active language, or the home page if there is none."""
    from courses.models import CourseIndexPage

    catalogs = one_per_key_active_first(CourseIndexPage.objects.live(), key=lambda page: "catalog")
    catalog = catalogs.get("catalog")
    return catalog.get_url(request) if catalog else "/"


def enrollments_for_export(user) -> list:
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
