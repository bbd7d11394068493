"""The isolation matrix: a member of partner Y, a learner and a visitor try every admin URL family
against partner X's objects and editors' drafts outside the partners' section. Each cell must
answer 403/404/405, a redirect, or a page that shows nothing of X's; and the database must be
unchanged afterwards. The control: each object's owner reads the same read cells and sees it, so
a cell that always answers 404 cannot pass silently."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    Revision,
    TaskState,
    Workflow,
    WorkflowState,
)
from wagtail_localize.models import Translation, TranslationSource

from courses import services as course_services
from library.models import ResourceAttachment
from partners import services
from tests.builders import (
    make_course,
    make_course_index,
    make_editor,
    make_image,
    make_learner,
    make_news,
    make_resource,
    make_standard_page,
    onboard,
)

pytestmark = pytest.mark.django_db

LEARNING_REPORTS = [
    "/admin/reports/learning/",
    "/admin/reports/learning/trend/",
    "/admin/reports/learning/funnel/",
    "/admin/reports/learning/quizzes/",
    "/admin/reports/learning/questions/",
    "/admin/reports/learning/resources/",
]
MARK = "Zq7x Secretive"  # in every title of X's objects
LEAK = b"Zq7x"  # found in a response means X's object leaked (searches use the second word, so no echo)


class World:
    """Partners X and Y, each with a live page, a draft in review, a restricted page, an image, a document."""

    def __init__(self, home, partner_index):
        self.x, self.x_user = onboard(f"{MARK} Institute", email="x@x.example", country="KE")
        self.y, self.y_user = onboard("Yonder College", email="y@y.example", country="PE")
        self.x_team, self.y_team = self.x.team, self.y.team
        self.x_live = make_course(self.x, lessons=1, title=f"{MARK} live course")
        self.x_private = make_course(self.x, lessons=0, modules=0, title=f"{MARK} members course")
        PageViewRestriction.objects.create(page=self.x_private, restriction_type=PageViewRestriction.LOGIN)
        self.x_draft = make_course(self.x, lessons=0, modules=0, title=f"{MARK} draft course")
        self.x_draft.unpublish()
        self.x_draft.title = f"{MARK} draft course, second version"
        self.x_draft.save_revision(user=self.x_user)
        workflow = Workflow.objects.get(name=services.REVIEW_WORKFLOW)
        self.workflow_state = workflow.start(self.x_draft, self.x_user)
        self.task_state = TaskState.objects.get(workflow_state=self.workflow_state)
        self.revisions = list(self.x_draft.revisions.order_by("pk").values_list("pk", flat=True))
        self.y_live = make_course(self.y, lessons=0, modules=0, title="Yonder course")
        # X's news in review: news pages live in a partner's subtree like courses (issue 18).
        self.x_news = make_news(self.x, title=f"{MARK} news in review", live=False)
        self.x_news.save_revision(user=self.x_user)
        workflow.start(self.x_news, self.x_user)

        self.x_image = make_image(title=f"{MARK} image")
        self.x_image.collection = self.x_team.collection
        self.x_image.save()
        self.private_collection = self.x_team.collection.add_child(name=f"{MARK} private files")
        restriction = CollectionViewRestriction.objects.create(
            collection=self.private_collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([self.x_team.group])
        self.x_document = get_document_model().objects.create(
            title=f"{MARK} document",
            file=ContentFile(b"Confidential price list", name="zq7x-prices.txt"),
            collection=self.private_collection,
        )
        self.learner = make_learner(first_name=MARK, last_name="Learner")
        course_services.enrollment_create(user=self.learner, course=self.x_live)

        # Files in X's ordinary collection: one offered only by X's draft resource, one by no page.
        self.x_draft_resource = make_resource(self.x, title=f"{MARK} draft resource", live=False)
        self.x_attached = self._document("attached", collection=self.x_team.collection)
        ResourceAttachment.objects.create(page=self.x_draft_resource, document=self.x_attached)
        self.x_loose = self._document("loose", collection=self.x_team.collection)
        self.x_documents = [self.x_document, self.x_attached, self.x_loose]

        # Drafts outside the partners' section, owned by the site's editors.
        self.editor = make_editor()
        self.outside_draft = make_standard_page(home, title=f"{MARK} editors' draft page")
        self.outside_draft.unpublish()
        self.outside_course = make_course(
            make_course_index(home), lessons=0, modules=0, title=f"{MARK} catalogue draft"
        )
        self.outside_course.unpublish()
        self.x_private.locked, self.x_private.locked_by = True, self.editor
        self.x_private.save(update_fields=["locked", "locked_by"])
        # X's draft in translation to French, for the translations report.
        french = Locale.objects.create(language_code="fr")
        self.x_draft.copy_for_translation(french, copy_parents=True)
        source, _created = TranslationSource.get_or_create_from_instance(self.x_draft)
        Translation.objects.create(source=source, target_locale=french)

    def _document(self, name, *, collection):
        return get_document_model().objects.create(
            title=f"{MARK} {name} document",
            file=ContentFile(f"Confidential {name}".encode(), name=f"zq7x-{name}.txt"),
            collection=collection,
        )


@pytest.fixture
def world(home, partner_index):
    return World(home, partner_index)


def snapshot():
    """What must not change: pages, revisions, workflow states, files, permissions, restrictions."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "title",
                "slug",
                "path",
                "live",
                "latest_revision_id",
                "live_revision_id",
                "locked",
                "has_unpublished_changes",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "object_id", "content")),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "title", "collection_id", "file")),
        "documents": list(
            get_document_model().objects.order_by("pk").values_list("pk", "title", "collection_id", "file")
        ),
        "collections": list(Collection.objects.order_by("pk").values_list("pk", "name", "path")),
        "page_permissions": list(GroupPagePermission.objects.order_by("pk").values_list("pk", "group_id", "page_id")),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "restrictions": list(
            PageViewRestriction.objects.order_by("pk").values_list("pk", "page_id", "restriction_type")
        ),
        "collection_restrictions": CollectionViewRestriction.objects.count(),
    }


