"""Enrol, leave, complete a lesson and continue a course."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from base.http import open_page_or_404, open_page_url, redirect_to, safe_next_url
from courses import selectors, services
from courses.models import CoursePage, LessonPage


@require_POST
@login_required
def enroll(request, course_id):
    course = open_page_or_404(CoursePage, course_id)
    try:
        services.enrollment_create(user=request.user, course=course)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect_to(course.get_url(request))
    messages.success(request, _("You are enrolled. Your progress is saved after each lesson."))
    return redirect_to(safe_next_url(request, course.get_url(request)))


@require_POST
@login_required
def leave(request, course_id):
    course = open_page_or_404(CoursePage, course_id)
    services.enrollment_leave(user=request.user, course=course)
    messages.success(
        request,
        _("You have left “%(course)s”. Your completed lessons are kept if you come back.") % {"course": course.title},
    )
    return redirect_to(safe_next_url(request, course.get_url(request)))


@require_POST
@login_required
def complete_lesson(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        services.lesson_complete(user=request.user, lesson=lesson)
    except services.LearningError as error:
        messages.error(request, str(error))
        # Back to the lesson only if anyone may see it: a draft or private lesson's address stays unrevealed.
        return redirect_to(open_page_url(request, lesson, fallback=reverse("home:dashboard")))
    detail = selectors.step_detail_get(step=lesson, user=request.user)
    if detail.progress.is_complete and detail.course:
        messages.success(request, _("Course complete. Well done!"))
        return redirect_to(detail.course.get_url(request))
    next_step = detail.progress.next_step or detail.next_step
    messages.success(request, _("Lesson marked as done."))
    return redirect_to(next_step.get_url(request) if next_step else detail.course.get_url(request))


@require_GET
@login_required
def continue_course(request, course_id):
    """Jump to the first lesson this learner has not done yet."""
    course = open_page_or_404(CoursePage, course_id)
    next_step = selectors.course_detail_get(course=course, user=request.user).progress.next_step
    return redirect_to(next_step.get_url(request) if next_step else course.get_url(request))
