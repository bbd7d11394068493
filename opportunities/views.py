"""The board's views: listing, an opportunity's page, posting, answering, reporting, and "My opportunities".

The board's own addresses are routes of OpportunityIndexPage (so they follow its language and
place in the tree); a member's page and the poster's actions live under /learning/opportunities/.
Every refusal is a message on the page, never a 500; another member's ids answer 404.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from base.http import redirect_to
from opportunities import selectors, services
from opportunities.forms import InterestForm, OpportunityFilterForm, OpportunityForm, ReportForm
from opportunities.models import Interest, Opportunity, OpportunityIndexPage
from taxonomy.models import Sector, Topic
from taxonomy.selectors import term_list


def _errors_message(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def board(request, page: OpportunityIndexPage):
    if request.method not in ("GET", "HEAD"):
        raise Http404
    form = OpportunityFilterForm(request.GET or None, sectors=term_list(Sector))
    filters, filter_messages = form.valid_filters()
    listing = selectors.board_get(filters=filters, today=timezone.localdate(), page_number=filters.get("page") or 1)
    return page.render(
        request,
        context_overrides={
            "filter_form": form,
            "filter_messages": filter_messages + listing.messages,
            "opportunities": listing.opportunities,
            "page_obj": listing.page_obj,
            "paginator": listing.paginator,
            "filter_query": urlencode(form.valid_query),
            "is_filtered": form.is_filtering(filters),
            "today": timezone.localdate(),
        },
    )


def _sectors_and_topics():
    return Sector.objects.filter(pk__in=[t.pk for t in term_list(Sector)]), Topic.objects.filter(
        pk__in=[t.pk for t in term_list(Topic)]
    )


def opportunity_new(request, page: OpportunityIndexPage):
    """The form to post an offer or a request (signed-in, verified members who are not blocked)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method not in ("GET", "HEAD", "POST"):
        raise Http404
    sectors, topics = _sectors_and_topics()
    refusal = None
    if not services.member_is_verified(request.user):
        refusal = _("Verify your email address before you post an opportunity.")
    elif services.member_is_blocked(request.user):
        refusal = _("You can no longer post opportunities. Write to us if you think this is a mistake.")
    if request.method == "POST" and refusal is None:
        form = OpportunityForm(request.POST, sectors=sectors, topics=topics)
        if form.is_valid():
            data = dict(form.cleaned_data)
            key = data.pop("submission_key")
            try:
                services.opportunity_create(poster=request.user, submission_key=key, data=data)
            except services.OpportunityError as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                form.add_error(None, _errors_message(error))
            else:
                messages.success(
                    request, _("Thank you: your opportunity will be on the board once an editor has reviewed it.")
                )
                return redirect_to(reverse("opportunities:mine"))
    else:
        form = OpportunityForm(sectors=sectors, topics=topics, initial={"language": request.LANGUAGE_CODE})
    response = page.render(
        request,
        template="opportunities/opportunity_form.html",
        context_overrides={"form": form, "refusal": refusal},
    )
    response["Cache-Control"] = "private, no-store"
    return response


def opportunity_detail(request, page: OpportunityIndexPage, opportunity_id: int):
    """An opportunity's page; a POST answers or reports it (the `action` field says which)."""
    opportunity = selectors.opportunity_visible_get(opportunity_id=opportunity_id, user=request.user)
    if opportunity is None:
        raise Http404
    answer_form, report_form = InterestForm(), ReportForm()
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action")
        try:
            if action == "answer":
                answer_form = InterestForm(request.POST)
                if answer_form.is_valid():
                    services.interest_send(opportunity=opportunity, member=request.user, **answer_form.cleaned_data)
                    messages.success(
                        request, _("Your answer was sent. You will see their contact details here if they accept it.")
                    )
                    return redirect_to(request.path)
            elif action == "report":
                report_form = ReportForm(request.POST)
                if report_form.is_valid():
                    services.opportunity_report(
                        opportunity=opportunity, reporter=request.user, reason=report_form.cleaned_data["reason"]
                    )
                    messages.success(request, _("Thank you. The opportunity is hidden until an editor looks at it."))
                    return redirect_to(page.get_url(request))
            else:
                messages.error(request, _("This form is out of date. Reload the page and try again."))
                return redirect_to(request.path)
        except services.OpportunityError as error:
            messages.error(request, str(error))
            return redirect_to(request.path)
        except ValidationError as error:
            (answer_form if action == "answer" else report_form).add_error(None, _errors_message(error))
    elif request.method not in ("GET", "HEAD"):
        raise Http404
    user = request.user
    is_poster = user.is_authenticated and opportunity.poster_id == user.pk
    response = page.render(
        request,
        template="opportunities/opportunity_detail.html",
        context_overrides={
            "opportunity": opportunity,
            "answer_form": answer_form,
            "report_form": report_form,
            "is_poster": is_poster,
            "my_answer": selectors.interest_of_member_get(opportunity=opportunity, user=user),
            "may_answer": user.is_authenticated and not is_poster and services.member_is_verified(user),
        },
    )
    if user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@never_cache
@login_required
def my_opportunities(request):
    data = selectors.my_opportunities_get(user=request.user)
    board_page = OpportunityIndexPage.objects.live().filter(locale__language_code=request.LANGUAGE_CODE).first()
    board_page = board_page or OpportunityIndexPage.objects.live().first()
    return render(
        request,
        "opportunities/my_opportunities.html",
        {"posts": data.posts, "answers": data.answers, "board": board_page},
    )


@require_POST
@login_required
def interest_accept(request, interest_id):
    # Only an answer to the member's own post: anyone else's id is a 404, as if it did not exist.
    interest = get_object_or_404(Interest, pk=interest_id, opportunity__poster=request.user)
    services.interest_accept(interest=interest, by=request.user)
    messages.success(request, _("Answer accepted: you can now see each other's contact details, also sent by email."))
    return redirect_to(reverse("opportunities:mine") + f"#answer-{interest.pk}")


@require_POST
@login_required
def opportunity_close(request, opportunity_id):
    opportunity = get_object_or_404(Opportunity, pk=opportunity_id, poster=request.user)
    services.opportunity_close(opportunity=opportunity, by=request.user)
    messages.success(request, _("The opportunity is closed: it stays on the board, and nobody can answer it."))
    return redirect_to(reverse("opportunities:mine"))
