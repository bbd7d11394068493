"""Every form a visitor and a learner reach answers hostile input without a 500.

Issue 12 (part 9): the forms are found by reading the pages each role sees, as a browser would, then
each is sent: every field at once set to each hostile value; each field alone set to one (in turn);
every field repeated; bytes that are not UTF-8; and, with otherwise valid data, each hostile `next`.
No answer may be a 500, show a traceback, or redirect off the site.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from courses import services as course_services
from tests.accounts.helpers import reauthenticate
from tests.builders import make_learner
from tests.fuzz.forms import Form, Fuzzer

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_visitor_and_learner_forms_never_answer_500(client, site, capsys):
    fuzzer = Fuzzer()
    client.raise_request_exception = False
    catalog, course, library, resource = site["catalog"], site["course"], site["library"], site["resource"]

    # A visitor: the catalog, library and search boxes, and the account forms.
    for url in (catalog.url, library.url, reverse("search:search"), reverse("certificates:verify_lookup")):
        for form in fuzzer.forms_on(client, url, method="get"):
            fuzzer.fuzz(client, form, next_values=())
    for name in ("account_signup", "account_login", "account_reset_password", "account_request_login_code"):
        for form in fuzzer.forms_on(client, reverse(name)):
            fuzzer.fuzz(client, form, next_values=["a bare word", "another host", "a script URL", "a backslash path"])
    for form in fuzzer.forms_on(client, course.url) + fuzzer.forms_on(client, resource.url):
        fuzzer.fuzz(client, form)  # the anonymous enrol / save buttons
    fuzzer.fuzz(client, Form(action=reverse("assessments:submit", args=[site["quiz"].pk]), method="post"))

    # A learner: enrol and leave, lessons, the quiz, the reading list, the profile step and "My account".
    learner = make_learner(email="fuzzy@example.org")

    def signed_in():
        client.force_login(learner)

    signed_in()
    public_pages = [
        course.url,
        site["lessons"][0].url,
        site["quiz"].url,
        resource.url,
        reverse("home:dashboard"),
        reverse("accounts:profile_complete"),
        reverse("accounts:account"),
    ]
    for url in public_pages:
        for form in fuzzer.forms_on(client, url):
            fuzzer.fuzz(client, form, before=signed_in)
    course_services.enrollment_create(user=learner, course=course)
    client.post(reverse("library:save", args=[resource.pk]))
    # Now the complete and remove buttons; the course page (with "leave") comes last.
    for url in (site["lessons"][1].url, site["quiz"].url, resource.url, reverse("home:dashboard"), course.url):
        for form in fuzzer.forms_on(client, url):
            fuzzer.fuzz(client, form, before=signed_in)

    def reauthenticated():
        cache.clear()  # the rate limits would stop the repeated re-authentication, which is ours, not the fuzz
        signed_in()
        reauthenticate(client)

    # Deletion last: any non-empty value ticks its checkbox, as a browser's "on" does.
    for name in ("account_email", "account_change_password", "mfa_activate_totp", "accounts:delete"):
        reauthenticated()
        for form in fuzzer.forms_on(client, reverse(name)):
            fuzzer.fuzz(client, form, before=reauthenticated, next_values=["a bare word", "another host"])
    fuzzer.report(capsys, "visitor and learner")
