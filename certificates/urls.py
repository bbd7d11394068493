"""The learner's certificate pages and the public verification page (under the language prefix)."""

app_name = "certificates"
urlpatterns = []

# The check-a-credential page (issue 14, crypto branch): keep it before any "verify/<id>/" pattern.
from django.urls import path  # noqa: E402

from certificates import credential_views  # noqa: E402

urlpatterns.append(path("verify/credential/", credential_views.credential_check, name="credential_check"))
