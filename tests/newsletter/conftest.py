import pytest

from tests.builders import (
    make_course,
    make_course_index,
    make_issue,
    make_library,
    make_newsletter_index,
    make_resource,
)


@pytest.fixture
def content(home):
    """A course and a resource to point to, an archive and a published issue listing both."""
    catalog = make_course_index(home)
    course = make_course(catalog, title="Pricing for profit", lessons=1, summary="Set prices that pay the bills.")
    library = make_library(home)
    resource = make_resource(library, title="Cash-flow template", summary="A month of cash in and out.")
    archive = make_newsletter_index(home)
    issue = make_issue(
        archive,
        title="November news",
        pages=[course, resource],
        editorial='<p>Welcome to our <a href="https://example.org/forum">forum</a> issue.</p>',
    )
    return {
        "home": home,
        "catalog": catalog,
        "library": library,
        "course": course,
        "resource": resource,
        "archive": archive,
        "issue": issue,
    }
