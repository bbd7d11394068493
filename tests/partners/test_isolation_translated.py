"""The isolation matrix on a translated subtree (issue 15): partner Y's editor, in French, against
partner X's French pages, the French home and catalog, and the editors' French pages. Each cell
answers 403/404/405 or a redirect and the database is unchanged; the control: X's editor opens the
same cells on X's own French pages, and translates and syncs them."""

import pytest
from wagtail.models import GroupPagePermission, Page, WorkflowPage
from wagtail_localize.models import Translation, TranslationSource

from partners import services
from partners.models import PartnerIndexPage
from tests.builders import make_course, make_course_index, make_editor, make_standard_page, onboard
from tests.builders.translations import make_locale, translate, translate_tree
from tests.partners.test_isolation import GOOD_STATUSES, snapshot

pytestmark = pytest.mark.django_db

MARK = "Zq7x Secretive"


class FrenchWorld:
    """English site with partners X and Y and editors' pages, all translated into French."""

    def __init__(self, home, partner_index):
        self.fr = make_locale("fr")
        self.es = make_locale("es")
        self.x, self.x_user = onboard(f"{MARK} Institute", email="x@x.example", country="KE")
        self.y, self.y_user = onboard("Yonder College", email="y@y.example", country="PE")
        self.x_course = make_course(self.x, lessons=1, title=f"{MARK} live course")
        self.y_course = make_course(self.y, lessons=1, title="Yonder course")
        self.editor = make_editor()
        self.catalog = make_course_index(home)
        self.outside_course = make_course(self.catalog, lessons=0, modules=0, title=f"{MARK} catalogue course")
        self.outside_page = make_standard_page(home, title=f"{MARK} about us")

        self.fr_home = translate(home, self.fr, user=self.editor)[0]
        self.fr_index = translate(partner_index, self.fr, user=self.editor)[0]
        self.fr_x = translate_tree(self.x, self.fr, user=self.editor)
        self.fr_y = translate_tree(self.y, self.fr, user=self.editor)
        self.fr_catalog = translate_tree(self.catalog, self.fr, user=self.editor)
        self.fr_outside = translate(self.outside_page, self.fr, user=self.editor)[0]
        self.fr_x_course = self.x_course.get_translation(self.fr).specific
        self.fr_y_course = self.y_course.get_translation(self.fr).specific
        self.fr_outside_course = self.outside_course.get_translation(self.fr).specific
        # A French draft of the editors' course, for the admin API cells.
        self.fr_outside_course.unpublish()


@pytest.fixture
def world(home, partner_index):
    return FrenchWorld(home, partner_index)


def source_of(page):
    return TranslationSource.objects.get(object_id=page.translation_key)


def translation_of(page):
    return Translation.objects.get(source=source_of(page), target_locale=page.locale)


def page_cells(page):
    """Every admin URL that edits, previews, shows revisions of, or translates `page`."""
    p = page.pk
    urls = [
        ("get", f"/admin/pages/{p}/edit/"),
        ("post", f"/admin/pages/{p}/edit/"),
        ("get", f"/admin/pages/{p}/edit/preview/"),
        ("post", f"/admin/pages/{p}/edit/preview/"),
        ("get", f"/admin/pages/{p}/view_draft/"),
        ("get", f"/admin/pages/{p}/revisions/"),
        ("get", f"/admin/pages/{p}/revisions/compare/earliest...latest/"),
        ("get", f"/admin/pages/{p}/history/"),
        ("post", f"/admin/pages/{p}/delete/"),
        ("post", f"/admin/pages/{p}/unpublish/"),
        ("post", f"/admin/pages/{p}/copy/"),
        ("get", f"/admin/pages/{p}/add_subpage/"),
        ("get", f"/admin/localize/submit/page/{p}/"),
        ("post", f"/admin/localize/submit/page/{p}/"),
        ("get", f"/admin/localize/page/{p}/convert_to_alias/"),
        ("post", f"/admin/localize/page/{p}/convert_to_alias/"),
    ]
    for revision in page.revisions.values_list("pk", flat=True):
        urls.append(("get", f"/admin/pages/{p}/revisions/{revision}/view/"))
        urls.append(("post", f"/admin/pages/{p}/revisions/{revision}/revert/"))
    if not page.locale.language_code == "en":
        t = translation_of(page)
        urls += [
            ("get", f"/admin/localize/update/{t.source_id}/"),
            ("post", f"/admin/localize/update/{t.source_id}/"),
            ("get", f"/admin/localize/translate/{t.pk}/preview/"),
            ("get", f"/admin/localize/translate/{t.pk}/pofile/download/"),
            ("post", f"/admin/localize/translate/{t.pk}/pofile/upload/"),
            ("post", f"/admin/localize/translate/{t.pk}/disable/"),
        ]
        segment = t.source.stringsegment_set.first()
        if segment is not None:
            urls.append(("put", f"/admin/localize/translate/{t.pk}/strings/{segment.pk}/edit/"))
    return urls


