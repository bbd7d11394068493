"""The admin forms a partner editor and an editor fill, and their filters, sent hostile input (see forms.py)."""

from django.urls import reverse

from tests.builders import course_lessons
from tests.fuzz.forms import Fuzzer


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


def fuzz_admin_forms(client, site, capsys, role):
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
