"""Submit a quiz and review an attempt."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from assessments import selectors, services
from assessments.grading import SubmissionError
from assessments.models import QuizPage
from base.http import open_page_url, redirect_to


@require_POST
def submit(request, quiz_id):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    if not request.user.is_authenticated:
        # After logging in, come back to the quiz (the submit address only takes POST), unless
        # the quiz is private or under a draft: its address stays unrevealed.
        return redirect_to_login(open_page_url(request, quiz, fallback=reverse("home:dashboard")))
    try:
        services.attempt_submit_rate_consume(user=request.user)
    except services.SubmissionRateLimited as limited:
        response = TemplateResponse(request, "assessments/rate_limited.html", {"quiz": quiz}, status=429)
        response["Retry-After"] = str(limited.retry_after)
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        attempt = services.attempt_submit(
            user=request.user, quiz=quiz, data=request.POST, attempt_number=request.POST.get("attempt")
        )
    except SubmissionError as error:
        # Show the quiz again with the learner's answers kept and each problem next to its question.
        detail = quiz.detail_get(user=request.user)
        if not detail.can_read:
            return quiz.locked_response(request, detail)
        context = quiz.get_context(request, detail=detail, submitted=request.POST, errors=error.errors)
        context["form_error"] = str(error)
        response = TemplateResponse(request, quiz.get_template(request), context)
        response["Cache-Control"] = "private, no-store"
        return response
    return redirect_to(reverse("assessments:attempt", args=[attempt.pk]))


@never_cache
@require_GET
@login_required
def attempt_review(request, attempt_id):
    review = selectors.attempt_review_get(user=request.user, attempt_id=attempt_id)
    if review is None:
        raise Http404
    return render(request, "assessments/attempt_review.html", {"review": review})
