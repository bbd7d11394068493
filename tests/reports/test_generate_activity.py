"""reports_generate_activity: seeded synthetic activity with exact counts, kept by every rule the services keep."""

import datetime
import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Min, Q, Sum

from accounts.models import LearnerProfile, User
from assessments.models import QuizAnswer, QuizAttempt
from certificates.models import Certificate
from courses.models import CourseIndexPage, CoursePage, Enrollment, LessonCompletion, ProgramCourse, TrainingProgramPage
from courses.selectors import course_step_list
from library.models import ReadingListItem
from partners.models import PartnerPage
from reports.models import PageViewDay
from tests.builders import make_course, make_course_index

pytestmark = pytest.mark.django_db

END = datetime.date(2026, 11, 30)
SMALL = {"enrollments": 200, "completions": 1000, "courses": 5, "end": END, "force": True}


def generate(**options):
    out = io.StringIO()
    call_command("reports_generate_activity", stdout=out, **{**SMALL, **options})
    return out.getvalue()


def synthetic_users():
    return User.objects.filter(email__endswith="@synthetic.example")


def aggregates() -> dict:
    """What the reports would count, keyed by stable names (slugs, titles), not by row ids."""
    enrollments = Enrollment.objects.filter(user__in=synthetic_users())
    return {
        "per_course": sorted(
            enrollments.values_list("course__slug")
            .annotate(n=Count("id"), done=Count("completed_at"), left=Count("left_at"))
            .order_by("course__slug")
        ),
        "per_step": sorted(
            LessonCompletion.objects.filter(enrollment__in=enrollments)
            .values_list("lesson_title")
            .annotate(n=Count("id"), last=Max("completed_at"))
        ),
        "enrolled_at": sorted(enrollments.values_list("enrolled_at", flat=True)),
        "attempts": sorted(
            QuizAttempt.objects.filter(user__in=synthetic_users()).values_list(
                "quiz_title", "number", "score", "passed"
            )
        ),
        "wrong_answers": QuizAnswer.objects.filter(is_correct=False).count(),
        "genders": Counter(LearnerProfile.objects.values_list("gender", flat=True)),
        "countries": Counter(LearnerProfile.objects.values_list("country", flat=True)),
        "sectors": Counter(LearnerProfile.objects.values_list("sector__slug", flat=True)),
        "views": sorted(PageViewDay.objects.values_list("kind", "day", "views")),
        "saved": ReadingListItem.objects.count(),
        "certificates": sorted(
            Certificate.objects.values_list("course__slug", "issued_at", "public_id", "status_index")
        ),
    }


def test_refuses_without_force_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        generate(force=False)
    assert Enrollment.objects.count() == 0
    assert not synthetic_users().exists()


def test_creates_exactly_the_counts_asked_on_an_empty_database():
    output = generate()

    assert Enrollment.objects.count() == 200
    assert LessonCompletion.objects.count() == 1000
    assert synthetic_users().count() == 66  # a third of the enrolments by default
    assert CoursePage.objects.filter(slug__startswith="synthetic-course-").count() == 5
    assert "enrolments: 200" in output
    assert "completions: 1000" in output


def test_learners_and_courses_can_be_set():
    generate(learners=50, courses=8, lessons=6, completions=700)

    assert synthetic_users().count() == 50
    assert Enrollment.objects.values("course_key").distinct().count() <= 8
    assert LessonCompletion.objects.count() == 700


def test_the_same_seed_gives_the_same_rows():
    generate(seed=7)
    first = aggregates()
    Certificate.objects.all().delete()  # they protect the enrolments they were issued for
    synthetic_users().delete()  # enrolments, completions, attempts and reading lists go with them
    PageViewDay.objects.all().delete()

    generate(seed=7)

    assert aggregates() == first
    assert first["per_course"] and first["attempts"] and first["views"]


def test_another_seed_adds_learners_on_the_same_courses():
    generate(seed=1)
    courses = CoursePage.objects.count()
    first = aggregates()

    generate(seed=2)

    assert Enrollment.objects.count() == 400
    assert LessonCompletion.objects.count() == 2000
    assert CoursePage.objects.count() == courses
    assert aggregates()["enrolled_at"] != first["enrolled_at"]


def test_a_seed_already_used_is_refused():
    generate(seed=3)
    with pytest.raises(CommandError, match="already here"):
        generate(seed=3)
    assert Enrollment.objects.count() == 200


def test_more_completions_than_steps_can_hold_are_refused():
    with pytest.raises(CommandError, match="raise --lessons"):
        generate(enrollments=10, completions=10 * 14, lessons=12)
    assert not synthetic_users().exists()


def test_every_enrolment_keeps_the_rules_of_the_services():
    generate()
    end = datetime.datetime(2026, 11, 30, 23, 59, tzinfo=datetime.UTC)
    steps_of = {course.translation_key: course_step_list(course) for course in CoursePage.objects.all()}

    for enrollment in Enrollment.objects.prefetch_related("completions"):
        required = {step.translation_key for step in steps_of[enrollment.course_key] if step.is_required}
        done = {completion.lesson_key for completion in enrollment.completions.all()}
        times = [completion.completed_at for completion in enrollment.completions.all()]
        assert done <= {step.translation_key for step in steps_of[enrollment.course_key]}
        assert len(done) == len(times)  # one completion per step
        assert all(enrollment.enrolled_at < when <= end for when in times)
        assert enrollment.enrolled_at <= end
        if enrollment.completed_at:
            assert done == required  # completed exactly when every required step is done
            assert enrollment.completed_at == max(times)
            assert enrollment.left_at is None
        else:
            assert not required <= done
        if enrollment.left_at:
            assert enrollment.enrolled_at <= enrollment.left_at <= end

    completed = Enrollment.objects.filter(completed_at__isnull=False)
    assert 0 < completed.count() < 200
    assert Enrollment.objects.filter(left_at__isnull=False).exists()


