"""The report functions on known fixtures: exact figures, small cells, scope and filters (issue 17)."""

import datetime
import uuid

import pytest
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import LearnerProfile
from assessments.models import QuizAnswer, QuizAttempt
from courses.models import Enrollment, LessonCompletion
from library.models import ReadingListItem
from reports.metrics import (
    Dimension,
    ReportFilters,
    ReportScope,
    breakdown_list,
    funnel_list,
    monthly_trend_list,
    question_difficulty_list,
    quiz_pass_rate_list,
    report_scope_get,
    resource_read_list,
)
from reports.models import PageViewDay
from taxonomy.models import Sector
from tests.builders import (
    course_lessons,
    make_course,
    make_course_index,
    make_editor,
    make_learner,
    make_library,
    make_program,
    make_program_index,
    make_quiz,
    make_resource,
    make_term,
    onboard,
    publish,
    q_single,
)

pytestmark = pytest.mark.django_db

EVERYTHING = ReportScope(everything=True)
NO_FILTERS = ReportFilters()
FEWER = "fewer than 5"


def at(day: str, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")


def enrol(user, course, when, *, completed_after_days=None, lessons=()):
    """An enrolment made at `when`, completed `completed_after_days` later, with completions of `lessons`."""
    enrollment = Enrollment.objects.create(user=user, course_key=course.translation_key, course=course)
    completed_at = when + datetime.timedelta(days=completed_after_days) if completed_after_days is not None else None
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=when, completed_at=completed_at)
    for lesson in lessons:
        LessonCompletion.objects.create(
            enrollment=enrollment, lesson_key=lesson.translation_key, lesson=lesson, lesson_title=lesson.title
        )
    return enrollment


def learner(country="", *, gender="", women_led="", sector=None, size="", profile=True):
    if not profile:
        return make_learner()
    user = make_learner(profile={"country": country, "sector": sector, "business_size": size})
    LearnerProfile.objects.filter(user=user).update(gender=gender, business_women_led=women_led)
    return user


class World:
    """Three courses (Alpha's A1 in English and French, Beta's B1, the organisation's C), one program (A1, C).

    A1: k1–k7 (Kenya; k6 and k7 on the French page), k1–k5 completed after 1, 2, 3, 10, 20 days.
    C:  p1–p6 (Peru), k1 and n1 (no profile); p1–p6 completed after 1, 2, 4, 6, 8, 9 days.
    B1: e1–e3 (Egypt), e1 completed after 2 days.
    """

    def __init__(self, home, partner_index):
        self.alpha, self.alpha_user = onboard("Alpha Institute", email="a@alpha.example", country="KE")
        self.beta, self.beta_user = onboard("Beta College", email="b@beta.example", country="EG")
        self.a1 = make_course(self.alpha, lessons=4, title="Alpha course")
        self.b1 = make_course(self.beta, lessons=2, title="Beta course")
        self.c = make_course(make_course_index(home), lessons=2, title="Own course")
        self.program = make_program(make_program_index(home), courses=[self.a1, self.c], title="Path")
        self.french = Locale.objects.create(language_code="fr")
        self.a1_fr = self.a1.copy_for_translation(self.french, copy_parents=True)
        self.a1_fr.title = "Cours Alpha"
        publish(self.a1_fr)

        food = make_term(Sector, "Food")
        textiles = make_term(Sector, "Textiles")
        self.food, self.textiles = food, textiles
        self.k = [learner("KE", gender="woman", women_led="yes", sector=food, size="micro") for _ in range(5)] + [
            learner("KE", gender="man", women_led="unsaid", sector=food, size="micro"),
            learner("KE", sector=food, size="micro"),
        ]
        self.p = [learner("PE", gender="man", sector=textiles, size="small") for _ in range(5)] + [
            learner("PE", gender="unsaid", sector=textiles, size="small")
        ]
        self.e = [learner("EG") for _ in range(3)]
        self.n1 = learner(profile=False)

        a1_lessons = course_lessons(self.a1)
        c_lessons = course_lessons(self.c)
        b1_lessons = course_lessons(self.b1)
        march = at("2026-03-10")
        for user, days in zip(self.k[:5], [1, 2, 3, 10, 20], strict=True):
            enrol(user, self.a1, march, completed_after_days=days, lessons=a1_lessons)
        enrol(self.k[5], self.a1_fr, march, lessons=a1_lessons[:2])
        enrol(self.k[6], self.a1_fr, march, lessons=a1_lessons[:1])
        april = at("2026-04-05")
        for user, days in zip(self.p, [1, 2, 4, 6, 8, 9], strict=True):
            enrol(user, self.c, april, completed_after_days=days, lessons=c_lessons)
        enrol(self.k[0], self.c, april)
        enrol(self.n1, self.c, april, lessons=c_lessons[:1])
        late_april = at("2026-04-20")
        enrol(self.e[0], self.b1, late_april, completed_after_days=2, lessons=b1_lessons)
        enrol(self.e[1], self.b1, late_april, lessons=b1_lessons[:1])
        enrol(self.e[2], self.b1, late_april)


