"""The partners step of the demo: each of the first three partners gets a team, an editor login,
its areas of expertise and contact, and Riverbend a course that went through the review workflow."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Site, TaskState, Workflow

from courses.demo import images as cover_images
from courses.demo.steps import PARTNER_DETAILS
from courses.models import CoursePage, LessonPage, ModulePage
from home.demo import DemoLogin, DemoRun
from home.demo.accounts import logins_file_save, password_known
from home.demo.images import demo_images_load
from home.demo.pages import stream_build
from assessments.models import QuizPage
from partners import services
from partners.demo.course import COURSE
from partners.models import PartnerIndexPage, PartnerPage, PartnerTeam
from taxonomy.models import Topic

DEMO_PARTNERS = list(PARTNER_DETAILS)[:3]
EXPERTISE = {
    "riverbend-university": ["business-planning", "bookkeeping-and-cash", "quality-and-production"],
    "savanna-institute": ["export-and-trade", "finance-and-loans"],
    "valle-verde": ["quality-and-production", "pricing-and-costs"],
}
CONTACTS = {
    "riverbend-university": ("Dr Anneke de Vries", "+31 570 000 000"),
    "savanna-institute": ("Grace Wanjiku", "+254 20 000 0000"),
    "valle-verde": ("Ing. Lucía Quispe", "+51 54 000 000"),
}

RIVERBEND_COURSE = COURSE
REVIEW_COMMENT = "Clear and practical. Approved for the catalog."


def partner_editor_email(slug: str) -> str:
    return f"editor.{slug}@example.org"


def partners_load(run: DemoRun) -> None:
    """Teams, editor logins and expertise for three partners; a reviewed course for Riverbend."""
    home = Site.objects.get(is_default_site=True).root_page
    index = PartnerIndexPage.objects.descendant_of(home).first()
    if index is None:
        return
    services.review_workflow_ensure(index=index)
    for name in DEMO_PARTNERS:
        slug = PARTNER_DETAILS[name]["slug"]
        partner = PartnerPage.objects.child_of(index).filter(slug=slug).first()
        if partner is None:
            continue
        if not PartnerTeam.objects.filter(partner=partner).exists():
            _partner_details_add(run, partner, slug)
            run.added(f"group, collection and permissions of {name}")
        team = services.partner_team_ensure(partner=partner)
        editor = _editor_load(run, team, slug, name)
        if slug == "riverbend-university":
            _reviewed_course_load(run, partner, editor)


def _partner_details_add(run, partner, slug) -> None:
    """Once, when the partner joins: its areas of expertise and a contact."""
    partner.expertise.set(Topic.objects.filter(slug__in=EXPERTISE[slug], locale=partner.locale))
    partner.contact_name, partner.contact_phone = CONTACTS[slug]
    partner.contact_email = f"academy@{slug}.example.org"
    partner.save_revision(user=run.editor, log_action=True).publish(user=run.editor)


def _editor_load(run, team, slug, name):
    email = partner_editor_email(slug)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    password = None
    if user is None:
        password = secrets.token_urlsafe(15)
        first, last = CONTACTS[slug][0].split(" ", 1)
        user = User.objects.create_user(email=email, password=password, first_name=first, last_name=last)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        transaction.on_commit(lambda: logins_file_save(run.logins_file, email=email, password=password))
        run.added(f"partner editor {email}")
    else:
        password = password_known(run.logins_file, user)
    services.partner_editor_invite(team=team, email=email, notify=False)
    run.logins.append(DemoLogin(role=f"Partner editor ({name})", url=f"{settings.SITE_URL}/admin/", email=email, password=password))
    return user


def _reviewed_course_load(run, partner, editor) -> None:
    """A course the partner's editor wrote and submitted, approved by the demo admin in 'Partner review'."""
    spec = RIVERBEND_COURSE
    if CoursePage.objects.child_of(partner).filter(slug=spec["slug"]).exists():
        return
    covers = demo_images_load(run, [cover_images.cover(spec["slug"], spec["title"], f"Cover of the course {spec['title']}",
                                                       cover_images.draw_one_page_plan)])
    course = CoursePage(title=spec["title"], slug=spec["slug"], summary=spec["summary"], audience=spec["audience"],
                        estimated_hours=1, cover_image=covers[spec["slug"]], owner=editor, live=False)
    course.outcomes = stream_build(CoursePage, "outcomes", [{"type": "outcome", "value": text} for text in spec["outcomes"]])
    partner.add_child(instance=course)
    course.topics.set(Topic.objects.filter(slug="business-planning", locale=partner.locale))
    module_slug, module_title, module_intro = spec["module"]
    module = ModulePage(title=module_title, slug=module_slug, intro=module_intro, owner=editor)
    course.add_child(instance=module)
    module.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
    for lesson_slug, title, summary, body in spec["lessons"]:
        lesson = LessonPage(title=title, slug=lesson_slug, summary=summary, estimated_minutes=10, owner=editor)
        lesson.body = stream_build(LessonPage, "body", [{"type": kind, "value": value} for kind, value in body])
        module.add_child(instance=lesson)
        lesson.save_revision(user=run.editor, log_action=True).publish(user=run.editor)
    quiz_spec = spec["quiz"]
    quiz = QuizPage(title=quiz_spec["title"], slug=quiz_spec["slug"], intro=quiz_spec["intro"], pass_mark=quiz_spec["pass_mark"],
                    max_attempts=quiz_spec["max_attempts"], multiple_choice_scoring=quiz_spec["scoring"],
                    estimated_minutes=10, owner=editor)
    quiz.questions = stream_build(QuizPage, "questions", [{"type": kind, "value": value} for kind, value in quiz_spec["questions"]])
    module.add_child(instance=quiz)
    quiz.save_revision(user=run.editor, log_action=True).publish(user=run.editor)

    course.save_revision(user=editor, log_action=True)
    workflow = Workflow.objects.get(name=services.REVIEW_WORKFLOW)
    state = workflow.start(course, editor)
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS).specific
    task_state.task.specific.on_action(task_state, run.editor, "approve", comment=REVIEW_COMMENT)
    run.added(f"course {spec['title']!r}, submitted by {editor.email} and approved in 'Partner review'")
