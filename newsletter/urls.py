"""The newsletter's public addresses outside the language prefixes: mail clients post here without a language."""

from django.urls import path

from accounts.unsubscribe import NEWSLETTER
from accounts.views import unsubscribe

app_name = "newsletter"

urlpatterns = [
    path("unsubscribe/<str:token>/", unsubscribe, {"list_name": NEWSLETTER}, name="unsubscribe"),
]
