"""Machine-readable documents at stable URLs, outside the language prefix: issuer profile, keys, status list."""

from django.urls import path

from certificates import credential_views

app_name = "credentials"
urlpatterns = [
    path("issuer", credential_views.issuer, name="issuer"),
    path("jwks.json", credential_views.jwks_document, name="jwks"),
    path("status/1", credential_views.status_list, name="status_list"),
    path("achievements/<uuid:achievement_key>", credential_views.achievement, name="achievement"),
]
