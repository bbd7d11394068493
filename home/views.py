"""'My learning': the learner's dashboard, composed from every app's records."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from assessments.selectors import attempt_list
from base.learner_cache import learner_cache_allow
from base.page_route import site_for_request
from certificates.selectors import certificate_list
from courses import selectors as course_selectors
from library.selectors import reading_list_get


@never_cache
@require_GET
@login_required
def dashboard(request):
    site_for_request(request)  # from the cache: every page link on the dashboard needs the site
    context = {
        "dashboard": course_selectors.dashboard_get(user=request.user),
        "catalog_url": course_selectors.catalog_url_get(request),
        "quiz_attempts": attempt_list(user=request.user),
        "reading_list": reading_list_get(user=request.user),
        "certificates": certificate_list(user=request.user),
    }
    # Kept for this learner until they or an editor change what it shows (base/learner_cache.py).
    return learner_cache_allow(render(request, "home/dashboard.html", context))