def cells(w):
    """(method, url, data) for every URL family against X's objects."""
    y = w.y.pk
    post = {
        "title": "Pwned",
        "slug": "pwned",
        "summary": "x",
        "level": "beginner",
        "estimated_hours": "1",
        "outcomes-count": "0",
        "new_title": "Pwned",
        "new_slug": "pwned",
        "new_parent_page": y,
        "copy_subpages": "on",
        "publish_copies": "on",
        "alias": "",
        "comment": "pwned",
        "restriction_type": "none",
        "collection": w.y_team.collection.pk,
        "name": "Pwned",
        "action-publish": "publish",
        "action-submit": "submit",
    }
    result = []

    def both(url, data=None):
        result.append(("get", url, None))
        result.append(("post", url, data if data is not None else post))

    for page in (w.x, w.x_live, w.x_draft, w.x_private, w.x_news):
        p = page.pk
        for suffix in (
            "edit/",
            "edit/preview/",
            "delete/",
            "unpublish/",
            "convert_alias/",
            "move/",
            f"move/{y}/confirm/",
            "copy/",
            "privacy/",
            "add_subpage/",
        ):
            both(f"/admin/pages/{p}/{suffix}")
        for suffix in (
            "view_draft/",
            "usage/",
            "revisions/",
            "history/",
            "history/results/",
            "workflow_history/",
            "revisions/compare/earliest...latest/",
            "revisions/compare/live...latest/",
            "",
        ):
            result.append(("get", f"/admin/pages/{p}/{suffix}", None))
        for suffix in ("lock/", "unlock/", "set_position/?position=0"):
            result.append(("post", f"/admin/pages/{p}/{suffix}", post))
        both(f"/admin/pages/add/courses/modulepage/{p}/")
        both(f"/admin/pages/add/courses/modulepage/{p}/preview/")
        both(f"/admin/pages/add/news/newspage/{p}/")
        both(f"/admin/pages/workflow/confirm_cancellation/{p}/")
        result.append(("get", f"/admin/choose-page/{p}/", None))
        result.append(("get", f"/admin/api/main/pages/{p}/", None))
        both(f"/admin/localize/submit/page/{p}/")
        both(f"/admin/localize/page/{p}/convert_to_alias/")
        for action in ("delete", "publish", "unpublish", "move"):
            both(f"/admin/bulk/wagtailcore/page/{action}/?id={p}&next=/admin/")
    d = w.x_draft.pk
    for revision in w.revisions:
        result.append(("get", f"/admin/pages/{d}/revisions/{revision}/view/", None))
        both(f"/admin/pages/{d}/revisions/{revision}/revert/")
        result.append(("post", f"/admin/pages/{d}/revisions/{revision}/unschedule/", post))
    result.append(("get", f"/admin/pages/{d}/revisions/compare/{w.revisions[0]}...{w.revisions[-1]}/", None))
    result.append(("get", f"/admin/pages/{d}/workflow_history/detail/{w.workflow_state.pk}/", None))
    result.append(("get", f"/admin/pages/workflow/preview/{d}/{w.task_state.task_id}/", None))
    for action in ("approve", "reject", "cancel"):
        both(f"/admin/pages/workflow/action/{d}/{action}/{w.task_state.pk}/")
        both(f"/admin/pages/workflow/collect_action_data/{d}/{action}/{w.task_state.pk}/")

    i = w.x_image.pk
    for url in (
        f"/admin/images/{i}/",
        f"/admin/images/{i}/delete/",
        f"/admin/images/multiple/{i}/",
        f"/admin/images/multiple/{i}/delete/",
    ):
        both(url)
    for url in (
        f"/admin/images/usage/{i}/",
        f"/admin/images/{i}/generate_url/",
        f"/admin/images/{i}/generate_url/output/?filter_method=original",
        f"/admin/images/{i}/preview/original/",
        reverse("wagtailimages_chooser:chosen", args=[i]),
        reverse("wagtailimages_chooser:select_format", args=[i]),
    ):
        result.append(("get", url, None))
    result.append(
        (
            "post",
            reverse("wagtailimages_chooser:select_format", args=[i]),
            {"image-chooser-insertion-format": "fullwidth", "image-chooser-insertion-alt_text": "x"},
        )
    )
    for action in ("delete", "add_to_collection", "add_tags"):
        both(f"/admin/bulk/wagtailimages/image/{action}/?id={i}&next=/admin/")

    doc = w.x_document.pk
    for url in (
        f"/admin/documents/edit/{doc}/",
        f"/admin/documents/delete/{doc}/",
        f"/admin/documents/multiple/{doc}/",
        f"/admin/documents/multiple/{doc}/delete/",
    ):
        both(url)
    result.append(("get", f"/admin/documents/usage/{doc}/", None))
    result.append(("get", reverse("wagtaildocs_chooser:chosen", args=[doc]), None))
    for action in ("delete", "add_to_collection", "add_tags"):
        both(f"/admin/bulk/wagtaildocs/document/{action}/?id={doc}&next=/admin/")

    for collection in (w.x_team.collection, w.private_collection):
        c = collection.pk
        for url in (f"/admin/collections/{c}/", f"/admin/collections/{c}/delete/", f"/admin/collections/{c}/privacy/"):
            both(url)

    # Listings, search, choosers, API: answer, but without X's objects.
    q = "Secretive"
    index = w.x.get_parent().pk
    for url in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{index}/",
        f"/admin/pages/search/?q={q}",
        f"/admin/pages/search/results/?q={q}",
        "/admin/choose-page/",
        f"/admin/choose-page/{index}/",
        f"/admin/choose-page/search/?q={q}",
        f"/admin/api/main/pages/?search={q}",
        f"/admin/api/main/pages/?child_of={index}",
        f"/admin/api/main/pages/?descendant_of={index}",
        "/admin/api/main/pages/?limit=1000",
        "/admin/images/",
        f"/admin/images/?q={q}",
        "/admin/images/chooser/",
        f"/admin/images/chooser/results/?q={q}",
        f"/admin/images/?collection_id={w.x_team.collection.pk}",
        "/admin/documents/",
        f"/admin/documents/?q={q}",
        "/admin/documents/chooser/",
        f"/admin/documents/chooser/results/?q={q}",
        f"/admin/documents/?collection_id={w.private_collection.pk}",
        "/admin/collections/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/quizzes/",
        "/admin/localize/reports/translations/",
        "/admin/pages/usage/courses/coursepage/",
        "/admin/pages/create/courses/coursepage",
        f"/admin/partners/reports/?partner={w.x.pk}",
        f"/admin/partners/reports/export/?partner={w.x.pk}",
        "/admin/partners/reports/",
        "/admin/partners/reports/export/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        f"/admin/workflows/usage/{w.workflow_state.workflow_id}/",
        "/admin/snippets/",
        "/admin/snippets/home/navigationmenu/",
        "/admin/snippets/home/footertext/",
        "/admin/snippets/taxonomy/topic/",
        "/admin/snippets/choose/taxonomy/topic/",
        "/admin/snippets/taxonomy/topic/add/",
        "/admin/users/",
        f"/admin/users/{w.x_user.pk}/",
        "/admin/groups/",
        f"/admin/groups/edit/{w.x_team.group_id}/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/redirects/",
        "/admin/forms/",
        "/admin/settings/",
    ):
        result.append(("get", url, None))
    for url in (
        "/admin/users/add/",
        f"/admin/users/{w.x_user.pk}/delete/",
        "/admin/groups/add/",
        f"/admin/groups/{w.x_team.group_id}/delete/",
        "/admin/collections/add/",
        "/admin/workflows/add/",
        f"/admin/workflows/disable/{w.workflow_state.workflow_id}/",
        f"/admin/workflows/remove/{index}/",
        "/admin/redirects/add/",
        "/admin/partners/onboard/",
    ):
        both(url)

    # The learning reports (issue 17): Y's scope only; X's ids in the filters are a form error.
    for url in LEARNING_REPORTS:
        for query in ("", "?export=csv", "?export=xlsx", f"?course={w.x_live.pk}", f"?partner={w.x.pk}"):
            result.append(("get", f"{url}{query}", None))
        result.append(("get", f"{url}results/?course={w.x_private.pk}", None))
    result.append(("get", f"{LEARNING_REPORTS[0]}?dimension=partner", None))

    # Chooser upload forms aimed at X's collection; image files are public by URL (not a page of X's).
    upload = {"title": f"{MARK} upload", "collection": w.x_team.collection.pk}
    for url in ("/admin/images/chooser/create/", "/admin/documents/chooser/create/"):
        both(url, upload)
    result.append(("get", w.x_image.file.url, None))
    result.append(("get", w.x_image.get_rendition("fill-80x80").url, None))
    # Forms and filters that take a page id in the body or the query string.
    for target in (w.x_draft, w.outside_draft, w.outside_course):
        t = target.pk
        both(f"/admin/pages/{w.y_live.pk}/copy/", {**post, "new_parent_page": t, "new_slug": ""})
        result.append(("get", f"/admin/pages/{w.y_live.pk}/copy/?new_parent_page={t}", None))
        result.append(("post", f"/admin/pages/{w.y_live.pk}/move/", {"new_parent_page": t}))
        result.append(("post", "/admin/pages/create/courses/coursepage/", {"parent_page": t}))
        result.append(("get", f"/admin/choose-page/{w.y.pk}/?target_pages[]={t}", None))
        for action in ("copy", "move"):
            result.append(("post", f"/admin/api/main/pages/{w.y_live.pk}/action/{action}/", {"destination_page_id": t}))
        for key in ("child_of", "descendant_of", "translation_of"):
            result.append(("get", f"/admin/api/main/pages/?{key}={t}", None))
    return result + [("get", url, None) for url, _owner in read_cells(w)]


