"""'My learning': the learner's dashboard, composed from every app's records."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from assessments.selectors import attempts_for_dashboard
from courses import selectors as course_selectors
from library.selectors import reading_list_get


@never_cache
@require_GET
@login_required
def dashboard(request):
    context = course_selectors.dashboard_get(user=request.user)
    context["catalog_url"] = course_selectors.catalog_url(request)
    context["quiz_attempts"] = attempts_for_dashboard(user=request.user)
    context["reading_list"] = reading_list_get(user=request.user)
    return render(request, "home/dashboard.html", context)
