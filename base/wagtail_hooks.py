from django.urls import path
from wagtail import hooks

from base import translations


# order=-1: before wagtail-localize's own URLs, so that this view answers its upload address.
@hooks.register("register_admin_urls", order=-1)
def register_pofile_upload_url():
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            translations.pofile_upload,
            name="localize_pofile_upload",
        )
    ]
