"""wagtail-localize's PO upload, refusing with a message what is not one of its PO files.

Its own view answers 500 to an empty file, to a PO file without its translation id header and to
a form without a file: a translator sending back the wrong file gets an error page instead of a
word on what to fix. This view checks the file first and then hands over to it unchanged.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
MAX_PO_BYTES = 5 * 1024 * 1024


def pofile_problem(data: bytes, translation: Translation) -> str:
    """Why `data` cannot be imported into `translation`, or "" when it can."""
    if not data.strip():
        return _(
            "The file is empty. Upload the PO file downloaded for this translation, with its translations filled in."
        )
    if len(data) > MAX_PO_BYTES:
        return _("The file is too large for a PO file of one page.")
    # polib reads a string that names a file as that file: parse from a file of our own.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as file:
        file.write(data)
    try:
        po = polib.pofile(file.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return _("Please upload a valid PO file.")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(file.name)
    if po.metadata.get(TRANSLATION_ID_HEADER) != str(translation.uuid):
        return _("This PO file was not made for this translation: download the PO file of this page and fill it in.")
    return ""


def pofile_upload(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    problem = _("Choose a PO file to upload.") if upload is None else pofile_problem(upload.read(), translation)
    if problem:
        messages.error(request, problem)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    upload.seek(0)
    return upload_pofile(request, translation_id)
