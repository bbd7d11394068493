from wagtail import hooks

from library.documents import keep_unpublished_documents_private

hooks.register("before_serve_document", keep_unpublished_documents_private)