def forbidden_pages(w):
    """X's French pages, the French home, catalog and partners' list, the editors' French pages."""
    return [w.fr_x, w.fr_x_course, w.fr_home, w.fr_index, w.fr_catalog, w.fr_outside, w.fr_outside_course]


def test_a_translation_of_a_partner_page_gets_the_partners_permissions(world):
    for partner, team in ((world.fr_x, world.x.team), (world.fr_y, world.y.team)):
        granted = set(GroupPagePermission.objects.filter(page=partner).values_list("group", "permission__codename"))
        assert granted == {(team.group_id, "add_page"), (team.group_id, "change_page")}


def test_the_french_partners_list_has_the_review_workflow(world):
    english = WorkflowPage.objects.get(page=world.fr_index.get_translation(make_locale("en")))
    assert WorkflowPage.objects.get(page=world.fr_index).workflow == english.workflow
    assert world.fr_x_course.get_workflow().name == services.REVIEW_WORKFLOW


def test_partner_y_cannot_edit_preview_or_translate_anything_of_xs_or_the_editors(client, world):
    client.force_login(world.y_user)
    before = snapshot()
    translations = Translation.objects.count()
    leaks = []
    tried = 0
    for page in forbidden_pages(world):
        for method, url in page_cells(page):
            tried += 1
            data = {"locales": [world.es.pk], "publish_translations": "on", "title": "Pwned", "slug": "pwned"}
            if method == "put":
                response = client.put(url, "value=Pwned", content_type="application/x-www-form-urlencoded")
            else:
                response = getattr(client, method)(url, data if method == "post" else {})
            if response.status_code not in GOOD_STATUSES or MARK.encode() in response.content:
                leaks.append((method, url, response.status_code))
    # The admin API: X's French pages and the editors' French draft.
    for page in (world.fr_x, world.fr_x_course, world.fr_outside_course):
        tried += 1
        response = client.get(f"/admin/api/main/pages/{page.pk}/")
        if response.status_code != 404:
            leaks.append(("get", f"api {page.pk}", response.status_code))
    print(f"\npartner Y on French pages: tried {tried} cells, {len(leaks)} unexpected answers")
    for leak in leaks:
        print("  LEAK", *leak)
    assert leaks == []
    after = snapshot()
    for key in before:
        assert before[key] == after[key], key
    assert Translation.objects.count() == translations
    assert tried > 150


def test_partner_x_edits_previews_and_translates_their_own_french_pages(client, world):
    """The control: the same kind of cells open for X's editor on X's French subtree."""
    client.force_login(world.x_user)
    t = translation_of(world.fr_x_course)
    for url in (
        f"/admin/pages/{world.fr_x_course.pk}/edit/",
        f"/admin/pages/{world.fr_x.pk}/edit/",
        f"/admin/pages/{world.fr_x_course.pk}/history/",
        f"/admin/pages/{world.fr_x.pk}/add_subpage/",
        f"/admin/localize/submit/page/{world.x_course.pk}/",
        f"/admin/localize/update/{t.source_id}/",
        f"/admin/localize/translate/{t.pk}/preview/",
        f"/admin/localize/translate/{t.pk}/pofile/download/",
        f"/admin/api/main/pages/{world.fr_x_course.pk}/",
    ):
        assert client.get(url).status_code == 200, url
    assert MARK.encode() in client.get(f"/admin/pages/{world.fr_x_course.pk}/edit/").content


