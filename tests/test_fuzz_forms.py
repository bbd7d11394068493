"""Every form a visitor, a learner, a partner editor and an editor reach answers hostile input without a 500.

Issue 12 (part 9): the forms are found by reading the pages each role sees, as a browser would, then
each is sent: every field at once set to each hostile value; each field alone set to one (in turn);
every field repeated; bytes that are not UTF-8; and, with otherwise valid data, each hostile `next`.
No answer may be a 500, show a traceback, or redirect off the site.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.urls import reverse

from courses import services as course_services
from tests.accounts.helpers import reauthenticate
from tests.builders import (
    course_lessons,
    make_course,
    make_course_index,
    make_editor,
    make_learner,
    make_library,
    make_partner_index,
    make_quiz,
    make_resource,
    onboard,
    q_numeric,
    q_single,
    q_true_false,
)

pytestmark = pytest.mark.django_db

HOSTILE = {
    "empty": "",
    "10,000 characters": "a" * 10_000,
    "NUL and control characters": "a\x00b\x07c\x1b\r\n",
    "right-to-left override": "\u202eevil.example",
    "a bare word": "foo",
    "another host": "//evil.example",
    "a script URL": "javascript:alert(1)",
    "a huge integer": "9" * 40,
    "a negative number": "-1",
    "a backslash path": "/\\evil.example",
}
NOT_UTF8 = "%FF%FE%C0%AF"  # percent-encoded bytes that are no UTF-8 text
# Wagtail's scripts write these fields (formset and StreamField counters, Draftail's JSON) and they
# are sent as the script would: a hand-edited counter or rich-text JSON is a 500 inside Wagtail
# itself (StreamBlock.value_from_datadict, ContentstateConverter), not in a form of ours.
MACHINE_SUFFIXES = ("-count", "-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
SKIP_ACTIONS = ("/logout/", "/reauthenticate/")


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> list of values, as the browser would send them
    machine: set = field(default_factory=set)  # names whose values only Wagtail's scripts write
    hidden: set = field(default_factory=set)  # hidden inputs (in the admin: choosers' ids, written by scripts)


class FormParser(HTMLParser):
    """The forms of a page, with the values a browser would submit untouched."""

    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url, self.forms, self.form, self.select, self.textarea, self.button_taken = (
            url,
            [],
            None,
            None,
            None,
            False,
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            action = urljoin(self.url, attrs.get("action") or self.url)
            self.form = Form(action=action, method=(attrs.get("method") or "get").lower())
            self.forms.append(self.form)
            self.button_taken = False
        if (
            self.form is not None
            and tag == "div"
            and "w-block" in (attrs.get("data-controller") or "")
            and attrs.get("id")
        ):
            # A StreamField: its inputs are drawn by Wagtail's script; an empty stream is a count of 0.
            self.form.fields[f"{attrs['id']}-count"] = ["0"]
            self.form.machine.add(f"{attrs['id']}-count")
        if self.form is None or not name:
            return
        values = self.form.fields
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                values.setdefault(name, [])
                if "checked" in attrs:
                    values[name].append(attrs.get("value", "on"))
            elif kind in ("submit", "image", "button", "file"):
                if kind == "submit" and not self.button_taken:
                    values[name] = [attrs.get("value", "")]
                    self.button_taken = True
            else:
                values.setdefault(name, []).append(attrs.get("value", ""))
                if kind == "hidden":
                    self.form.hidden.add(name)
            if name.endswith(MACHINE_SUFFIXES) or "data-draftail-input" in attrs:
                self.form.machine.add(name)
        elif tag == "button" and attrs.get("type", "submit") == "submit" and not self.button_taken:
            values[name] = [attrs.get("value", "")]
            self.button_taken = True
        elif tag == "select":
            self.select = name
            values.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            values[self.select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = name
            values[name] = [""]

    def handle_data(self, data):
        if self.textarea and self.form is not None:
            self.form.fields[self.textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


class Fuzzer:
    """Sends the hostile requests and keeps count of them and of every bad answer."""

    def __init__(self):
        self.sent, self.server_errors, self.problems = 0, 0, []

    def forms_on(self, client, url, *, method="post"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        parser = FormParser("http://testserver" + url)
        parser.feed(response.content.decode())
        forms = []
        for form in parser.forms:
            path = urlsplit(form.action)
            if form.method != method or path.netloc != "testserver" or any(skip in path.path for skip in SKIP_ACTIONS):
                continue
            form.action = path.path + (f"?{path.query}" if path.query else "")
            form.fields.pop("csrfmiddlewaretoken", None)
            forms.append(form)
        return forms

    def send(self, client, form, data, label, *, raw=None):
        self.sent += 1
        if raw is not None:
            if form.method == "get":
                response = client.get(f"{form.action.split('?')[0]}?{raw}")
            else:
                response = client.post(form.action, raw, content_type="application/x-www-form-urlencoded")
        elif form.method == "get":
            response = client.get(form.action.split("?")[0], data)
        else:
            response = client.post(form.action, data)
        where = f"{form.method.upper()} {form.action} [{label}]"
        if response.status_code >= 500:
            self.server_errors += 1
            self.problems.append(f"{where}: {response.status_code}")
        elif 300 <= response.status_code < 400:
            target = urlsplit(response["Location"])
            if (
                target.scheme not in ("", "http")
                or target.netloc not in ("", "testserver")
                or response["Location"].startswith(("//", "/\\"))
            ):
                self.problems.append(f"{where}: redirects off the site to {response['Location']!r}")
        elif b"Traceback" in getattr(response, "content", b""):
            self.problems.append(f"{where}: shows a traceback")
        return response

    def fuzz(self, client, form, *, next_values=None, before=None):
        """Hostile values in every field (all at once, then one by one), repeated fields, bad bytes, and `next`."""
        names = [name for name in form.fields if name not in form.machine]
        baseline = {name: values for name, values in form.fields.items() if values}
        hostile = list(HOSTILE.items())
        for label, value in hostile:
            before and before()
            self.send(
                client, form, {**baseline, **{name: value for name in names}, "next": value}, f"all fields: {label}"
            )
        for i, name in enumerate(names):
            label, value = hostile[i % len(hostile)]
            before and before()
            self.send(client, form, {**baseline, name: value}, f"{name}: {label}")
        before and before()
        self.send(client, form, {**baseline, **{name: ["1", "foo", "-1"] for name in names}}, "every field repeated")
        before and before()
        kept = [f"{quote(name)}={quote(value)}" for name in form.machine for value in form.fields.get(name, [])]
        raw = "&".join(kept + [f"{quote(name)}={NOT_UTF8}" for name in names or ["next"]])
        self.send(client, form, None, "bytes that are not UTF-8", raw=raw)
        for label, value in hostile if next_values is None else [(v, HOSTILE[v]) for v in next_values]:
            before and before()
            self.send(client, form, {**baseline, "next": value}, f"next: {label}")

    def fuzz_query(self, client, path, names):
        """A GET form (search box, filters, report picker) given by its address and field names."""
        self.fuzz(client, Form(action=path, method="get", fields={name: [] for name in names}), next_values=())

    def report(self, capsys, role):
        with capsys.disabled():
            print(f"\n[fuzz] {role}: {self.sent} requests sent, {self.server_errors} answered 500")
        assert not self.problems, "\n".join(self.problems[:40])


@pytest.fixture
def site(home):
    """A course with lessons and a quiz, a library with a resource, a partner with its own editor, an editor."""
    catalog = make_course_index(home)
    course = make_course(catalog, lessons=2, title="Keep simple books")
    lessons = course_lessons(course)
    quiz = make_quiz(lessons[0].get_parent(), questions=[q_single(), q_true_false(is_true=True), q_numeric()])
    library = make_library(home, title="Know-how")
    resource = make_resource(library, title="Cash-flow toolkit")
    make_partner_index(home)
    partner, partner_editor = onboard("Riverbend University", email="dean@riverbend.example")
    partner_course = make_course(partner, lessons=1, title="Dry maize safely")
    editor = make_editor()
    return {
        "home": home,
        "catalog": catalog,
        "course": course,
        "lessons": lessons,
        "quiz": quiz,
        "library": library,
        "resource": resource,
        "partner": partner,
        "partner_editor": partner_editor,
        "partner_course": partner_course,
        "editor": editor,
    }


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


def _admin_forms(site):
    """The page forms an editor may fill, and which of them a partner editor may fill too."""
    partner, course, partner_course = site["partner"], site["course"], site["partner_course"]
    module = course_lessons(course)[0].get_parent()
    partner_module = course_lessons(partner_course)[0].get_parent()
    both = [
        f"/admin/pages/add/courses/coursepage/{partner.pk}/",
        f"/admin/pages/add/library/resourcepage/{partner.pk}/",
        f"/admin/pages/add/courses/modulepage/{partner_course.pk}/",
        f"/admin/pages/add/courses/lessonpage/{partner_module.pk}/",
        f"/admin/pages/add/assessments/quizpage/{partner_module.pk}/",
        f"/admin/pages/{partner.pk}/edit/",
        f"/admin/pages/{partner_course.pk}/edit/",
    ]
    editor_only = [
        f"/admin/pages/add/courses/coursepage/{site['catalog'].pk}/",
        f"/admin/pages/add/library/resourcepage/{site['library'].pk}/",
        f"/admin/pages/add/home/standardpage/{site['home'].pk}/",
        f"/admin/pages/add/courses/lessonpage/{module.pk}/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{site['resource'].pk}/edit/",
        reverse("partners_admin:onboard"),
    ]
    return both, editor_only


def _stream_fields(url):
    """The StreamFields of the page type an admin add or edit URL opens."""
    from django.apps import apps
    from wagtail.fields import StreamField
    from wagtail.models import Page

    parts = url.strip("/").split("/")
    if parts[:3] == ["admin", "pages", "add"]:
        model = apps.get_model(parts[3], parts[4])
    elif parts[:2] == ["admin", "pages"] and parts[-1] == "edit":
        model = Page.objects.get(pk=parts[2]).specific_class
    else:
        return []
    return [field.name for field in model._meta.get_fields() if isinstance(field, StreamField)]


QUERY_FORMS = [
    ("/admin/pages/search/", ["q", "p", "ordering", "content_type"]),
    ("/admin/images/", ["q", "p", "collection_id", "tag"]),
    ("/admin/documents/", ["q", "p", "collection_id"]),
    ("/admin/partners/reports/", ["partner", "p"]),
    ("/admin/partners/reports/export/", ["partner"]),
    ("/admin/partners/reports/quiz-pass-rates/", ["partner", "course", "submitted_from", "submitted_to", "p"]),
    ("/admin/partners/reports/countries/", ["partner", "course", "p"]),
    ("/admin/partners/reports/learners/", ["partner", "course", "p"]),
]


@pytest.mark.parametrize("role", ["partner editor", "editor"])
def test_partner_editor_and_editor_forms_never_answer_500(client, site, capsys, role):
    fuzzer = Fuzzer()
    client.raise_request_exception = False
    user = site["partner_editor"] if role == "partner editor" else site["editor"]
    client.force_login(user)
    both, editor_only = _admin_forms(site)
    urls = both + (editor_only if role == "editor" else [])
    for url in urls:
        forms = [form for form in fuzzer.forms_on(client, url) if form.action.split("?")[0] == url]
        assert forms, f"no form found on {url}"
        for form in forms:
            # What an editor types; the hidden inputs (choosers' ids, counters, rich-text JSON) are
            # sent as Wagtail's scripts wrote them: hand-edited, Wagtail's own widgets answer 500.
            form.machine |= form.hidden - {"next"}
            # An edit view draws a stored StreamField from JSON: its counter is written by the script.
            for name in _stream_fields(url):
                form.fields.setdefault(f"{name}-count", ["0"])
                form.machine.add(f"{name}-count")
            fuzzer.fuzz(client, form, next_values=["a bare word", "another host", "a script URL", "a backslash path"])
    queries = QUERY_FORMS + [(f"/admin/pages/{site['partner'].pk}/", ["q", "p", "ordering"])]
    if role == "editor":
        queries.append(("/admin/reports/quizzes/", ["q", "p", "live", "locale"]))
        queries.append((reverse("reports:quiz_detail", args=[site["quiz"].pk]), ["q", "p"]))
    for path, names in queries:
        fuzzer.fuzz_query(client, path, names)
    fuzzer.report(capsys, role)