def read_cells(w):
    """(url, owner): what the owner reads of X's objects or editors' drafts, and no one else may."""
    x, editor = "x", "editor"
    result = [
        ("/admin/api/main/images/", x),
        (f"/admin/api/main/images/{w.x_image.pk}/", x),
        ("/admin/api/main/documents/", x),
        (f"/admin/api/main/pages/{w.x_draft.pk}/", x),
        (f"/admin/api/main/pages/?descendant_of={w.x.pk}", x),
        (f"/admin/api/main/pages/{w.outside_draft.pk}/", editor),
        (f"/admin/api/main/pages/{w.outside_course.pk}/", editor),
        (f"/admin/api/main/pages/?child_of={w.outside_draft.get_parent().pk}", editor),
        ("/admin/images/chooser/", x),
        ("/admin/images/chooser/results/?q=Secretive", x),
        (f"/admin/images/chooser/?collection_id={w.x_team.collection.pk}", x),
        ("/admin/documents/chooser/", x),
        ("/admin/documents/chooser/results/?q=Secretive", x),
        (f"/admin/documents/chooser/?collection_id={w.x_team.collection.pk}", x),
        ("/admin/choose-page/search/?q=Secretive", x),
        (f"/admin/choose-page/{w.x.pk}/", x),
        (f"/admin/choose-page/{w.outside_draft.pk}/", editor),
        (f"/admin/choose-page/{w.outside_course.pk}/", editor),
        (f"/admin/partners/reports/export/?partner={w.x.pk}", x),
        ("/admin/localize/reports/translations/", editor),
    ]
    for document in w.x_documents:
        result += [(f"/admin/api/main/documents/{document.pk}/", x), (document.url, x)]
    for query in ("", "?export=csv", "?export=xlsx", f"?course={w.x_live.pk}", "?dimension=partner"):
        result += [(f"{LEARNING_REPORTS[0]}{query}", x), (f"{LEARNING_REPORTS[0]}{query}", editor)]
    result += [(f"{LEARNING_REPORTS[2]}", x), (f"{LEARNING_REPORTS[2]}?export=xlsx", x)]  # the funnel
    for report in ("site-history", "aging-pages", "workflow", "workflow_tasks", "locked"):
        result += [(f"/admin/reports/{report}/?export=csv", editor), (f"/admin/reports/{report}/?export=xlsx", editor)]
    for target in (w.outside_draft, w.outside_course):
        t = target.pk
        result += [
            (f"/admin/pages/{w.y_live.pk}/move/{t}/confirm/", editor),
            (f"/admin/bulk/wagtailcore/page/move/?id={t}&next=/admin/", editor),
            (f"/admin/bulk/wagtailcore/page/delete/?id={t}&next=/admin/", editor),
        ]
    return result