@pytest.fixture
def world(home, partner_index):
    return World(home, partner_index)


def table(rows):
    """Rows as the screen shows them: label and every figure as text."""
    return [
        (
            row.label,
            str(row.learners),
            str(row.enrollments),
            str(row.completions),
            str(row.completion_rate),
            str(row.median_days),
        )
        for row in rows
    ]


def alpha_scope(world):
    return report_scope_get(world.alpha_user)


# Scope


def test_editors_see_everything_partners_their_own_pages_learners_nothing(world):
    editor = make_editor()
    assert report_scope_get(editor) == EVERYTHING
    scope = report_scope_get(world.alpha_user)
    assert not scope.everything
    assert sorted(scope.partner_paths) == sorted([world.alpha.path, world.alpha.get_translation(world.french).path])
    assert report_scope_get(world.k[0]) is None
    world.alpha_user.is_active = False
    world.alpha_user.save()
    assert report_scope_get(world.alpha_user) is None


# Breakdowns, one dimension at a time


def test_by_course(world):
    rows = breakdown_list(dimension=Dimension.COURSE, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(rows) == [
        ("Own course", "8", "8", "6", "75", "5.0"),
        ("Alpha course", "7", "7", "5", "71", "3.0"),
        ("Beta course", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]
    assert [row.key for row in rows] == [
        str(world.c.translation_key),
        str(world.a1.translation_key),
        str(world.b1.translation_key),
    ]
    assert (rows[2].enrollments.export(), rows[2].median_days.export()) == (FEWER, FEWER)


def test_course_titles_follow_the_editors_language(world):
    from django.utils import translation

    with translation.override("fr"):
        rows = breakdown_list(dimension=Dimension.COURSE, scope=EVERYTHING, filters=NO_FILTERS)
    assert [row.label for row in rows] == ["Own course", "Cours Alpha", "Beta course"]


def test_by_program_counts_a_learner_of_two_of_its_courses_once(world):
    rows = breakdown_list(dimension=Dimension.PROGRAM, scope=EVERYTHING, filters=NO_FILTERS)
    # k1 is in both courses: 14 learners, 15 enrolments; median of 1,1,2,2,3,4,6,8,9,10,20 days.
    assert table(rows) == [("Path", "14", "15", "11", "73", "4.0")]
    assert rows[0].key == str(world.program.translation_key)


def test_by_partner(world):
    rows = breakdown_list(dimension=Dimension.PARTNER, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(rows) == [
        ("No partner", "8", "8", "6", "75", "5.0"),
        ("Alpha Institute", "7", "7", "5", "71", "3.0"),
        ("Beta College", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]


def test_by_country_and_region(world):
    countries = breakdown_list(dimension=Dimension.COUNTRY, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(countries) == [
        ("Kenya", "7", "8", "5", "62", "3.0"),
        ("Peru", "6", "6", "6", "100", "5.0"),
        ("Egypt", FEWER, FEWER, FEWER, FEWER, FEWER),
        ("Not given", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]
    regions = breakdown_list(dimension=Dimension.REGION, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(regions) == [
        ("Sub-Saharan Africa", "7", "8", "5", "62", "3.0"),
        ("Latin America and the Caribbean", "6", "6", "6", "100", "5.0"),
        ("Middle East and North Africa", FEWER, FEWER, FEWER, FEWER, FEWER),
        ("Not given", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]
    assert [row.key for row in regions] == ["africa", "americas", "mena", ""]


def test_by_gender_keeps_prefer_not_to_say_apart_from_not_given(world):
    rows = breakdown_list(dimension=Dimension.GENDER, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(rows) == [
        ("Man", "6", "6", "5", "83", "4.0"),
        ("Woman", "5", "6", "5", "83", "3.0"),
        ("Not given", "5", "5", FEWER, FEWER, FEWER),
        ("Prefer not to say", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]


def test_by_women_led(world):
    rows = breakdown_list(dimension=Dimension.WOMEN_LED, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(rows) == [
        ("Not given", "11", "11", "7", "64", "4.0"),
        ("Yes, women own or lead it", "5", "6", "5", "83", "3.0"),
        ("Prefer not to say", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]


def test_by_sector_and_size(world):
    sectors = breakdown_list(dimension=Dimension.SECTOR, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(sectors) == [
        ("Food", "7", "8", "5", "62", "3.0"),
        ("Textiles", "6", "6", "6", "100", "5.0"),
        ("Not given", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]
    assert sectors[0].key == str(world.food.translation_key)
    sizes = breakdown_list(dimension=Dimension.SIZE, scope=EVERYTHING, filters=NO_FILTERS)
    assert [(row.label, str(row.enrollments)) for row in sizes] == [
        ("2–9 people", "8"),
        ("10–49 people", "6"),
        ("Not given", FEWER),
    ]


def test_by_stage_groups_everyone_without_an_answer_as_not_given(world):
    rows = breakdown_list(dimension=Dimension.STAGE, scope=EVERYTHING, filters=NO_FILTERS)
    assert table(rows) == [("Not given", "17", "18", "12", "67", "3.5")]


def test_by_locale_of_the_course_page(world):
    rows = breakdown_list(dimension=Dimension.LOCALE, scope=EVERYTHING, filters=NO_FILTERS)
    assert [(row.key, str(row.enrollments), str(row.completions)) for row in rows] == [
        ("en", "16", "12"),
        ("fr", FEWER, FEWER),
    ]


def test_by_month_counts_enrolments_and_completions_in_their_own_month_without_gaps(world):
    filters = ReportFilters(date_from=datetime.date(2026, 2, 1), date_to=datetime.date(2026, 5, 31))
    rows = breakdown_list(dimension=Dimension.MONTH, scope=EVERYTHING, filters=filters)
    assert table(rows) == [
        ("2026-02", FEWER, FEWER, FEWER, FEWER, FEWER),
        ("2026-03", "7", "7", "5", "71", "3.0"),
        ("2026-04", "11", "11", "7", "64", "4.0"),
        ("2026-05", FEWER, FEWER, FEWER, FEWER, FEWER),
    ]
    assert rows[0].enrollments.value == 0


# Scope and filters


def test_a_partner_sees_only_its_courses_in_every_language(world):
    scope = alpha_scope(world)
    rows = breakdown_list(dimension=Dimension.COURSE, scope=scope, filters=NO_FILTERS)
    assert table(rows) == [("Alpha course", "7", "7", "5", "71", "3.0")]
    locales = breakdown_list(dimension=Dimension.LOCALE, scope=scope, filters=NO_FILTERS)
    assert [(row.key, row.enrollments.value) for row in locales] == [("en", 5), ("fr", 2)]
    assert [row.label for row in breakdown_list(dimension=Dimension.PARTNER, scope=scope, filters=NO_FILTERS)] == [
        "Alpha Institute"
    ]


def test_a_partner_filter_outside_the_partners_scope_gives_nothing(world):
    filters = ReportFilters(partner=world.beta)
    assert breakdown_list(dimension=Dimension.COURSE, scope=alpha_scope(world), filters=filters) == []
    assert funnel_list(scope=alpha_scope(world), filters=filters) == []
    editor_rows = breakdown_list(dimension=Dimension.COURSE, scope=EVERYTHING, filters=filters)
    assert [row.label for row in editor_rows] == ["Beta course"]


def test_a_partner_without_pages_sees_nothing(world):
    scope = ReportScope(partner_paths=())
    assert breakdown_list(dimension=Dimension.COURSE, scope=scope, filters=NO_FILTERS) == []


@pytest.mark.parametrize(
    ("filters_of", "expected"),
    [
        (lambda w: ReportFilters(course_key=w.c.translation_key), [("Own course", 8)]),
        (lambda w: ReportFilters(program=w.program), [("Own course", 8), ("Alpha course", 7)]),
        (lambda w: ReportFilters(partner=w.alpha), [("Alpha course", 7)]),
        (lambda w: ReportFilters(country="KE"), [("Alpha course", 7), ("Own course", 1)]),
        (lambda w: ReportFilters(region="americas"), [("Own course", 6)]),
        (lambda w: ReportFilters(locale=w.french), [("Alpha course", 2)]),
        (lambda w: ReportFilters(date_from=datetime.date(2026, 4, 1)), [("Own course", 8), ("Beta course", 3)]),
        (lambda w: ReportFilters(date_to=datetime.date(2026, 3, 10)), [("Alpha course", 7)]),
        (lambda w: ReportFilters(date_to=datetime.date(2026, 3, 9)), []),
    ],
)
def test_each_filter(world, filters_of, expected):
    rows = breakdown_list(dimension=Dimension.COURSE, scope=EVERYTHING, filters=filters_of(world))
    assert [(row.label, row.enrollments.value) for row in rows] == expected


# Median


def test_median_of_an_odd_and_an_even_number_of_completions(world):
    by_course = {
        row.label: row for row in breakdown_list(dimension=Dimension.COURSE, scope=EVERYTHING, filters=NO_FILTERS)
    }
    assert by_course["Alpha course"].median_days.value == 3.0  # 1, 2, 3, 10, 20
    assert by_course["Own course"].median_days.value == 5.0  # 1, 2, 4, 6, 8, 9


def test_median_keeps_fractions_of_days(world):
    enrollment = Enrollment.objects.get(user=world.p[0], course_key=world.c.translation_key)
    # p1 now took 7.25 days: 2, 4, 6, 7.25, 8, 9 → (6 + 7.25) / 2 = 6.625 → 6.6
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=enrollment.enrolled_at + datetime.timedelta(hours=174)
    )
    rows = breakdown_list(
        dimension=Dimension.COURSE, scope=EVERYTHING, filters=ReportFilters(course_key=world.c.translation_key)
    )
    assert rows[0].median_days.value == 6.6


# Monthly trend


def test_monthly_trend_has_a_row_per_month_with_new_learners(world):
    rows = monthly_trend_list(scope=EVERYTHING, filters=NO_FILTERS, months=4, today=datetime.date(2026, 5, 15))
    assert [
        (row.month.isoformat(), str(row.enrollments), str(row.completions), str(row.new_learners)) for row in rows
    ] == [
        ("2026-02-01", FEWER, FEWER, FEWER),
        ("2026-03-01", "7", "5", "7"),
        ("2026-04-01", "11", "7", "10"),  # k1 came back: not new
        ("2026-05-01", FEWER, FEWER, FEWER),
    ]


def test_monthly_trend_follows_the_date_filter(world):
    filters = ReportFilters(date_from=datetime.date(2026, 4, 1), date_to=datetime.date(2026, 6, 30))
    rows = monthly_trend_list(scope=alpha_scope(world), filters=filters)
    assert [row.month for row in rows] == [
        datetime.date(2026, 4, 1),
        datetime.date(2026, 5, 1),
        datetime.date(2026, 6, 1),
    ]
    assert [row.enrollments.value for row in rows] == [0, 0, 0]


# Funnel


def test_funnel_per_course(world):
    PageViewDay.objects.create(
        page_key=world.a1.translation_key, kind="course", day=datetime.date(2026, 3, 1), views=40
    )
    PageViewDay.objects.create(
        page_key=world.a1.translation_key, kind="course", day=datetime.date(2026, 4, 1), views=60
    )
    PageViewDay.objects.create(page_key=world.c.translation_key, kind="course", day=datetime.date(2026, 4, 2), views=3)
    rows = funnel_list(scope=EVERYTHING, filters=NO_FILTERS)
    assert [
        (row.title, str(row.visited), str(row.enrolled), str(row.first_lesson), str(row.halfway), str(row.completed))
        for row in rows
    ] == [
        ("Own course", "3", "8", "7", "7", "6"),
        ("Alpha course", "100", "7", "7", "6", "5"),
        ("Beta course", "0", FEWER, FEWER, FEWER, FEWER),
    ]
    dated = funnel_list(scope=alpha_scope(world), filters=ReportFilters(date_from=datetime.date(2026, 3, 2)))
    assert [(row.title, row.visited.value, row.enrolled.value) for row in dated] == [("Alpha course", 60, 7)]


def test_funnel_counts_a_passed_quiz_as_a_step(world):
    """C gets a required quiz: three steps, so one lesson is no longer half-way; a passed quiz is."""
    lessons = course_lessons(world.c)
    quiz = make_quiz(lessons[0].get_parent(), questions=[q_single()])
    LessonCompletion.objects.create(
        enrollment=Enrollment.objects.get(user=world.k[0], course_key=world.c.translation_key),
        lesson_key=quiz.translation_key,
        lesson_title=quiz.title,
    )
    LessonCompletion.objects.create(
        enrollment=Enrollment.objects.get(user=world.k[0], course_key=world.c.translation_key),
        lesson_key=lessons[1].translation_key,
        lesson=lessons[1],
        lesson_title=lessons[1].title,
    )
    rows = {row.title: row for row in funnel_list(scope=EVERYTHING, filters=NO_FILTERS)}
    # p1–p6: 2 of 3 (half-way); n1: 1 of 3 (not); k1: a lesson and the quiz, 2 of 3.
    assert (rows["Own course"].first_lesson.value, rows["Own course"].halfway.value) == (8, 7)


# Quizzes


def _attempt(user, quiz, number, passed, correct, when):
    attempt = QuizAttempt.objects.create(
        user=user,
        quiz_key=quiz.translation_key,
        quiz=quiz,
        quiz_title=quiz.title,
        number=number,
        score=100 if passed else 0,
        passed=passed,
        pass_mark=70,
    )
    QuizAttempt.objects.filter(pk=attempt.pk).update(submitted_at=when)
    for question_id, is_correct in correct.items():
        QuizAnswer.objects.create(
            attempt=attempt,
            question_id=question_id,
            question_type="single_choice",
            prompt=f"Question {question_id}",
            points=1 if is_correct else 0,
            is_correct=is_correct,
        )


@pytest.fixture
def quizzes(world):
    module = course_lessons(world.c)[0].get_parent()
    quiz = make_quiz(module, title="Pricing check", questions=[q_single()], is_required=False)
    day = at("2026-04-10")
    for index, user in enumerate(world.p[:5]):
        _attempt(user, quiz, 1, True, {"easy": True, "hard": index < 2}, day)
    _attempt(world.p[5], quiz, 1, False, {"easy": True, "hard": False}, day)
    _attempt(world.p[5], quiz, 2, True, {"easy": True, "hard": True}, at("2026-05-02"))
    beta_quiz = make_quiz(course_lessons(world.b1)[0].get_parent(), title="Beta check", questions=[q_single()])
    for user in world.e[:2]:
        _attempt(user, beta_quiz, 1, True, {"easy": False}, day)
    return quiz, beta_quiz


def test_quiz_pass_rates(world, quizzes):
    rows = quiz_pass_rate_list(scope=EVERYTHING, filters=NO_FILTERS)
    assert [
        (
            row.title,
            row.course_title,
            str(row.learners),
            str(row.attempts),
            str(row.pass_rate),
            str(row.first_attempt_pass_rate),
        )
        for row in rows
    ] == [
        ("Pricing check", "Own course", "6", "7", "100", "83"),
        ("Beta check", "Beta course", FEWER, FEWER, FEWER, FEWER),
    ]
    dated = quiz_pass_rate_list(scope=EVERYTHING, filters=ReportFilters(date_to=datetime.date(2026, 4, 30)))
    assert (dated[0].attempts.value, str(dated[0].pass_rate)) == (6, "83")
    assert [row.title for row in quiz_pass_rate_list(scope=report_scope_get(world.beta_user), filters=NO_FILTERS)] == [
        "Beta check"
    ]


def test_hardest_questions_first_among_those_enough_learners_answered(world, quizzes):
    rows = question_difficulty_list(scope=EVERYTHING, filters=NO_FILTERS)
    # "hard": right in 3 of 7 answers; "easy": 7 of 7; Beta's question has only 2 learners: left out.
    assert [
        (row.quiz_title, row.question_id, row.prompt, str(row.learners), str(row.correct_rate)) for row in rows
    ] == [
        ("Pricing check", "hard", "Question hard", "6", FEWER),
        ("Pricing check", "easy", "Question easy", "6", "100"),
    ]
    assert question_difficulty_list(scope=EVERYTHING, filters=NO_FILTERS, limit=1)[0].question_id == "hard"
    assert question_difficulty_list(scope=alpha_scope(world), filters=NO_FILTERS) == []


# Resources


def test_most_read_resources_with_their_partner(world, home):
    own = make_resource(make_library(home), title="Cash flow guide")
    alpha_resource = make_resource(world.alpha, title="Alpha toolkit", kind="toolkit")
    make_resource(world.beta, title="Beta unread")
    for day, views in [(datetime.date(2026, 4, 1), 20), (datetime.date(2026, 4, 2), 30)]:
        PageViewDay.objects.create(page_key=own.translation_key, kind="resource", day=day, views=views)
    PageViewDay.objects.create(
        page_key=alpha_resource.translation_key, kind="resource", day=datetime.date(2026, 4, 3), views=30
    )
    for user in world.p[:5]:
        ReadingListItem.objects.create(user=user, resource_key=own.translation_key, resource=own)
    ReadingListItem.objects.create(
        user=world.k[0], resource_key=alpha_resource.translation_key, resource=alpha_resource
    )

    rows = resource_read_list(scope=EVERYTHING, filters=NO_FILTERS)
    assert [(row.title, row.kind, row.partner, str(row.views), str(row.saved)) for row in rows] == [
        ("Cash flow guide", "Guide", "", "50", "5"),
        ("Alpha toolkit", "Toolkit", "Alpha Institute", "30", FEWER),
    ]
    assert [row.title for row in resource_read_list(scope=alpha_scope(world), filters=NO_FILTERS)] == ["Alpha toolkit"]
    dated = resource_read_list(scope=EVERYTHING, filters=ReportFilters(date_from=datetime.date(2026, 4, 2)))
    assert [(row.title, row.views.value) for row in dated] == [("Alpha toolkit", 30), ("Cash flow guide", 30)] or [
        (row.title, row.views.value) for row in dated
    ] == [("Cash flow guide", 30), ("Alpha toolkit", 30)]
    assert resource_read_list(scope=EVERYTHING, filters=NO_FILTERS, limit=1)[0].title == "Cash flow guide"


def test_unknown_scope_value_is_refused():
    with pytest.raises(ValueError):
        breakdown_list(dimension="shoe size", scope=EVERYTHING, filters=NO_FILTERS)


def test_keys_are_uuids(world):
    rows = funnel_list(scope=EVERYTHING, filters=NO_FILTERS)
    assert all(isinstance(row.course_key, uuid.UUID) for row in rows)
    assert timezone.is_aware(at("2026-01-01"))
