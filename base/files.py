"""Who may fetch an uploaded file: one rule for documents and images, wherever they are served.

Those who may pick or edit a file in the admin may fetch it; anyone else only when a live, public
page uses it. "Has admin access" is not enough, or every partner editor could read every other
partner's files.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

MANAGE_ACTIONS = ["choose", "change"]


def file_is_published(obj) -> bool:
    """Some live, public page uses the image or document (a field, a block, a rich-text link, an inline row).

    The reference index holds what each page's own row references: the live content of a live
    page, so a file added only in a draft revision is not published by it.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type).values_list("object_id", flat=True)
    )
    ids = [int(value) for value in page_ids if value.isdigit()]
    return bool(ids) and Page.objects.live().public().filter(pk__in=ids).exists()


def file_may_manage(obj, user) -> bool:
    """The user may choose or change the file in its collection."""
    policy = policy_registry.get_by_type(type(obj))
    return user.is_authenticated and policy.user_has_any_permission_for_instance(user, MANAGE_ACTIONS, obj)


def file_may_serve(obj, user) -> bool:
    """The user may manage the file, or a live public page uses it (a collection's privacy comes on top)."""
    return file_may_manage(obj, user) or file_is_published(obj)
