"""The partner report: numbers per course, names only with consent, own courses only, safe exports.

Four tables, each a Wagtail ReportView: courses (at the old address), quiz pass rates by month,
learners by country, and the learners who share their progress.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import LearnerProfile
from assessments.models import QuizAttempt
from courses import services as course_services
from courses.models import Enrollment
from reports import selectors
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
from tests.reports.conftest import formula_cells, screen_rows, spreadsheet_rows

pytestmark = pytest.mark.django_db

INJECTIONS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]
COURSES = "/admin/partners/reports/"
MONTHS = "/admin/partners/reports/quiz-pass-rates/"
COUNTRIES = "/admin/partners/reports/countries/"
LEARNERS = "/admin/partners/reports/learners/"
EXPORT = "/admin/partners/reports/export/"
TABLES = [COURSES, MONTHS, COUNTRIES, LEARNERS]


def learner(*, country="", share=False, first_name="", last_name="", profile=True):
    user = make_learner(first_name=first_name, last_name=last_name)
    if profile:
        LearnerProfile.objects.create(user=user, country=country, share_progress_with_partner=share)
    return user


def attempt(user, quiz, *, passed, when, number=1):
    row = QuizAttempt.objects.create(
        user=user,
        quiz_key=quiz.translation_key,
        quiz=quiz,
        quiz_title=quiz.title,
        number=number,
        score=100 if passed else 0,
        passed=passed,
        pass_mark=50,
    )
    QuizAttempt.objects.filter(pk=row.pk).update(submitted_at=when)


@pytest.fixture
def partner(home, partner_index):
    partner, user = onboard("Kilimo University", email="dean@kilimo.example")
    partner.user = user
    return partner


@pytest.fixture
def busy_course(partner):
    """A course with four learners (one sharing progress), a quiz attempted in two months."""
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
    course.now = now
    return course


def test_report_counts_enrolments_activity_completions_pass_rates_and_countries(partner, busy_course):
    [row] = selectors.partner_course_rows(partner=partner, courses=[busy_course], now=busy_course.now)
    assert (row.enrolled, row.active, row.completed, row.completion_rate) == (4, 3, 1, 25)
    assert row.hidden_learners == 3
    months = selectors.partner_month_list(partner=partner)
    assert [(m.month.strftime("%Y-%m"), m.attempts, m.pass_rate) for m in months] == [
        ("2026-09", 1, 0),
        ("2026-10", 2, 100),
    ]
    countries = selectors.partner_country_list(partner=partner)
    assert [(c.code, c.count) for c in countries] == [("KE", 2), ("PE", 1), ("unknown", 1)]
    learners = selectors.partner_learner_list(partner=partner)
    assert [(learner.name, learner.progress) for learner in learners] == [("Achieng Otieno", 100)]


def test_partner_sees_each_table_of_their_own_report(client, partner, busy_course):
    client.force_login(partner.user)
    assert screen_rows(client.get(COURSES)) == [["Dry maize safely", "4", "3", "1", "25 %"]]
    assert screen_rows(client.get(MONTHS)) == [
        ["Dry maize safely", "2026-09", "1", "0", "0 %"],
        ["Dry maize safely", "2026-10", "2", "2", "100 %"],
    ]
    assert screen_rows(client.get(COUNTRIES)) == [
        ["Dry maize safely", "Kenya", "2"],
        ["Dry maize safely", "Peru", "1"],
        ["Dry maize safely", "Unknown", "1"],
    ]
    html = client.get(LEARNERS).content.decode()
    assert "Achieng Otieno" in html and "Hidden Person" not in html
    assert "3 other learners did not choose to share their progress." in html
    for table in TABLES:  # each table links to the others, for the same partner
        links = client.get(table).content.decode()
        assert all(f'href="{other}?partner={partner.pk}"' in links for other in TABLES)


def test_partner_sees_own_report_with_consenting_names_only(client, partner):
    course = make_course(partner, lessons=1, title="Dry maize safely")
    for user in (
        learner(share=True, first_name="Achieng", last_name="Otieno"),
        learner(first_name="Hidden", last_name="Person"),
    ):
        course_services.enrollment_create(user=user, course=course)
    client.force_login(partner.user)
    assert "Dry maize safely" in client.get(COURSES).content.decode()
    html = client.get(LEARNERS).content.decode()
    assert "Dry maize safely" in html and "Achieng Otieno" in html
    assert "Hidden Person" not in html
    assert "Partner report" in client.get("/admin/").content.decode()


def test_partner_cannot_pick_another_partners_report_and_bad_input_is_harmless(client, partner):
    other, _user = onboard("Andes School", email="head@andes.example")
    make_course(other, lessons=0, modules=0, title="Andes secret course")
    client.force_login(partner.user)
    for url in (*TABLES, EXPORT):
        assert client.get(f"{url}?partner={other.pk}").status_code == 404, url
        assert client.get(f"{url}?partner={other.pk}&export=csv").status_code == 404, url
    for bad in ("abc", "%00", "1" * 10_000, "-1", "٣"):
        for url in TABLES:
            response = client.get(f"{url}?partner={bad}")
            assert response.status_code in (200, 404)
            assert "Andes secret course" not in response.content.decode()


def test_partner_cannot_filter_by_another_partners_course(client, partner):
    other, _user = onboard("Andes School", email="head@andes.example")
    secret = make_course(other, lessons=1, title="Andes secret course")
    course_services.enrollment_create(user=learner(share=True, first_name="Andean", last_name="Secret"), course=secret)
    client.force_login(partner.user)
    for url in (MONTHS, COUNTRIES, LEARNERS):
        for suffix in ("", "&export=csv"):
            response = client.get(f"{url}?course={secret.pk}{suffix}")
            assert response.status_code == 200
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert b"Andes secret course" not in body and b"Andean" not in body


def test_editor_chooses_among_all_partners(client, partner):
    other, _user = onboard("Andes School", email="head@andes.example")
    make_course(other, lessons=0, modules=0, title="Andes course")
    make_course(partner, lessons=0, modules=0, title="Kilimo course")
    client.force_login(make_editor())
    html = client.get(COURSES).content.decode()
    assert 'name="partner"' in html and "Andes School" in html and "Kilimo University" in html
    assert "Andes course" in client.get(f"{COURSES}?partner={other.pk}").content.decode()
    kilimo = client.get(f"{COURSES}?partner={partner.pk}").content.decode()
    assert "Kilimo course" in kilimo and "Andes course" not in kilimo


def test_report_menu_is_hidden_from_admin_users_without_a_partner(client, partner):
    from django.contrib.auth.models import Permission

    user = make_admin_user(email="moderator@example.org")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "Partner report" not in client.get("/admin/").content.decode()
    for url in (*TABLES, EXPORT):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's answer to PermissionDenied


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_carry_the_numbers_on_screen(client, partner, busy_course, export_format):
    client.force_login(partner.user)
    for url in TABLES:
        screen = screen_rows(client.get(url))
        exported = spreadsheet_rows(client.get(url, {"export": export_format}), export_format)[1:]
        numbers = [[str(cell) for cell in row if isinstance(cell, int) or str(cell).isdigit()] for row in exported]
        on_screen = [[cell.removesuffix(" %") for cell in row if cell.removesuffix(" %").isdigit()] for row in screen]
        if url == LEARNERS:  # the screen also shows dates; the numbers are the progress
            numbers = [[row[-1]] for row in numbers]
        assert numbers == on_screen, url
        assert numbers
    assert spreadsheet_rows(client.get(EXPORT), "xlsx") == spreadsheet_rows(
        client.get(COURSES, {"export": "xlsx"}), "xlsx"
    )


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_neutralise_formulas(client, partner, export_format):
    course = make_course(partner, lessons=1, title=INJECTIONS[0])
    quiz = make_quiz(course_lessons(course)[0].get_parent(), questions=[q_true_false()])
    for text in INJECTIONS:
        user = learner(share=True, first_name=text, last_name="", country="")
        course_services.enrollment_create(user=user, course=course)
        attempt(user, quiz, passed=True, when=timezone.now())
    client.force_login(partner.user)
    strings = []
    for url in TABLES:
        rows = spreadsheet_rows(client.get(url, {"export": export_format}), export_format)
        assert not formula_cells(rows), url
        assert "'" + INJECTIONS[0] in [cell for row in rows for cell in row], url
        strings += [cell for row in rows for cell in row if isinstance(cell, str)]
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

    urls = [*TABLES, *(f"{url}?export=csv" for url in TABLES), EXPORT]
    client.force_login(partner.user)
    add(1, 2)
    few = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            assert response.status_code == 200
            b"".join(response.streaming_content) if response.streaming else response.content
        few[url] = len(queries)
    add(4, 6)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            b"".join(response.streaming_content) if response.streaming else response.content
        print(f"\n{url}: {few[url]} queries (1 course, 2 learners), {len(queries)} (5 courses, 26 learners)")
        assert len(queries) == few[url], url


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

    html = "".join(client.get(url).content.decode() for url in TABLES)
    exported = [row for url in TABLES for row in spreadsheet_rows(client.get(url, {"export": "xlsx"}), "xlsx")]
    cells = [str(cell) for row in exported for cell in row if cell]
    learner_rows = spreadsheet_rows(client.get(LEARNERS, {"export": "xlsx"}), "xlsx")[1:]
    exported_names = [row[1] for row in learner_rows]
    for user in (nameless, named, full):
        assert user.email not in html
        assert not any(user.email in cell for cell in cells)
    assert "@" not in "".join(cells)
    pseudonym = next(name for name in exported_names if name.startswith("Learner "))
    assert sorted(exported_names) == sorted(["Achie", "Juan Quispe", pseudonym])
    assert "Achie" in html and "Juan Quispe" in html and pseudonym in html
    assert pseudonym in client.get(LEARNERS).content.decode()  # stable across requests


def test_learner_table_pages_by_fifty(client, partner):
    course = make_course(partner, lessons=1, title="Dry maize safely")
    for n in range(51):
        course_services.enrollment_create(
            user=learner(share=True, first_name=f"Learner{n:02d}", last_name="Z"), course=course
        )
    client.force_login(partner.user)
    first, second = screen_rows(client.get(LEARNERS)), screen_rows(client.get(LEARNERS, {"p": 2}))
    assert (len(first), len(second)) == (50, 1)
    assert second[0][1] == "Learner50 Z"
    assert "Page 2 of 2" in client.get(LEARNERS, {"p": 2}).content.decode()
    assert len(spreadsheet_rows(client.get(LEARNERS, {"export": "csv"}), "csv")) == 52  # every row, and headings


def test_tables_filter_by_course_and_pass_rates_by_date(client, partner, busy_course):
    other = make_course(partner, lessons=1, title="Another course")
    course_services.enrollment_create(
        user=learner(country="PE", share=True, first_name="Other", last_name="One"), course=other
    )
    client.force_login(partner.user)
    assert {row[0] for row in screen_rows(client.get(COUNTRIES))} == {"Dry maize safely", "Another course"}
    assert screen_rows(client.get(COUNTRIES, {"course": other.pk})) == [["Another course", "Peru", "1"]]
    assert [row[1] for row in screen_rows(client.get(LEARNERS, {"course": other.pk}))] == ["Other One"]
    october = {"submitted_from": "2026-10-01", "submitted_to": "2026-10-31"}
    assert screen_rows(client.get(MONTHS, october)) == [["Dry maize safely", "2026-10", "2", "2", "100 %"]]
    exported = spreadsheet_rows(client.get(MONTHS, {**october, "export": "csv"}), "csv")
    assert exported[1:] == [["Dry maize safely", "2026-10", "2", "2", "100"]]


def test_an_impossible_course_id_is_ignored_not_an_error(client, partner, busy_course):
    client.force_login(partner.user)
    for course in (str(2**63), "9" * 10_000, "٣", "-1"):
        for url in (MONTHS, COUNTRIES, LEARNERS):
            response = client.get(url, {"course": course})
            assert response.status_code == 200, (url, course[:20])
            assert "Dry maize safely" in response.content.decode()  # unfiltered
