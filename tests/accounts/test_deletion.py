"""Deleting an account: re-authenticate, confirm, and the person is gone while totals stay."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts import selectors, services
from accounts.models import LearnerProfile
from assessments import services as quiz_services
from courses import services as course_services
from courses.models import Enrollment, LessonCompletion
from reports import selectors as report_selectors
from taxonomy.models import Sector
from tests.accounts.helpers import reauthenticate
from tests.builders import PASSWORD, QuizSetup, give_totp, make_learner

pytestmark = pytest.mark.django_db
User = get_user_model()

EMAIL = "zuzanna.quetzal@example.org"
NAMES = ("Zuzanna", "Quetzalcoatlova", "Zuzu", "ზუზანა ქეცალი")


@pytest.fixture
def learner_with_records(home):
    setup = QuizSetup(home)
    person = make_learner(email=EMAIL, first_name=NAMES[0], last_name=NAMES[1])
    sector = Sector.objects.create(name="Crafts", slug="crafts", locale=setup.course.locale)
    services.profile_update(
        user=person,
        data={
            "display_name": NAMES[2],
            "certificate_name": NAMES[3],
            "country": "GE",
            "sector": sector,
            "role": "owner",
            "newsletter": True,
            "share_progress_with_partner": True,
        },
    )
    course_services.enrollment_create(user=person, course=setup.course)
    course_services.lesson_complete(user=person, lesson=setup.lessons[0])
    quiz_services.attempt_submit(user=person, quiz=setup.quiz, data=setup.answers(right=True), attempt_number="1")
    quiz_services.attempt_submit(
        user=setup.learner, quiz=setup.quiz, data=setup.answers(right=False), attempt_number="1"
    )
    return setup, person


def totals(setup):
    report = report_selectors.quiz_report_get(quiz=setup.quiz)
    return {
        "quiz_list": [
            (row.quiz.pk, row.attempts, row.learners, row.pass_rate, row.average)
            for row in report_selectors.quiz_report_list()
        ],
        "quiz_detail": (report.attempts, [(q.answered, q.correct_share) for q in report.questions]),
        "enrollments": Enrollment.objects.filter(course=setup.course).count(),
        "completions": LessonCompletion.objects.filter(enrollment__course=setup.course).count(),
        "users": User.objects.count(),
        "profiles_by_country": list(LearnerProfile.objects.values_list("country").order_by("country")),
    }


def rows_naming(needles) -> list:
    """(table, column) of every row in every table whose any column, as text, contains a needle."""
    quote = connection.ops.quote_name
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        hits.append((table, column.name, needle))
    return hits


def log_in(client, email=EMAIL, password=PASSWORD):
    client.post(reverse("account_login"), {"login": email, "password": password})
    assert "_auth_user_id" in client.session


def test_deletion_asks_for_the_password_again_then_for_an_explicit_yes(
    client, learner_with_records, django_capture_on_commit_callbacks
):
    _, person = learner_with_records
    log_in(client)
    response = client.get(reverse("accounts:delete"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    reauthenticate(client)
    page = client.get(reverse("accounts:delete"))
    assert page.status_code == 200 and "revoked: account deleted" in page.content.decode()

    response = client.post(reverse("accounts:delete"), {})
    assert response.status_code == 200
    assert response.context["form"].errors["confirm"]
    assert User.objects.get(pk=person.pk).deleted_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert mail.outbox[-1].to == [EMAIL] and "deleted" in mail.outbox[-1].subject
    assert selectors.user_is_deleted(User.objects.get(pk=person.pk))


def test_deletion_without_recent_reauthentication_is_refused(client, learner_with_records):
    _, person = learner_with_records
    client.force_login(person)
    response = client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert User.objects.get(pk=person.pk).deleted_at is None


def test_deletion_keeps_report_totals_and_leaves_no_row_naming_the_person(
    client, learner_with_records, django_capture_on_commit_callbacks
):
    setup, person = learner_with_records
    phone = Client()
    log_in(phone)
    log_in(client)
    give_totp(person)  # after logging in: one TOTP code cannot be used twice
    assert UserSession.objects.filter(user=person).count() == 2
    before = totals(setup)
    assert rows_naming([EMAIL, *NAMES])  # the search does find them while they are there

    reauthenticate(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert totals(setup) == before
    assert rows_naming([EMAIL, *NAMES]) == []
    person.refresh_from_db()
    assert person.email.startswith("deleted-") and person.email.endswith("@deleted.invalid")
    assert not person.is_active and not person.has_usable_password()
    assert (person.first_name, person.last_name, person.last_login) == ("", "", None)
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Authenticator.objects.filter(user=person).exists()
    assert not UserSession.objects.filter(user=person).exists()
    profile = LearnerProfile.objects.get(user=person)
    assert (
        profile.display_name,
        profile.certificate_name,
        profile.newsletter,
        profile.share_progress_with_partner,
    ) == ("", "", False, False)
    assert (profile.country.code, profile.role, profile.sector.slug) == ("GE", "owner", "crafts")  # kept for totals
    # Their other device is logged out too, and nobody can log in as them any more.
    assert phone.get(reverse("home:dashboard")).status_code == 302
    response = Client().post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 200


def test_deleting_twice_changes_nothing(learner_with_records):
    _, person = learner_with_records
    first = services.account_delete(user=person)
    second = services.account_delete(user=person)
    assert first.email == second.email and first.deleted_at == second.deleted_at


def test_the_same_email_can_sign_up_again_as_a_new_account(client, learner_with_records):
    _, person = learner_with_records
    services.account_delete(user=person)
    client.post(reverse("account_signup"), {"email": EMAIL, "password1": "learning-by-doing-2026"})
    assert User.objects.filter(email=EMAIL).exclude(pk=person.pk).count() == 1


def test_a_staff_member_who_deletes_their_account_loses_admin_access(learner_with_records):
    from django.contrib.auth.models import Group

    _, person = learner_with_records
    person.is_staff = True
    person.save()
    person.groups.add(Group.objects.get_or_create(name="Editors")[0])
    services.account_delete(user=person)
    person.refresh_from_db()
    assert not person.is_staff and not person.groups.exists()
