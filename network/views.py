"""The network's public and members' pages: join the network, the experts' directory, profiles and messages."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from network import selectors, services
from network.forms import ApplicationForm, ContactForm, ExpertFilterForm, ExpertProfileForm, RejectForm
from network.models import ExpertContact


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


# --- Join the network -----------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def join(request):
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_spam():
            # A robot filled the trap field: thank it as if it worked, and keep nothing.
            return redirect("network:join_thanks")
        if form.is_valid():
            try:
                services.application_rate_consume(address=_client_address(request))
                services.application_submit(data=form.cleaned_data, language=get_language(), applicant=request.user)
            except services.NetworkError as error:
                form.add_error(None, str(error))
            else:
                return redirect("network:join_thanks")
    return render(request, "network/join.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
def join_thanks(request):
    return render(request, "network/join_thanks.html")


# --- Experts --------------------------------------------------------------------------------------


@require_GET
def expert_directory(request):
    form = ExpertFilterForm(request.GET or None)
    filters, filter_messages = form.valid_filters()
    directory = selectors.expert_directory_get(filters=filters)
    context = {
        "experts": directory.experts,
        "page_obj": directory.page_obj,
        "matching": directory.matching,
        "filter_form": form,
        "filter_messages": filter_messages + directory.messages,
        "filter_query": urlencode(form.valid_query),
        "is_filtered": form.is_filtering(filters),
    }
    return render(request, "network/expert_directory.html", context)


@require_GET
def expert_detail(request, expert_id):
    expert = selectors.expert_get(expert_id=expert_id, user=request.user)
    if expert is None:
        raise Http404
    is_own = request.user.is_authenticated and expert.user_id == request.user.pk
    context = {
        "expert": expert,
        "roles": selectors.expert_roles_get(expert),
        "is_own": is_own,
        "contact_form": ContactForm() if request.user.is_authenticated and not is_own and expert.is_listed else None,
    }
    response = render(request, "network/expert_detail.html", context)
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-cache"
    return response


@never_cache
@login_required
@require_POST
def expert_contact(request, expert_id):
    expert = selectors.expert_get(expert_id=expert_id, user=request.user)
    if expert is None:
        raise Http404
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.expert_contact_send(
                sender=request.user, expert=expert, message=form.cleaned_data["message"], language=get_language()
            )
        except services.NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your message was sent. %(name)s will see it; your email is shared only if they accept.")
                % {"name": expert.public_name},
            )
            return redirect("network:messages")
    context = {"expert": expert, "roles": selectors.expert_roles_get(expert), "is_own": False, "contact_form": form}
    return render(request, "network/expert_detail.html", context, status=400)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def expert_profile_edit(request):
    profile = selectors.own_expert_profile_get(user=request.user)
    initial = None
    if profile is not None:
        initial = {
            "public_name": profile.public_name,
            "organisation": profile.organisation,
            "biography": profile.biography,
            "topics": list(profile.topics.all()),
            "sectors": list(profile.sectors.all()),
            "languages": profile.language_codes,
            "countries": [country.code for country in profile.countries],
            "is_published": profile.is_published,
        }
    if request.method == "POST":
        form = ExpertProfileForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            profile = services.expert_profile_save(
                user=request.user,
                data=services.ExpertProfileData(
                    public_name=data["public_name"],
                    organisation=data["organisation"],
                    biography=data["biography"],
                    topics=list(data["topics"]),
                    sectors=list(data["sectors"]),
                    languages=data["languages"],
                    countries=data["countries"],
                    is_published=data["is_published"],
                    photo_file=data.get("photo") or None,
                ),
            )
            messages.success(request, _("Your expert profile is saved."))
            return redirect("network:expert", profile.pk)
    else:
        form = ExpertProfileForm(initial=initial)
    return render(
        request,
        "network/expert_profile_edit.html",
        {"form": form, "profile": profile},
        status=400 if form.errors else 200,
    )


# --- Messages -------------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def message_box(request):
    box = selectors.message_box_get(user=request.user)
    return render(request, "network/message_box.html", {"box": box})


@never_cache
@login_required
@require_GET
def message_detail(request, contact_id):
    contact = selectors.message_get(contact_id=contact_id, user=request.user)
    if contact is None:
        raise Http404
    return render(request, "network/message_detail.html", {"contact": contact, **_sides(contact, request.user)})


def _sides(contact, user) -> dict:
    is_expert = contact.expert.user_id == user.pk
    return {
        "is_expert": is_expert,
        "is_sender": contact.sender_id == user.pk,
        "shared": contact.status == "accepted" and (is_expert or contact.sender_id == user.pk),
    }


@never_cache
@login_required
@require_POST
def message_answer(request, contact_id):
    accept = request.POST.get("answer") == "accept"
    if request.POST.get("answer") not in ("accept", "decline"):
        raise Http404
    try:
        contact = services.expert_contact_answer(contact_id=contact_id, expert_user=request.user, accept=accept)
    except ExpertContact.DoesNotExist:
        raise Http404 from None
    if contact.status == "accepted":
        messages.success(
            request, _("Accepted: you and %(name)s now receive each other's details.") % {"name": contact.sender_name}
        )
    else:
        messages.info(request, _("The message was declined; nothing was shared."))
    return redirect("network:message", contact.pk)


# --- Editors: the applications' queue (Wagtail admin) ---------------------------------------------


def _editor_required(request):
    if not selectors.network_editor_is(request.user):
        raise PermissionDenied


@require_GET
def application_queue(request):
    _editor_required(request)
    context = {
        "pending": selectors.pending_application_list(),
        "decided": selectors.decided_application_list(),
        "reject_form": RejectForm(),
    }
    return render(request, "network/admin/application_queue.html", context)


@require_POST
def application_accept(request, application_id):
    _editor_required(request)
    try:
        application = services.application_accept(application_id=application_id, editor=request.user)
    except services.NetworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(organisation)s is onboarded: its draft page is ready and its contact was invited.")
            % {"organisation": application.organisation},
        )
    return redirect("network_admin:applications")


@require_POST
def application_reject(request, application_id):
    _editor_required(request)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect("network_admin:applications")
    try:
        application = services.application_reject(
            application_id=application_id, editor=request.user, message=form.cleaned_data["message"]
        )
    except services.NetworkError as error:
        messages.error(request, str(error))
    else:
        messages.info(request, _("%(organisation)s was turned down.") % {"organisation": application.organisation})
    return redirect("network_admin:applications")
