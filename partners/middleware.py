"""A second lock on the admin for partner editors: no view ever opens another partner's object.

Wagtail checks permissions per view, and its 2026 advisories were mostly views that forgot to
(previews, revisions, history, copy, move confirmation, bulk-action confirmations, choosers).
For a partner-only user this guard answers 404 to any admin URL that names a page in another
partner's subtree, or an image, document or collection outside their own collection, before
Wagtail's view runs. Editors and superusers are not affected.

Page ids are read from the path and from the query string and form body too (a copy form's
`new_parent_page`, an API filter's `child_of`): a form that is refused still echoes the title of
the page it names.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail_localize.models import Translation, TranslationSource

from partners.permissions import PartnerScope, is_partner_only

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
IMAGE_KWARGS = ("image_id",)
DOCUMENT_KWARGS = ("document_id", "doc_id")
COLLECTION_KWARGS = ("collection_id",)
# Query-string and form fields that name a page (Wagtail's copy and move forms, the admin API's filters).
PAGE_PARAMS = (
    "new_parent_page",
    "parent_page",
    "parent_page_id",
    "page_id",
    "destination",
    "target_pages[]",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
)
# Reports that list pages from the whole tree without per-page permission checks.
EDITOR_ONLY_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    # Every translation of the site, other partners' drafts with their titles and edit links included.
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    # Menus, footer and taxonomy are the editors' (the view checks only the global permission).
    "wagtail_localize:submit_snippet_translation",
}
# wagtail-localize's "Translate" checks only the global `submit_translation` permission, never the
# page: a partner may submit only pages of their own subtree, not the (live) home or catalog.
OWN_PAGE_VIEWS = {"wagtail_localize:submit_page_translation", "wagtail_localize:convert_to_alias"}


class PartnerAdminGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith("/admin/") or not is_partner_only(request.user):
            return None  # Wagtail's own checks only
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in EDITOR_ONLY_VIEWS:
            raise PermissionDenied
        scope = PartnerScope(request.user)
        namespace = match.namespace if match else ""

        pages = [view_kwargs[key] for key in PAGE_KWARGS if key in view_kwargs]
        for params in (request.GET, request.POST):
            pages += [value for key in PAGE_PARAMS for value in params.getlist(key) if value not in ("", "root")]
        if namespace == "wagtailadmin_pages" and "pk" in view_kwargs:
            pages.append(view_kwargs["pk"])  # revisions compare
        if name == "wagtailadmin_choose_page_child":
            pages.append(view_kwargs["parent_page_id"])
        images = [view_kwargs[key] for key in IMAGE_KWARGS if key in view_kwargs]
        documents = [view_kwargs[key] for key in DOCUMENT_KWARGS if key in view_kwargs]
        collections = [view_kwargs[key] for key in COLLECTION_KWARGS if key in view_kwargs]
        if namespace.startswith("wagtailimages_chooser") and "pk" in view_kwargs:
            images.append(view_kwargs["pk"])
        if namespace.startswith("wagtaildocs_chooser") and "pk" in view_kwargs:
            documents.append(view_kwargs["pk"])
        if namespace == "wagtailadmin_collections" and "pk" in view_kwargs:
            collections.append(view_kwargs["pk"])
        if name == "wagtail_bulk_action":
            ids = request.GET.getlist("id")
            if "all" in ids:
                raise PermissionDenied
            model = (view_kwargs.get("app_label"), view_kwargs.get("model_name"))
            if model == ("wagtailcore", "page"):
                pages += ids
            elif model == ("wagtailimages", "image"):
                images += ids
            elif model == ("wagtaildocs", "document"):
                documents += ids
            else:
                raise PermissionDenied

        for page in _objects(Page.objects.only("path", "depth", "live"), pages):
            if not scope.page_allowed(page):
                raise Http404
        if name in OWN_PAGE_VIEWS:
            if not all(scope.page_owned(page) for page in _objects(Page.objects.only("path"), pages)):
                raise Http404
            # A translation copies missing parents: only into a language the partners' list exists in,
            # so that nothing is created above the partner's own page.
            if not all(scope.locale_open(value) for value in request.POST.getlist("locales")):
                raise PermissionDenied
        if "translation_source_id" in view_kwargs:
            self._sync_check(request, scope, view_kwargs["translation_source_id"])
        if "translation_id" in view_kwargs:
            self._translation_check(scope, view_kwargs["translation_id"])
        for image in _objects(get_image_model().objects.select_related("collection"), images):
            if not scope.file_allowed(image):
                raise Http404
        for document in _objects(get_document_model().objects.select_related("collection"), documents):
            if not scope.file_allowed(document):
                raise Http404
        for collection in _objects(Collection.objects.all(), collections):
            if not scope.collection_allowed(collection):
                raise Http404

    @staticmethod
    def _sync_check(request, scope, source_id):
        """ "Sync translated pages": only a source page of their own, and never "publish immediately"."""
        source = _objects(TranslationSource.objects.select_related("specific_content_type"), [source_id])
        if not source or not _source_pages(source[0]) or not all(scope.page_owned(p) for p in _source_pages(source[0])):
            raise Http404
        if request.method == "POST" and request.POST.get("publish_translations"):
            raise PermissionDenied  # publishing goes through the review, as for the source

    @staticmethod
    def _translation_check(scope, translation_id):
        """The translation editor's views (strings, PO files, preview, stop): only their own pages."""
        found = _objects(Translation.objects.select_related("source__specific_content_type"), [translation_id])
        if not found:
            raise Http404
        pages = _source_pages(found[0].source)
        if not pages or not all(scope.page_owned(page) for page in pages):
            raise Http404


def _source_pages(source):
    """The pages a translation source stands for, in every locale; none for a snippet."""
    model = source.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return []
    return list(Page.objects.filter(translation_key=source.object_id).only("path"))


def _objects(queryset, ids):
    ids = [str(value) for value in ids]
    if not ids:
        return []
    if not all(value.isascii() and value.isdigit() and len(value) < 19 for value in ids):
        raise Http404
    return list(queryset.filter(pk__in=[int(value) for value in ids]))
