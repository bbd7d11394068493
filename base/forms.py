"""The admin form of every page: a page refers only to images and documents its editor may choose.

Choosers only filter what the interface offers; an id typed into a rich-text link, a block or a
chooser field reaches the page as it is, and a preview would then show or serve a file from a
collection the editor may not use. The check reads the references the way Wagtail's reference
index does (`extract_references` on fields, StreamFields and rich text), so it covers every page
type, block and inline panel without naming them.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext, ngettext
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from base.ids import ID_MAX


def file_references(obj):
    """(field name, model, id) for each image and document that `obj`'s own fields refer to.

    Child objects (inline panels) are read from their own forms, which hold what was posted.
    """
    file_models = (get_image_model(), get_document_model())
    for field in obj._meta.concrete_fields:
        if field.many_to_one and field.related_model in file_models:
            value = field.value_from_object(obj)
            if value is not None:
                yield field.name, field.related_model, str(value)
        elif hasattr(field, "extract_references"):
            value = field.value_from_object(obj)
            if value is None:
                continue
            for model, object_id, _model_path, _content_path in field.extract_references(value):
                if model in file_models:
                    yield field.name, model, str(object_id)


def files_out_of_reach(user, references):
    """The (model, id) pairs among `references` that `user` may not choose, missing files included."""
    refused = set()
    for model in (get_image_model(), get_document_model()):
        ids = {object_id for ref_model, object_id in references if ref_model is model}
        if not ids:
            continue
        numeric = [int(object_id) for object_id in ids if object_id.isascii() and object_id.isdigit()]
        policy = policy_registry.get_by_type(model)
        allowed = {
            str(pk)
            for pk in policy.instances_user_has_permission_for(user, "choose")
            .filter(pk__in=numeric)
            .values_list("pk", flat=True)
        }
        refused |= {(model, object_id) for object_id in ids - allowed}
    return refused


def _describe(model, object_id):
    if model is get_image_model():
        return gettext("image %(id)s") % {"id": object_id}
    return gettext("document %(id)s") % {"id": object_id}


def _html_without(html, refused):
    """Rich text with the refused document links unlinked and the refused image embeds removed."""

    def link(match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") == "document" and (get_document_model(), attrs.get("id")) in refused:
            return "<a>"
        return match.group(0)

    def embed(match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image" and (get_image_model(), attrs.get("id")) in refused:
            return ""
        return match.group(0)

    return FIND_EMBED_TAG.sub(embed, FIND_A_TAG.sub(link, html))


def _raw_without(node, path, model, object_id, refused):
    """Take one refused file out of a StreamField's raw data, at a reference's content path."""
    if path:
        head, rest = path[0], path[1:]
        if isinstance(node, list):  # a stream or a list: children carry ids
            for child in node:
                if isinstance(child, dict) and child.get("id") == head:
                    child["value"] = _raw_without(child["value"], rest, model, object_id, refused)
        elif isinstance(node, dict) and head in node:  # a struct
            node[head] = _raw_without(node[head], rest, model, object_id, refused)
        return node
    if isinstance(node, str) and "<" in node:  # rich text
        return _html_without(node, refused)
    if isinstance(node, dict):  # a block that stores its file with other values (ImageBlock)
        return {key: None if str(value) == object_id else value for key, value in node.items()}
    return None  # a chooser's id


def _shown_without(form_field, value, refused):
    """A field's posted value as the form shows it again: without the refused files, so the
    chooser or editor shows neither their titles nor their previews."""
    if isinstance(value, StreamValue):
        block = form_field.block
        raw = list(value.get_prep_value())  # gives new blocks their ids, so content paths match
        for model, object_id, _model_path, content_path in block.extract_references(block.to_python(raw)):
            if (model, str(object_id)) in refused:
                raw = _raw_without(raw, content_path.split("."), model, str(object_id), refused)
        return block.to_python(raw)
    if isinstance(value, str) and "<" in value:
        return _html_without(value, refused)
    return None


def _refuse(form, fields, refused):
    """Errors on `form`'s fields, and their values shown again without the refused files."""
    shown = {}
    for name, labels in fields.items():
        # One message per field: a StreamField shows only the first error it is given.
        message = ngettext(
            "You may not use %(files)s here: it is missing or in a collection you cannot choose from.",
            "You may not use %(files)s here: they are missing or in collections you cannot choose from.",
            len(labels),
        ) % {"files": ", ".join(labels)}
        form.add_error(name if name in form.fields else None, ValidationError(message, code="file_out_of_reach"))
        if name in form.fields:
            bound = form[name]
            shown[bound.html_name] = _shown_without(form.fields[name], bound.data, refused)
    if not shown:
        return
    data_value = form._widget_data_value

    def widget_data_value(widget, html_name):
        return shown[html_name] if html_name in shown else data_value(widget, html_name)

    # Set on this form only (child forms are not of this class), once its data has been cleaned.
    form._widget_data_value = widget_data_value


def model_choice_ids_bound(field):
    """Make a model choice field refuse ids beyond 64 bits as an invalid choice, before any query."""
    clean = field.clean

    def clean_bounded(value):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            text = str(item).strip()
            if text.lstrip("+-").isdigit() and abs(int(text)) > ID_MAX:
                raise ValidationError(
                    field.error_messages["invalid_choice"], code="invalid_choice", params={"value": text}
                )
        return clean(value)

    field.clean = clean_bounded


def _has_integer_ids(model):
    pk = model._meta.pk
    while pk.is_relation:  # a page type's id is its link to wagtailcore.Page
        pk = pk.target_field
    return isinstance(pk, models.IntegerField)


def form_ids_bound(form):
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and _has_integer_ids(field.queryset.model):
            model_choice_ids_bound(field)


class FileScopedPageForm(WagtailAdminPageForm):
    """Refuses a page (draft, submission or publication) that refers to a file its editor may not choose.

    Its choice fields, and those of its inline panels, also answer a hand-typed id too large for the
    database with a field error rather than a 500.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in [self, *(form for formset in self.formsets.values() for form in formset.forms)]:
            form_ids_bound(form)

    def _post_clean(self):
        super()._post_clean()  # self.instance now holds what was posted
        if self.for_user is None:
            return  # built outside an admin view, which always passes the user
        forms = [self]
        for formset in self.formsets.values():
            for form in formset.forms:
                if form.is_valid() and not form.cleaned_data.get(DELETION_FIELD_NAME):
                    forms.append(form)
        found = [(form, *reference) for form in forms for reference in file_references(form.instance)]
        if not found:
            return
        refused = files_out_of_reach(self.for_user, {(model, object_id) for _f, _n, model, object_id in found})
        per_form = {}
        for form, name, model, object_id in found:
            if (model, object_id) in refused:
                labels = per_form.setdefault(form, {}).setdefault(name, [])
                if _describe(model, object_id) not in labels:
                    labels.append(_describe(model, object_id))
        for form, fields in per_form.items():
            _refuse(form, fields, refused)
