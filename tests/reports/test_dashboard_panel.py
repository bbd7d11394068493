"""The admin dashboard's learning panel: figures in the user's scope, a trend line, flat queries."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils.html import escape

from courses import services as course_services
from reports.privacy import RULE
from tests.builders import make_admin_user, make_course, make_learner
from tests.queries import assert_flat
from tests.reports.test_learning_views import FEWER, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home, partner_index):
    return World()


def panel_figures(html: str) -> dict[str, list[str]]:
    """Each figure of the panel: its label → [the figure, the change line]."""
    soup = BeautifulSoup(html, "html.parser")
    panel = soup.select_one("section[aria-labelledby=learning-summary-heading]")
    if panel is None:
        return {}
    figures = {}
    for item in panel.select("dl.learning-summary > div"):
        label = item.find("dt").get_text(strip=True)
        figures[label] = [" ".join(dd.get_text(" ", strip=True).split()) for dd in item.find_all("dd")[:2]]
    return figures


def test_editor_sees_every_learner_with_the_change_and_a_trend(client, world):
    client.force_login(world.editor)
    response = client.get("/admin/")
    figures = panel_figures(response.content.decode())
    assert len(figures) == 6
    learners = next(value for label, value in figures.items() if label == "Learners")
    assert learners[0] == "15"
    assert learners[1].startswith("Change from the previous 30 days:")
    html = response.content.decode()
    assert "report-chart--spark" in html
    assert 'href="/admin/reports/learning/"' in html
    assert escape(str(RULE)) in html


def test_partner_sees_its_own_scope(client, world):
    client.force_login(world.kilimo_user)
    assert panel_figures(client.get("/admin/").content.decode())["Learners"][0] == "13"
    client.force_login(world.yonder_user)
    assert panel_figures(client.get("/admin/").content.decode())["Learners"][0] == FEWER


def test_no_panel_without_a_report_scope(client, world):
    group = Group.objects.create(name="Staff without reports")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(make_admin_user(groups=[group]))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert panel_figures(response.content.decode()) == {}
    assert b"Learning at a glance" not in response.content


def test_panel_queries_stay_flat(client, world):
    client.force_login(world.editor)

    def grow():
        course = make_course(world.kilimo, lessons=1)
        for _number in range(8):
            course_services.enrollment_create(user=make_learner(profile={"country": "UG"}), course=course)

    before, after = assert_flat(client, "/admin/", grow=grow, ceiling=60)
    assert panel_figures(after)["Learners"][0] == "23"
    assert panel_figures(before)["Learners"][0] == "15"
