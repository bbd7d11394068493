"""One certificate whatever language the course was finished in (issue 15); the verification page
names the course in the viewer's language."""

import html

import pytest
from django.utils import translation

from certificates import selectors
from certificates.models import Certificate
from courses import services as course_services
from tests.builders import course_lessons, make_course, make_course_index, make_learner
from tests.builders.translations import make_locale
from tests.localize.translating import in_french, translate_tree_fully

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home):
    return make_course(make_course_index(home), lessons=2, title="Keep simple books")


@pytest.fixture
def fr_course(course):
    return translate_tree_fully(course, make_locale("fr"))


def test_a_course_finished_half_in_english_half_in_french_gives_one_certificate(course, fr_course):
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    english = course_lessons(course)
    french = course_lessons(fr_course)
    course_services.lesson_complete(user=learner, lesson=english[0])
    course_services.lesson_complete(user=learner, lesson=french[1])  # finished in French
    certificates = Certificate.objects.filter(user=learner)
    assert certificates.count() == 1
    assert certificates.get().achievement_key == course.translation_key
    # Enrolling again from the French page, or finishing the English lesson again, changes nothing.
    course_services.enrollment_create(user=learner, course=fr_course)
    course_services.lesson_complete(user=learner, lesson=english[1])
    assert Certificate.objects.filter(user=learner).count() == 1


def test_the_verification_page_names_the_course_in_the_viewers_language(client, course, fr_course):
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    for lesson in course_lessons(course):
        course_services.lesson_complete(user=learner, lesson=lesson)
    certificate = Certificate.objects.get(user=learner)
    english = html.unescape(client.get(f"/verify/{certificate.public_id}/").content.decode())
    french = html.unescape(client.get(f"/fr/verify/{certificate.public_id}/").content.decode())
    assert "Keep simple books" in english and in_french("Keep simple books") not in english
    assert in_french("Keep simple books") in french
    # A language the course is not translated into: the name on the certificate.
    spanish = html.unescape(client.get(f"/es/verify/{certificate.public_id}/").content.decode())
    assert "Keep simple books" in spanish


def test_verification_in_a_language_is_still_one_query(course, fr_course, django_assert_num_queries):
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    for lesson in course_lessons(course):
        course_services.lesson_complete(user=learner, lesson=lesson)
    certificate = Certificate.objects.get(user=learner)
    with translation.override("fr"), django_assert_num_queries(1):
        verification = selectors.certificate_verification_get(public_id=certificate.public_id, language="fr")
    assert verification.achievement_name == in_french("Keep simple books")
