"""Sign-up, cancellation and the calendar file of an event."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST, require_safe

from base.http import file_response_harden, open_page_or_404, open_page_url, redirect_to, safe_next_url
from events import services
from events.ics import event_ics
from events.models import EventPage, RegistrationStatus


@require_POST
@login_required
def registration_create(request, event_id):
    event = open_page_or_404(EventPage, event_id)
    back = safe_next_url(request, event.get_url(request))
    try:
        registration = services.registration_create(user=request.user, event=event, language=get_language() or "")
    except services.AlreadyRegistered as already:
        messages.info(request, str(already))
        return redirect_to(back)
    except services.EventError as error:
        messages.error(request, str(error))
        return redirect_to(back)
    if registration.status == RegistrationStatus.WAITING:
        messages.warning(
            request,
            gettext(
                "This event is full, so you are on the waiting list. "
                "If a seat becomes free, it goes to the first person waiting, and we will email you."
            ),
        )
    else:
        messages.success(request, gettext("You are registered. We will email you a reminder the day before."))
    return redirect_to(back)


@require_POST
@login_required
def registration_cancel(request, event_id):
    event = get_object_or_404(EventPage, pk=event_id)
    back = safe_next_url(request, open_page_url(request, event, fallback="/"))
    try:
        services.registration_cancel(user=request.user, event=event)
    except services.EventError as error:
        messages.error(request, str(error))
        return redirect_to(back)
    messages.success(request, gettext("Your place is cancelled. Thank you for letting us know."))
    return redirect_to(back)


@require_safe
def event_calendar(request, event_id):
    """The event as an .ics file to add to a calendar (public events only)."""
    event = open_page_or_404(EventPage, event_id)
    url = event.get_full_url(request) or request.build_absolute_uri(event.get_url(request))
    response = HttpResponse(
        event_ics(event=event, url=url, now=timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    file_response_harden(response)
    return response
