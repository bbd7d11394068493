"""The learner's certificate pages and the public verification page (under the language prefix)."""

from django.urls import path, re_path

from certificates import credential_views, views

app_name = "certificates"
urlpatterns = [
    path("learning/certificates/<str:public_id>/", views.certificate_detail, name="detail"),
    path("learning/certificates/<str:public_id>/pdf/<str:page_size>/", views.certificate_pdf, name="pdf"),
    path("learning/certificates/<str:public_id>/credential/", views.certificate_credential, name="credential"),
    path("learning/certificates/<str:public_id>/reissue/", views.certificate_reissue, name="reissue"),
    path("verify/", views.verify_lookup, name="verify_lookup"),
    # Check a credential file (pasted or uploaded): before the catch-all below.
    path("verify/credential/", credential_views.credential_check, name="credential_check"),
    # Anything after verify/ (slashes, line breaks, nothing at all) reaches the view and gets the same
    # "not found" as any unknown id; `<str:…>` would hand those to Wagtail's own 404 page, another answer.
    # It takes every verify/… address, so more specific ones (verify/credential/) must come before it.
    re_path(r"^verify/(?P<public_id>[\s\S]*)/$", views.verify, name="verify"),
]
