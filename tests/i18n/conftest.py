import pytest

from tests.builders import make_course, make_course_index, make_standard_page, make_translation


@pytest.fixture
def site(home):
    """English home, catalog, a course and an about page; the home page translated into French and Arabic."""
    catalog = make_course_index(home, title="Courses", slug="courses")
    course = make_course(catalog, title="Bookkeeping basics", slug="bookkeeping", lessons=1)
    about = make_standard_page(home, title="About us", slug="about")
    home_fr = make_translation(home, "fr", title="Accueil")
    home_ar = make_translation(home, "ar", title="الرئيسية")
    return {"home": home, "catalog": catalog, "course": course, "about": about, "home_fr": home_fr, "home_ar": home_ar}


@pytest.fixture
def about_fr(site):
    """The about page in French, at its own slug."""
    return make_translation(site["about"], "fr", title="À propos", slug="a-propos")