def test_quiz_attempts_are_numbered_and_passed_ones_complete_the_quiz():
    generate()

    attempts = QuizAttempt.objects.all()
    assert attempts.filter(passed=False).exists() and attempts.filter(passed=True).exists()
    for user_id, quiz_key in attempts.values_list("user_id", "quiz_key").distinct():
        mine = list(attempts.filter(user_id=user_id, quiz_key=quiz_key).order_by("number"))
        assert [a.number for a in mine] == list(range(1, len(mine) + 1))
        assert all(not a.passed for a in mine[:-1])  # nobody retakes a passed quiz
        assert [a.submitted_at for a in mine] == sorted(a.submitted_at for a in mine)
        passed = LessonCompletion.objects.filter(enrollment__user_id=user_id, lesson_key=quiz_key).exists()
        assert mine[-1].passed == passed
    for attempt in attempts.annotate(
        right=Count("answers", filter=Q(answers__is_correct=True)), total=Count("answers")
    ):
        assert attempt.total == 4
        assert float(attempt.score) == 100 * attempt.right / 4
        assert attempt.passed == (attempt.score >= attempt.pass_mark)
    assert QuizAnswer.objects.filter(is_correct=False).exists()


def test_profiles_spread_over_every_answer_blank_and_unsaid_included():
    generate(enrollments=900, completions=3000, learners=300)

    genders = set(LearnerProfile.objects.values_list("gender", flat=True))
    women_led = set(LearnerProfile.objects.values_list("business_women_led", flat=True))
    assert genders == {"woman", "man", "other", "unsaid", ""}
    assert women_led == {"yes", "no", "unsaid", ""}
    assert LearnerProfile.objects.values("country").distinct().count() > 20
    assert LearnerProfile.objects.filter(sector__isnull=True).exists()
    assert synthetic_users().filter(profile__isnull=True).exists()  # some never filled in the profile
    assert not any(user.has_usable_password() for user in synthetic_users())


def test_page_views_cover_courses_and_resources_and_exceed_enrolments():
    generate()

    assert PageViewDay.objects.filter(kind="course").exists()
    assert PageViewDay.objects.filter(kind="resource").exists()
    first, last = PageViewDay.objects.aggregate(first=Min("day"), last=Max("day")).values()
    assert last <= END and first >= END - datetime.timedelta(days=731)
    for course in CoursePage.objects.all():
        views = PageViewDay.objects.filter(page_key=course.translation_key).aggregate(n=Sum("views"))["n"]
        assert views >= Enrollment.objects.filter(course_key=course.translation_key).count()


def test_partners_hold_some_synthetic_courses():
    generate()

    partners = PartnerPage.objects.filter(slug__startswith="synthetic-partner-")
    assert partners.count() == 2
    for partner in partners:
        courses = CoursePage.objects.descendant_of(partner)
        assert courses.exists()
        assert Enrollment.objects.filter(course__in=courses).exists()
        assert partner.team  # the partner's team exists, so its editors can be given the reports


def test_programs_gather_synthetic_courses_and_a_second_run_keeps_them():
    generate(courses=8)

    programs = TrainingProgramPage.objects.filter(slug__startswith="synthetic-program-").live()
    assert programs.count() == 6  # --programs' default
    sizes = Counter(ProgramCourse.objects.filter(program__in=programs).values_list("program", flat=True))
    assert sorted(sizes) == sorted(programs.values_list("pk", flat=True))
    assert all(2 <= size <= 5 for size in sizes.values())
    in_programs = ProgramCourse.objects.values("course__translation_key")
    assert Enrollment.objects.filter(course_key__in=in_programs).exists()  # the program report has figures
    pairs = sorted(ProgramCourse.objects.values_list("program__slug", "course__slug", "sort_order"))

    generate(seed=2, courses=8)

    assert TrainingProgramPage.objects.count() == 6
    assert sorted(ProgramCourse.objects.values_list("program__slug", "course__slug", "sort_order")) == pairs


def test_programs_can_be_left_out():
    generate(programs=0)

    assert not TrainingProgramPage.objects.exists()


def test_reuses_the_sites_catalog_when_there_is_one(home):
    catalog = make_course_index(home)
    make_course(catalog, lessons=1)

    generate()

    assert CourseIndexPage.objects.count() == 1
    assert CoursePage.objects.child_of(catalog).filter(slug__startswith="synthetic-").exists()
    assert Enrollment.objects.count() == 200


def test_a_quarter_of_completed_enrolments_get_a_certificate_when_they_completed():
    generate()

    completed = Enrollment.objects.filter(completed_at__isnull=False)
    certificates = Certificate.objects.select_related("enrollment")
    assert certificates.count() == round(completed.count() * 0.25) > 0
    for certificate in certificates:
        assert certificate.enrollment.completed_at == certificate.issued_at
        assert certificate.user_id == certificate.enrollment.user_id
        assert certificate.achievement_key == certificate.enrollment.course_key
        assert len(certificate.public_id) == 24
    assert certificates.values("status_index").distinct().count() == certificates.count()
