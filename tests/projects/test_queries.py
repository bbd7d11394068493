"""The programme index and a programme's page run no more queries with more content, nor above their ceiling."""

import pytest

from tests.builders import make_course, make_course_index, make_image, make_partner, make_project
from tests.queries import assert_flat, page_queries

pytestmark = pytest.mark.django_db

INDEX_QUERIES = 4  # issue 18: facets cached
PROJECT_QUERIES = 4  # issue 18: its sections (news, events) kept as HTML (8 before)


def add_projects(index, count, terms):
    for i in range(count):
        make_project(
            index,
            title=f"Programme {i}",
            countries=["GE", "TR"],
            region="europe",
            topics=[terms["export"]],
            image=make_image() if i % 3 == 0 else None,
        )


def test_programme_index_queries_do_not_grow(client, programmes, terms):
    add_projects(programmes, 3, terms)
    before, after = assert_flat(
        client, programmes.url, lambda: add_projects(programmes, 20, terms), ceiling=INDEX_QUERIES
    )
    assert before.count('class="card resource-card project-card"') == 3 and "Export (3)" in before
    assert after.count('class="card resource-card project-card"') == 12 and "Export (23)" in after
    few, _ = page_queries(client, programmes.url)
    filtered, _ = page_queries(client, programmes.url + "?country=TR&status=running&topic=export&page=2")
    assert filtered == few


def test_programme_page_queries_do_not_grow_with_what_belongs_to_it(client, home, programmes, terms):
    project = make_project(programmes, topics=[terms["export"]])
    catalog = make_course_index(home)

    def grow():
        project.partners.set([make_partner(home) for _ in range(4)])
        project.courses.set([make_course(catalog, lessons=0, modules=0) for _ in range(4)])
        project.save_revision().publish()

    _, after = assert_flat(client, project.url, grow, ceiling=PROJECT_QUERIES)
    assert after.count("Course</span>") >= 4 or after.count("Course:") >= 4
