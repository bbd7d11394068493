"""Every admin form an editor reaches answers hostile input without a 500 (issue 12, part 9).

In a file of its own so that the test runner's workers share the fuzz tests out.
"""

import pytest

from tests.fuzz.admin import fuzz_admin_forms

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_editor_forms_never_answer_500(client, site, capsys):
    fuzz_admin_forms(client, site, capsys, "editor")
