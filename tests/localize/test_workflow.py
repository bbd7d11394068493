"""The translator's workflow in wagtail-localize (issue 15): sync after the source changes, PO
export and import, machine translation off unless configured."""

import json

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from tests.builders import make_standard_page, publish
from tests.builders.translations import make_locale, target_save, translate
from tests.localize.translating import in_french, translate_fully
from tests.test_settings_env import run_python

pytestmark = pytest.mark.django_db


def make_page(home):
    return make_standard_page(
        home,
        title="Opening hours",
        intro="When we are open",
        body=[
            {"type": "paragraph", "value": "<p>Open every weekday.</p>"},
            {"type": "paragraph", "value": "<p>Closed on public holidays.</p>"},
        ],
    )


def untranslated(translation):
    segments = StringSegment.objects.filter(source=translation.source).annotate_translation(translation.target_locale)
    return sorted(segment.string.data for segment in segments.filter(translation__isnull=True).select_related("string"))


def test_a_changed_source_paragraph_is_a_new_untranslated_segment_and_the_rest_is_kept(
    client, home, fr_home, french, superuser
):
    page = make_page(home)
    target, translation = translate_fully(page, french, user=superuser)
    spanish = make_locale("es")
    translate(home, spanish, user=superuser)
    _es_target, es_translation = translate_fully(page, spanish, user=superuser, write=lambda text: f"ES {text}")
    assert untranslated(translation) == []

    blocks = list(page.body.raw_data)  # as the admin saves it: each block keeps its id
    blocks[0] = {**blocks[0], "value": "<p>Open every weekday from nine.</p>"}
    page.body = blocks
    publish(page)
    translation.source.update_from_db()  # what "Sync translated pages" does

    assert untranslated(translation) == ["Open every weekday from nine."]
    assert untranslated(es_translation) == ["Open every weekday from nine."]
    target_save(translation, user=superuser)
    body = client.get(target.url).content.decode()
    assert in_french("Closed on public holidays.") in body  # kept
    assert in_french("When we are open") in body
    assert "Open every weekday from nine." in body  # the new sentence, in English until translated
    assert in_french("Open every weekday.") not in body  # the old sentence is gone
    es_body = client.get(_es_target.url).content.decode()
    assert "ES Closed on public holidays." in es_body  # the Spanish translation is untouched


def test_the_sync_view_updates_the_translations(client, home, fr_home, french, superuser):
    page = make_page(home)
    _target, translation = translate_fully(page, french, user=superuser)
    page.intro = "When the shop is open"
    publish(page)
    client.force_login(superuser)
    assert client.get(f"/admin/localize/update/{translation.source_id}/").status_code == 200
    response = client.post(f"/admin/localize/update/{translation.source_id}/", {})
    assert response.status_code == 302
    assert untranslated(translation) == ["When the shop is open"]


def test_po_export_and_import_round_trip(client, home, fr_home, french, superuser):
    page = make_page(home)
    target, translation = translate(page, french, user=superuser, publish=False)
    po = translation.export_po()
    assert {entry.msgid for entry in po} >= {"Opening hours", "When we are open", "Open every weekday."}
    assert all(entry.msgstr == "" for entry in po)
    for entry in po:
        entry.msgstr = f"PO {entry.msgid}"
    # Through the editor's upload, as a translator sends the file back.
    client.force_login(superuser)
    upload = SimpleUploadedFile("fr.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(locale=french).count() == len(po)
    target_save(translation, user=superuser)
    target = Page.objects.get(pk=target.pk)  # published, under its translated slug
    assert target.live
    body = client.get(target.url).content.decode()
    for text in ("Opening hours", "When we are open", "Open every weekday.", "Closed on public holidays."):
        assert f"PO {text}" in body
    # And the download gives the filled file back.
    downloaded = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert downloaded.status_code == 200
    assert "PO Opening hours" in {entry.msgstr for entry in polib.pofile(downloaded.content.decode())}


def test_po_import_with_the_model_api(home, fr_home, french, superuser):
    page = make_page(home)
    target, translation = translate(page, french, user=superuser, publish=False)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = in_french(entry.msgid)
    warnings = translation.import_po(polib.pofile(str(po)), user=superuser)
    assert warnings == []
    target_save(translation, user=superuser)
    target.refresh_from_db()
    assert target.title == in_french("Opening hours")


@pytest.mark.parametrize(
    "content",
    [b"this is not a po file \x00\xff", b"", b'msgid "Opening hours"\nmsgstr "Horaires"\n'],
    ids=["garbage", "empty", "no-translation-id"],
)
def test_a_malformed_po_file_is_a_clear_error_not_a_500(client, home, fr_home, french, superuser, content):
    page = make_page(home)
    _target, translation = translate(page, french, user=superuser, publish=False)
    client.force_login(superuser)
    upload = SimpleUploadedFile("fr.po", content, content_type="text/x-gettext-translation")
    client.raise_request_exception = False
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload, "next": "/admin/"}, follow=True
    )
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("PO file" in message for message in messages), messages
    assert StringTranslation.objects.filter(locale=french).count() == 0


def test_an_upload_without_a_file_is_a_clear_error(client, home, fr_home, french, superuser):
    page = make_page(home)
    _target, translation = translate(page, french, user=superuser, publish=False)
    client.force_login(superuser)
    client.raise_request_exception = False
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"next": "/admin/"}, follow=True
    )
    assert response.status_code == 200
    assert "Choose a PO file" in " ".join(str(message) for message in response.context["messages"])


def test_machine_translation_is_off_by_default(client, home, fr_home, french, superuser, settings):
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    page = make_page(home)
    target, translation = translate(page, french, user=superuser, publish=False)
    client.force_login(superuser)
    editor = client.get(f"/admin/pages/{target.pk}/edit/")
    assert editor.status_code == 200
    assert b"machine_translate" not in editor.content
    assert b"&quot;machineTranslator&quot;: null" in editor.content
    assert client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/").status_code == 404


def test_machine_translation_is_configured_from_the_environment():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps(getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    off = run_python(code, DEBUG="1")
    assert off.returncode == 0, off.stderr
    assert json.loads(off.stdout.strip().splitlines()[-1]) is None
    on = run_python(code, DEBUG="1", DEEPL_AUTH_KEY="abc:fx")
    assert on.returncode == 0, on.stderr
    assert json.loads(on.stdout.strip().splitlines()[-1]) == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "abc:fx"},
    }
