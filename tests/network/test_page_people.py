"""Experts attached to a course or programme appear on it, in every language, through base.page_people."""

import pytest

from network.models import ExpertRole
from tests.builders import make_course, make_expert, make_program, make_program_index

pytestmark = pytest.mark.django_db


def test_a_course_shows_its_listed_experts_with_their_roles(client, home):
    course = make_course(home, lessons=1, title="Price your products")
    author = make_expert(public_name="Amina Njeri", organisation="Kenya SME Federation")
    hidden = make_expert(public_name="Hidden Person")
    ExpertRole.objects.create(expert=author, page=course, role="author")
    ExpertRole.objects.create(expert=hidden, page=course, role="mentor")
    hidden.is_hidden = True
    hidden.save()

    page = client.get(course.url).content.decode()

    assert "Amina Njeri" in page and "Author" in page and "Kenya SME Federation" in page
    assert f'href="/network/experts/{author.pk}/"' in page
    assert "Hidden Person" not in page


def test_a_program_shows_its_mentor(client, home):
    program = make_program(make_program_index(home), courses=[make_course(home, lessons=1)])
    ExpertRole.objects.create(expert=make_expert(public_name="Bruno Mentor"), page=program, role="mentor")

    page = client.get(program.url).content.decode()

    assert "Bruno Mentor" in page and "Mentor" in page


def test_a_new_role_shows_at_once_on_a_cached_page(client, home):
    course = make_course(home, lessons=1)
    client.get(course.url)

    ExpertRole.objects.create(expert=make_expert(public_name="Late Author"), page=course, role="author")

    assert "Late Author" in client.get(course.url).content.decode()


def test_the_expert_page_lists_the_courses_they_are_on(client, home):
    course = make_course(home, lessons=1, title="Sell online with a phone")
    expert = make_expert(public_name="Amina")
    ExpertRole.objects.create(expert=expert, page=course, role="speaker")

    page = client.get(f"/network/experts/{expert.pk}/").content.decode()

    assert "Sell online with a phone" in page and "Speaker" in page
