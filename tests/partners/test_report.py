"""The partner report: numbers per course, names only with consent, own courses only, safe XLSX."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import LearnerProfile
from assessments.models import QuizAttempt
from courses import services as course_services
from courses.models import Enrollment
from partners import selectors
from tests.builders import (
    course_lessons,
    make_admin_user,
    make_course,
    make_editor,
    make_learner,
    make_quiz,
    onboard,
    q_true_false,
)

pytestmark = pytest.mark.django_db

INJECTIONS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]


def learner(*, country="", share=False, first_name="", last_name="", profile=True):
    user = make_learner(first_name=first_name, last_name=last_name)
    if profile:
        LearnerProfile.objects.create(user=user, country=country, share_progress_with_partner=share)
    return user


def attempt(user, quiz, *, passed, when, number=1):
    row = QuizAttempt.objects.create(
        user=user, quiz_key=quiz.translation_key, quiz=quiz, quiz_title=quiz.title, number=number,
        score=100 if passed else 0, passed=passed, pass_mark=50,
    )
    QuizAttempt.objects.filter(pk=row.pk).update(submitted_at=when)


@pytest.fixture
def partner(home, partner_index):
    partner, user = onboard("Kilimo University", email="dean@kilimo.example")
    partner.user = user
    return partner


def test_report_counts_enrolments_activity_completions_pass_rates_and_countries(partner):
    course = make_course(partner, lessons=2, title="Dry maize safely")
    quiz = make_quiz(course_lessons(course)[0].get_parent(), questions=[q_true_false()])
    now = timezone.now()
    sharing = learner(country="KE", share=True, first_name="Achieng", last_name="Otieno")
    private = learner(country="KE", first_name="Hidden", last_name="Person")
    unknown = learner(profile=False, first_name="No", last_name="Profile")
    old = learner(country="PE")
    for user in (sharing, private, unknown, old):
        course_services.enrollment_create(user=user, course=course)
    for lesson in course_lessons(course):
        course_services.lesson_complete(user=sharing, lesson=lesson)
    Enrollment.objects.filter(user=old).update(enrolled_at=now - datetime.timedelta(days=90))
    Enrollment.objects.filter(user=sharing).update(completed_at=now)  # the quiz is passed below, outside the service
    attempt(sharing, quiz, passed=False, when=datetime.datetime(2026, 9, 10, tzinfo=datetime.UTC))
    attempt(sharing, quiz, passed=True, when=datetime.datetime(2026, 10, 3, tzinfo=datetime.UTC), number=2)
    attempt(private, quiz, passed=True, when=datetime.datetime(2026, 10, 5, tzinfo=datetime.UTC))

    row = selectors.partner_report_get(partner=partner, now=now)["rows"][0]
    assert (row["enrolled"], row["active"], row["completed"], row["completion_rate"]) == (4, 3, 1, 25)
    assert [(m["month"].strftime("%Y-%m"), m["attempts"], m["pass_rate"]) for m in row["months"]] == [
        ("2026-09", 1, 0), ("2026-10", 2, 100)
    ]
    assert [(c["code"], c["count"]) for c in row["countries"]] == [("KE", 2), ("PE", 1), ("unknown", 1)]
    assert [learner["name"] for learner in row["learners"]] == ["Achieng Otieno"]
    assert row["learners"][0]["progress"] == 100
    assert row["hidden_learners"] == 3


def test_partner_sees_own_report_with_consenting_names_only(client, partner):
    course = make_course(partner, lessons=1, title="Dry maize safely")
    for user in (learner(share=True, first_name="Achieng", last_name="Otieno"), learner(first_name="Hidden", last_name="Person")):
        course_services.enrollment_create(user=user, course=course)
    client.force_login(partner.user)
    html = client.get("/admin/partners/reports/").content.decode()
    assert "Dry maize safely" in html and "Achieng Otieno" in html
    assert "Hidden Person" not in html
    assert "Partner report" in client.get("/admin/").content.decode()


def test_partner_cannot_pick_another_partners_report_and_bad_input_is_harmless(client, partner):
    other, _user = onboard("Andes School", email="head@andes.example")
    make_course(other, lessons=0, modules=0, title="Andes secret course")
    client.force_login(partner.user)
    assert client.get(f"/admin/partners/reports/?partner={other.pk}").status_code == 404
    assert client.get(f"/admin/partners/reports/export/?partner={other.pk}").status_code == 404
    for bad in ("abc", "%00", "1" * 10_000, "-1", "٣"):
        response = client.get(f"/admin/partners/reports/?partner={bad}")
        assert response.status_code in (200, 404)
        assert "Andes secret course" not in response.content.decode()


def test_editor_chooses_among_all_partners(client, partner):
    other, _user = onboard("Andes School", email="head@andes.example")
    make_course(other, lessons=0, modules=0, title="Andes course")
    client.force_login(make_editor())
    html = client.get("/admin/partners/reports/").content.decode()
    assert 'name="partner"' in html and "Andes School" in html and "Kilimo University" in html
    assert "Andes course" in client.get(f"/admin/partners/reports/?partner={other.pk}").content.decode()


def test_report_menu_is_hidden_from_admin_users_without_a_partner(client, partner):
    from django.contrib.auth.models import Permission

    user = make_admin_user(email="moderator@example.org")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "Partner report" not in client.get("/admin/").content.decode()
    response = client.get("/admin/partners/reports/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's answer to PermissionDenied


def test_xlsx_export_neutralises_formulas(client, partner):
    course = make_course(partner, lessons=1, title=INJECTIONS[0])
    for text in INJECTIONS:
        user = learner(share=True, first_name=text, last_name="", country="")
        course_services.enrollment_create(user=user, course=course)
    client.force_login(partner.user)
    response = client.get("/admin/partners/reports/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    values = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row]
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    strings = [value for value in values if isinstance(value, str)]
    assert not any(value.startswith(("=", "+", "-", "@")) for value in strings)
    for text in INJECTIONS:
        assert "'" + text in strings


def test_report_queries_do_not_grow_with_courses_and_learners(client, partner):
    def add(courses, learners):
        for _ in range(courses):
            course = make_course(partner, lessons=2)
            quiz = make_quiz(course_lessons(course)[0].get_parent(), questions=[q_true_false()])
            for n in range(learners):
                user = learner(country=["KE", "PE", ""][n % 3], share=n % 2 == 0, first_name=f"L{n}")
                course_services.enrollment_create(user=user, course=course)
                course_services.lesson_complete(user=user, lesson=course_lessons(course)[0])
                attempt(user, quiz, passed=n % 2 == 0, when=timezone.now())

    client.force_login(partner.user)
    add(1, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/admin/partners/reports/").status_code == 200
    with CaptureQueriesContext(connection) as few_export:
        assert client.get("/admin/partners/reports/export/").status_code == 200
    add(4, 6)
    with CaptureQueriesContext(connection) as many:
        client.get("/admin/partners/reports/")
    with CaptureQueriesContext(connection) as many_export:
        client.get("/admin/partners/reports/export/")
    print(f"\npartner report: {len(few)} queries (1 course, 2 learners), {len(many)} (5 courses, 26 learners); "
          f"export {len(few_export)} and {len(many_export)}")
    assert len(many) == len(few), f"{len(few)} queries for 1 course × 2 learners, {len(many)} for 5 courses"
    assert len(many_export) == len(few_export)


def test_report_and_export_name_learners_without_their_email(client, partner):
    """Consent covers "name and progress": display name, else full name, else a stable pseudonym."""
    course = make_course(partner, lessons=1, title="Dry maize safely")
    nameless = learner(share=True)
    named = learner(share=True, first_name="Achieng", last_name="Otieno")
    LearnerProfile.objects.filter(user=named).update(display_name="Achie")
    full = learner(share=True, first_name="Juan", last_name="Quispe")
    for user in (nameless, named, full):
        course_services.enrollment_create(user=user, course=course)
    client.force_login(partner.user)

    html = client.get("/admin/partners/reports/").content.decode()
    workbook = load_workbook(io.BytesIO(client.get("/admin/partners/reports/export/").content))
    cells = [str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value]
    learner_sheet = workbook.worksheets[-1]
    exported_names = [row[1] for row in learner_sheet.iter_rows(min_row=2, values_only=True)]
    for user in (nameless, named, full):
        assert user.email not in html
        assert not any(user.email in cell for cell in cells)
    assert "@" not in "".join(cells)
    pseudonym = next(name for name in exported_names if name.startswith("Learner "))
    assert sorted(exported_names) == sorted(["Achie", "Juan Quispe", pseudonym])
    assert "Achie" in html and "Juan Quispe" in html and pseudonym in html
    assert pseudonym in client.get("/admin/partners/reports/").content.decode()  # stable across requests
