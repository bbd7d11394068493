"""The learner's certificate pages and the public verification page (under the language prefix)."""

from django.urls import path

from certificates import views

app_name = "certificates"
urlpatterns = [
    path("learning/certificates/<str:public_id>/", views.certificate_detail, name="detail"),
    path("learning/certificates/<str:public_id>/pdf/<str:page_size>/", views.certificate_pdf, name="pdf"),
    path("learning/certificates/<str:public_id>/credential/", views.certificate_credential, name="credential"),
    path("learning/certificates/<str:public_id>/reissue/", views.certificate_reissue, name="reissue"),
    path("verify/", views.verify_lookup, name="verify_lookup"),
    # `path`, not `str`: an id with slashes in it reaches the view and gets the same "not found" as any other.
    path("verify/<path:public_id>/", views.verify, name="verify"),
]
