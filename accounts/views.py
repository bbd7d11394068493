"""The profile step after sign-up, the "My account" page, the data export and account deletion."""

import json

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import selectors, services
from accounts.forms import AccountDeleteForm, ProfileForm
from accounts.intents import SESSION_KEY, Intent, intent_is_known, intent_sign
from accounts.models import LearnerProfile
from accounts.settings_sections import account_section_list
from accounts.unsubscribe import UnsubscribeError, unsubscribe_apply, unsubscribe_token_read
from base.http import redirect_to, safe_next_url, safe_path


def _profile_form(request, data=None):
    profile = selectors.profile_get(user=request.user) or LearnerProfile(user=request.user)
    return ProfileForm(data, instance=profile)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile_complete(request):
    """The short, skippable profile step a new learner sees after verifying their email."""
    next_url = safe_next_url(request, resolve_url(settings.LOGIN_REDIRECT_URL))
    form = _profile_form(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Thank you, your profile is saved. You can change it any time under “My account”."))
        return redirect_to(next_url)
    return render(request, "accounts/profile_complete.html", {"form": form, "next": next_url})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """My account: the profile form and links to email, password, 2FA, sessions, export, deletion."""
    form = _profile_form(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:account")
    sections = account_section_list(request)  # other apps' settings (messages…)
    return render(request, "accounts/account.html", {"form": form, "sections": sections})


@never_cache
@require_POST
@login_required
def export(request):
    """Everything we hold about the signed-in learner, as a JSON download (their own only)."""
    data = selectors.account_export_get(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"sme-academy-my-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def delete(request):
    """Delete the account after re-authentication and an explicit confirmation."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account and personal data have been deleted."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})


@require_GET
@never_cache
def intent_start(request, action, target_id):
    """Remember what a visitor chose ("Enrol", "Save"), then ask them to sign up or log in; it is done after.

    A GET only remembers: the enrolment itself waits for the login, so a link on another site
    cannot enrol a signed-in learner. A learner already signed in goes back to the page's own button.
    """
    if not intent_is_known(action):
        raise Http404
    next_url = safe_path(request.GET.get("next")) or "/"
    if request.user.is_authenticated:
        return redirect_to(next_url)
    request.session[SESSION_KEY] = intent_sign(Intent(action=action, target_id=target_id))
    form = "account_login" if request.GET.get("to") == "login" else "account_signup"
    return redirect_to(f"{reverse(form)}?{urlencode({'next': next_url})}")


ONE_CLICK = "One-Click"


@csrf_exempt  # the mail client posts (RFC 8058): no cookie, no CSRF token; the signed token is the proof
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token, list_name=None):
    """One-click unsubscribe: a GET shows a button, a POST (`List-Unsubscribe=One-Click`) unsubscribes.

    No login: the signed token (accounts.unsubscribe) names the person and the list. A GET never
    unsubscribes, since link scanners in mail systems open every link. Bad, expired or unknown
    tokens get a page that says so (400 or 404), never a 500.
    """
    try:
        found = unsubscribe_token_read(token, list_name=list_name)
    except UnsubscribeError as error:
        return render(request, "accounts/unsubscribe.html", {"error": error.message}, status=error.status)
    context = {"token": token, "list_label": found.list.label, "one_click": ONE_CLICK}
    if request.method == "POST":
        if request.POST.get("List-Unsubscribe") != ONE_CLICK:
            context["error"] = _("Press the button to unsubscribe.")
            return render(request, "accounts/unsubscribe.html", context, status=400)
        unsubscribe_apply(token=token, list_name=list_name)
        context["done"] = True
        return render(request, "accounts/unsubscribe.html", context)
    context["subscribed"] = found.list.is_subscribed(found.user)
    return render(request, "accounts/unsubscribe.html", context)
