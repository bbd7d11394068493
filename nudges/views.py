"""The learner's message settings: their own page (the emails link to it) and a section of "My account"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from base.http import redirect_to, safe_next_url
from nudges import services
from nudges.forms import MessagePreferenceForm


def _form(request, data=None):
    return MessagePreferenceForm(data, instance=services.preference_get(user=request.user))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def message_settings(request):
    """Choose which messages we send; a POST saves and goes back where the form was."""
    form = _form(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.preference_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your message settings are saved."))
        return redirect_to(safe_next_url(request, reverse("nudges:settings")))
    return render(request, "nudges/message_settings.html", {"form": form, "next": safe_next_url(request, "")})


def settings_section_render(request) -> str:
    """The "Messages" section of "My account" (accounts.settings_sections)."""
    return render_to_string(
        "nudges/includes/settings_section.html",
        {"form": _form(request), "next": reverse("accounts:account")},
        request=request,
    )
