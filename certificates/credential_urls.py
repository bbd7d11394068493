"""Machine-readable documents at stable URLs, outside the language prefix: issuer profile, keys, status list."""

app_name = "credentials"
urlpatterns = []
