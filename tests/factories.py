"""Test data builders with unique defaults: make_learner(), give_totp(), make_home(), make_standard_page()."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage

_seq = itertools.count(1)
PASSWORD = "a-long-test-passphrase-42"


def make_learner(*, email=None, password=PASSWORD, verified=True, **extra):
    """A learner who can log in with `password` (email verified unless told otherwise)."""
    n = next(_seq)
    user = get_user_model().objects.create_user(email=email or f"learner{n}@example.org", password=password, **extra)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


def give_totp(user):
    """Turn on two-factor authentication (an authenticator app) for `user`; returns the TOTP secret.

    Staff and anyone with Wagtail admin access are sent from /admin/ to the 2FA setup page
    while they have no active TOTP authenticator (accounts.middleware, ADMIN_REQUIRE_MFA is
    on in tests too). Call this on such a user before `client.force_login(user)` and
    `client.get("/admin/...")`. It creates allauth's real Authenticator row with a random
    secret, as activating it through the site would. A test that logs in through the
    login form must then also pass the code: `totp_code(secret)`.
    """
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret):
    """The current six-digit code of the authenticator app holding `secret`."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def site_root():
    """The tree's root, created if a transactional test flushed it away."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return root


def root_collection():
    """The root collection, created if a transactional test flushed it away (a migration made it)."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_home(**fields):
    """A published HomePage that is the default site's root (replacing Wagtail's welcome page)."""
    n = next(_seq)
    root = site_root()
    home = HomePage(
        title=fields.pop("title", "Home"),
        slug=fields.pop("slug", f"home-{n}"),
        hero_title=fields.pop("hero_title", "Learn what your business needs next"),
        **fields,
    )
    root.add_child(instance=home)
    publish(home)
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="SME Academy")
    return home


def make_standard_page(parent, **fields):
    n = next(_seq)
    page = StandardPage(
        title=fields.pop("title", f"Page {n}"),
        slug=fields.pop("slug", f"page-{n}"),
        intro=fields.pop("intro", "An introduction."),
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


def make_course_index(home):
    from courses.models import CourseIndexPage

    index = CourseIndexPage(title="Courses", slug=f"courses-{next(_seq)}", intro="All our courses.")
    home.add_child(instance=index)
    return publish(index)


def make_course(parent, *, lessons=3, modules=1, title=None, **fields):
    """A published course under `parent` with `lessons` lessons spread over `modules` modules."""
    from courses.models import CoursePage, ModulePage

    n = next(_seq)
    course = CoursePage(
        title=title or f"Course {n}",
        slug=fields.pop("slug", f"course-{n}"),
        summary=fields.pop("summary", "What this course teaches."),
        estimated_hours=fields.pop("estimated_hours", 1),
        **fields,
    )
    parent.add_child(instance=course)
    publish(course)
    module_pages = []
    for m in range(modules):
        module = ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
        course.add_child(instance=module)
        module_pages.append(publish(module))
    for i in range(lessons):
        make_lesson(module_pages[i * modules // max(lessons, 1)], title=f"Lesson {i + 1} of {course.title}")
    return course


def make_lesson(module, *, title=None, **fields):
    from courses.models import LessonPage

    n = next(_seq)
    lesson = LessonPage(
        title=title or f"Lesson {n}",
        slug=fields.pop("slug", f"lesson-{n}"),
        summary=fields.pop("summary", "A short lesson."),
        body=fields.pop("body", [("paragraph", "<p>Write down every sale today.</p>")]),
        **fields,
    )
    module.add_child(instance=lesson)
    return publish(lesson)


def course_lessons(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def make_image(title=None, color=(11, 93, 75)):
    """A small real PNG as a Wagtail image."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    n = next(_seq)
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), color).save(buffer, "PNG")
    root_collection()
    return get_image_model().objects.create(title=title or f"Image {n}", file=ImageFile(buffer, name=f"test-{n}.png"))


def make_quiz(module, *, questions, **fields):
    """A published quiz with raw questions (see tests/assessments/questions.py)."""
    from assessments.models import QuizPage

    n = next(_seq)
    quiz = QuizPage(
        title=fields.pop("title", f"Quiz {n}"),
        slug=fields.pop("slug", f"quiz-{n}"),
        intro=fields.pop("intro", "Check what you learned."),
        questions=questions,
        **fields,
    )
    module.add_child(instance=quiz)
    return publish(quiz)