def test_partner_x_translates_their_course_into_spanish_as_drafts_they_may_edit(client, world, home, partner_index):
    """'Translate' on their own page, once the partners' list exists in Spanish: drafts, theirs to edit."""
    translate(home, world.es, user=world.editor)
    translate(partner_index, world.es, user=world.editor)
    client.force_login(world.x_user)
    response = client.post(
        f"/admin/localize/submit/page/{world.x.pk}/", {"locales": [world.es.pk], "include_subtree": "on"}
    )
    assert response.status_code == 302
    es_x = world.x.get_translation(world.es)
    es_course = world.x_course.get_translation(world.es)
    assert not es_x.live and not es_course.live  # published only through the review
    assert client.get(f"/admin/pages/{es_course.pk}/edit/").status_code == 200
    assert es_course.get_workflow().name == services.REVIEW_WORKFLOW
    # Y still cannot open them.
    client.force_login(world.y_user)
    assert client.get(f"/admin/pages/{es_course.pk}/edit/").status_code in (403, 404)


def test_partner_x_cannot_translate_into_a_language_without_the_partners_list(client, world):
    """Translating copies missing parents: into Spanish, that would create pages above X's own."""
    client.force_login(world.x_user)
    pages = Page.objects.count()
    response = client.post(f"/admin/localize/submit/page/{world.x_course.pk}/", {"locales": [world.es.pk]})
    assert response.status_code == 403
    assert Page.objects.count() == pages


def test_partner_x_cannot_sync_and_publish_at_once(client, world):
    client.force_login(world.x_user)
    t = translation_of(world.fr_x_course)
    response = client.post(f"/admin/localize/update/{t.source_id}/", {"publish_translations": "on"})
    assert response.status_code == 403
    response = client.post(f"/admin/localize/update/{t.source_id}/", {})
    assert response.status_code == 302


def test_onboarding_again_grants_the_existing_translations(world):
    """Permissions lost or never made (a partner older than this rule) come back with the service."""
    GroupPagePermission.objects.filter(page=world.fr_x).delete()
    services.partner_team_ensure(partner=world.x)
    assert GroupPagePermission.objects.filter(page=world.fr_x, group=world.x.team.group).count() == 2


def test_the_french_partners_list_without_a_workflow_source_gets_none(db, home):
    """The signal is harmless where no review workflow exists yet (a site without partners)."""
    index = PartnerIndexPage(title="Partners", slug="partners")
    home.add_child(instance=index)
    french = translate(index, make_locale("fr"))[0]
    assert not WorkflowPage.objects.filter(page=french).exists()


def test_partner_x_sends_a_french_translation_through_the_review_and_an_editor_publishes_it(client, world):
    """Submitting a translation goes through the same workflow as the source: X cannot publish it."""
    page = world.fr_x_course
    t = translation_of(page)
    segment = t.source.stringsegment_set.select_related("string", "context").get(context__path="summary")
    client.force_login(world.x_user)
    # X translates one string in the editor, then asks for review.
    response = client.put(
        f"/admin/localize/translate/{t.pk}/strings/{segment.pk}/edit/",
        "value=Savoir où va l'argent",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201  # the string translation, created
    # The translation editor shows no page buttons: the explorer's "More" menu offers it.
    listing = client.get(f"/admin/pages/{world.fr_x.pk}/").content.decode()
    assert f"/admin/partners/translations/{page.pk}/submit/" in listing
    assert client.get(f"/admin/partners/translations/{page.pk}/submit/").status_code == 200
    response = client.post(f"/admin/partners/translations/{page.pk}/submit/")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == services.REVIEW_WORKFLOW
    assert page.get_latest_revision_as_object().summary == "Savoir où va l'argent"
    assert page.summary != "Savoir où va l'argent"  # not live until an editor approves
    # Y may not send X's page, nor see the button's view.
    client.force_login(world.y_user)
    assert client.post(f"/admin/partners/translations/{page.pk}/submit/").status_code in (403, 404)
    # An editor approves: the French summary goes live.
    state = page.current_workflow_state
    task_state = state.current_task_state
    client.force_login(world.editor)
    response = client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.summary == "Savoir où va l'argent" and page.live


def test_the_review_button_is_not_shown_to_editors_who_publish(client, world):
    client.force_login(world.editor)
    listing = client.get(f"/admin/pages/{world.fr_x.pk}/").content.decode()
    assert f"/admin/partners/translations/{world.fr_x_course.pk}/submit/" not in listing
