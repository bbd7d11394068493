""" "Save to my reading list" chosen while signed out, completed after sign-up or log-in (issue 20)."""

from django.contrib import messages
from django.utils.translation import gettext as _

from accounts.intents import IntentOutcome
from base.pages import page_is_open
from library import services
from library.models import ResourcePage

SAVE = "save"


def reading_list_intent_complete(*, user, target_id: int) -> IntentOutcome:
    """Save through the reading list service (idempotent); a draft or private resource is refused."""
    resource = ResourcePage.objects.live().filter(pk=target_id).first()
    if resource is None or not page_is_open(resource, under_live_pages=True):
        return IntentOutcome(url="/", message=_("This resource is not available."), level=messages.ERROR)
    try:
        services.reading_list_add(user=user, resource=resource)
    except services.LibraryError as error:
        return IntentOutcome(url="/", message=str(error), level=messages.ERROR)
    return IntentOutcome(url=resource.url, message=_("Saved to your reading list."), level=messages.SUCCESS)
