"""The learner's certificate pages and the public verification page (under the language prefix)."""

app_name = "certificates"
urlpatterns = []