def body_of(response) -> bytes:
    """The response as text: streamed files read, XLSX workbooks unzipped (raw, they hide every title)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as workbook:
            body = b"".join(workbook.read(name) for name in workbook.namelist())
    return body


GOOD_STATUSES = {302, 400, 403, 404, 405}


def try_cells(client, w, who):
    before = snapshot()
    leaks = []
    tried = 0
    for method, url, data in cells(w):
        tried += 1
        response = getattr(client, method)(url, data or {})
        if response.status_code in GOOD_STATUSES:
            continue
        body = body_of(response)
        if response.status_code == 200 and LEAK not in body and b"Confidential" not in body:
            continue
        leaks.append((who, method, url, response.status_code))
    after = snapshot()
    print(f"\n{who}: tried {tried} cells, {len(leaks)} unexpected answers")
    for leak in leaks:
        print("  LEAK", *leak)
    return tried, leaks, before, after


def test_partner_y_cannot_reach_any_of_partner_xs_objects(client, world):
    client.force_login(world.y_user)
    tried, leaks, before, after = try_cells(client, world, "partner Y")
    assert leaks == []
    for key in before:
        assert before[key] == after[key], key
    assert tried > 400


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_visitors_and_learners_cannot_reach_the_admin_or_private_files(client, world, who):
    if who == "learner":
        client.force_login(world.learner)
    tried, leaks, before, after = try_cells(client, world, who)
    assert leaks == []
    assert before == after
    response = client.get(world.x_document.url)
    assert response.status_code in (302, 403, 404)  # 404: no live page offers it, whatever its collection
    assert b"Confidential" not in response.content


def test_partner_x_reaches_their_own_objects(client, world):
    """The matrix means something: the same URLs open for X's own editor."""
    client.force_login(world.x_user)
    for url in (
        f"/admin/pages/{world.x_draft.pk}/edit/",
        f"/admin/pages/{world.x_news.pk}/edit/",
        f"/admin/pages/add/news/newspage/{world.x.pk}/",
        f"/admin/images/{world.x_image.pk}/",
        f"/admin/documents/edit/{world.x_document.pk}/",
        f"/admin/partners/reports/?partner={world.x.pk}",
        f"/admin/pages/{world.x_draft.pk}/history/",
        world.x_document.url,
    ):
        assert client.get(url).status_code == 200, url
    # The searches of the matrix would find X's objects: Y's empty answers are not a fluke.
    for url in (
        "/admin/pages/search/?q=Secretive",
        "/admin/images/?q=Secretive",
        "/admin/documents/?q=Secretive",
        "/admin/choose-page/search/?q=Secretive",
        "/admin/api/main/pages/?search=Secretive",
    ):
        assert LEAK in client.get(url).content, url


def test_owners_read_every_read_cell(client, world):
    """The control: each read cell shows its object to the owner (X's editor, or the site's editors)."""
    owners = {"x": world.x_user, "editor": world.editor}
    failures = []
    cells = read_cells(world)
    for url, owner in cells:
        client.force_login(owners[owner])
        response = client.get(url)
        body = body_of(response)
        if response.status_code != 200 or (LEAK not in body and b"Confidential" not in body):
            failures.append((owner, url, response.status_code))
    print(f"\nowners: read {len(cells)} cells, {len(failures)} failed")
    for failure in failures:
        print("  FAILED", *failure)
    assert failures == []
