"""Double taps and parallel tabs on the reading list: 16 threads at once, on SQLite and PostgreSQL alike."""

import pytest

from library import services
from library.models import ReadingListItem
from tests.builders import make_home, make_learner, make_library, make_resource
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)
REPEATS = range(3)


@pytest.fixture
def resource():
    return make_resource(make_library(make_home()), title="Cash-flow toolkit", kind="toolkit")


def test_saving_twice_keeps_one_row(resource):
    learner = make_learner()
    first = services.reading_list_add(user=learner, resource=resource)
    second = services.reading_list_add(user=learner, resource=resource)
    assert first.pk == second.pk
    assert ReadingListItem.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_the_same_save_from_16_threads_makes_one_row(resource, repeat):
    learner = make_learner()
    assert run_at_once(lambda i: services.reading_list_add(user=learner, resource=resource)) == []
    assert ReadingListItem.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_saves_and_removals_racing_leave_at_most_one_row(resource, repeat):
    learner = make_learner()

    def work(i):
        if i % 2:
            services.reading_list_add(user=learner, resource=resource)
        else:
            services.reading_list_remove(user=learner, resource=resource)

    assert run_at_once(work) == []
    assert ReadingListItem.objects.filter(user=learner).count() in (0, 1)
