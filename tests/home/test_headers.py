"""Every URL family answers with a Content-Security-Policy and a Permissions-Policy (issue 12)."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from assessments.models import QuizPage
from courses.blocks import video_embed_url
from courses.models import CourseIndexPage, CoursePage, LessonPage, ProgramIndexPage, TrainingProgramPage
from courses.services import enrollment_create, lesson_course_get
from home.models import HomePage, StandardPage
from library.models import LibraryIndexPage, ResourceAttachment, ResourcePage
from partners.models import PartnerIndexPage, PartnerPage
from tests.builders import make_admin_user, make_learner

pytestmark = pytest.mark.django_db

PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
# What a public HTML page must never hold under the strict policy.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def policy_kind(header):
    """'public', 'admin', 'none' (a file: default-src 'none') or what is wrong with the policy."""
    if not header:
        return "MISSING"
    policy = directives(header)
    sources = [source for values in policy.values() for source in values]
    if policy.get("default-src") == ["'none'"] and set(policy) <= {"default-src", "sandbox"}:
        return "none"
    third_party = [s for s in sources if s.startswith(("http:", "https:", "*")) or s in ("http:", "https:")]
    if policy.get("frame-ancestors") == ["'self'"]:
        return "admin" if not third_party and "'unsafe-eval'" not in sources else f"LOOSE admin: {header}"
    strict = (
        policy.get("default-src") == ["'self'"]
        and policy.get("object-src") == ["'none'"]
        and policy.get("frame-ancestors") == ["'none'"]
        and policy.get("base-uri") == ["'self'"]
        and policy.get("form-action") == ["'self'"]
        and policy.get("style-src") == ["'self'"]
        and [s for s in policy.get("script-src", []) if not s.startswith("'nonce-")] == ["'self'"]
        and "'unsafe-inline'" not in sources
        and set(third_party) <= set(settings.VIDEO_EMBED_ORIGINS)
        and all(s not in settings.VIDEO_EMBED_ORIGINS for k, v in policy.items() if k != "frame-src" for s in v)
    )
    return "public" if strict else f"LOOSE public: {header}"


def inline_code(response):
    """Inline scripts, on*= handlers and style= attributes in an HTML response."""
    if "text/html" not in response.get("Content-Type", "") or response.streaming:
        return []
    html = response.content.decode()
    return [
        m.group(0)[:80] for pattern in (INLINE_SCRIPT, INLINE_HANDLER, STYLE_ATTRIBUTE) for m in pattern.finditer(html)
    ]


@pytest.fixture
def demo(tmp_path):
    call_command(
        "load_demo_content", logins_file=str(tmp_path / "logins.json"), languages=("fr",), stdout=open("/dev/null", "w")
    )


@pytest.fixture
def learner():
    return make_learner(email="header.learner@example.org")


@pytest.fixture
def learner_client(learner):
    client = Client()
    client.force_login(learner)
    return client


@pytest.fixture
def admin_client():
    admin = make_admin_user(email="header.editor@example.org", superuser=True)
    client = Client()
    client.force_login(admin)
    return client


def test_every_url_family_sends_its_content_security_policy_and_a_permissions_policy(
    demo, client, learner, learner_client, admin_client
):
    resource = ResourcePage.objects.live().filter(attachments__isnull=False).first()
    attachment = ResourceAttachment.objects.filter(page=resource).first()
    library = LibraryIndexPage.objects.live().first()
    document = get_document_model().objects.first()
    image = get_image_model().objects.first()
    lesson_with_video = next(p for p in LessonPage.objects.live() if p.body.first_block_by_name("video"))
    quiz = QuizPage.objects.live().first()
    for page in (lesson_with_video, quiz):
        enrollment_create(user=learner, course=lesson_course_get(page))
    rendition = image.get_rendition("width-400")
    anonymous, enrolled, editor = client, learner_client, admin_client
    families = [
        ("home", anonymous, HomePage.objects.live().first().url, "public"),
        ("home (French)", anonymous, "/fr/", "public"),
        ("standard page", anonymous, StandardPage.objects.live().first().url, "public"),
        ("course index", anonymous, CourseIndexPage.objects.live().first().url, "public"),
        ("course", anonymous, CoursePage.objects.live().first().url, "public"),
        ("lesson (with a video)", enrolled, lesson_with_video.url, "public"),
        ("quiz", enrolled, quiz.url, "public"),
        ("program index", anonymous, ProgramIndexPage.objects.live().first().url, "public"),
        ("program", anonymous, TrainingProgramPage.objects.live().first().url, "public"),
        ("library", anonymous, library.url, "public"),
        ("resource", anonymous, resource.url, "public"),
        ("partner index", anonymous, PartnerIndexPage.objects.live().first().url, "public"),
        ("partner", anonymous, PartnerPage.objects.live().first().url, "public"),
        ("search", anonymous, "/search/?q=export", "public"),
        ("sitemap", anonymous, "/sitemap.xml", "public"),
        ("RSS feed", anonymous, f"/library/{library.pk}/feed/rss/", "public"),
        ("Atom feed", anonymous, f"/library/{library.pk}/feed/atom/", "public"),
        ("login", anonymous, "/accounts/login/", "public"),
        ("signup", anonymous, "/accounts/signup/", "public"),
        ("me (anonymous: redirect)", anonymous, "/accounts/me/", "public"),
        ("me", enrolled, "/accounts/me/", "public"),
        ("2FA setup (QR code)", enrolled, "/accounts/2fa/", "public"),
        ("dashboard", enrolled, "/learning/", "public"),
        (
            "library document download",
            anonymous,
            f"/library/resources/{resource.pk}/documents/{attachment.pk}/",
            "none",
        ),
        ("Wagtail document serve", anonymous, document.url, "none"),
        ("uploaded image", anonymous, urlsplit(rendition.url).path, "none"),
        ("static file", anonymous, "/static/css/site.css", "public"),
        ("404", anonymous, "/no-such-page/", "public"),
        ("API (not installed: 404)", anonymous, "/api/v2/pages/", "public"),
        ("admin (anonymous: login redirect)", anonymous, "/admin/", "admin"),
        ("admin dashboard", editor, "/admin/", "admin"),
        ("admin page edit", editor, f"/admin/pages/{resource.pk}/edit/", "admin"),
        ("admin image chooser", editor, "/admin/images/chooser/", "admin"),
    ]

    rows, problems = [], []
    for family, browser, url, expected in families:
        response = browser.get(url)
        csp = response.get("Content-Security-Policy", "")
        kind = policy_kind(csp)
        permissions = response.get("Permissions-Policy") == PERMISSIONS_POLICY
        others = (
            response.get("X-Content-Type-Options") == "nosniff"
            and response.get("Referrer-Policy") == "same-origin"
            and response.get("Cross-Origin-Opener-Policy") == "same-origin"
        )
        inline = inline_code(response) if expected == "public" else []
        rows.append((family, url, response.status_code, kind.split(":")[0], permissions, others))
        if response.status_code >= 500 or kind != expected or not permissions or not others or inline:
            problems.append((family, url, response.status_code, kind, permissions, others, inline))

    table = [f"{'URL family':36} {'status':6} {'CSP':8} {'Permissions-Policy':18} nosniff/referrer/COOP"]
    table += [f"{f:36} {s:<6} {k:8} {'yes' if p else 'NO':18} {'yes' if o else 'NO'}" for f, _, s, k, p, o in rows]
    print("\n" + "\n".join(table))
    assert problems == []

    # The one script on a public page is the site's own file, which script-src 'self' allows: it
    # needs no nonce, so the lesson is the same bytes on every hit and is kept gzipped (issue 16).
    response = enrolled.get(lesson_with_video.url)
    assert '<script src="/static/courses/js/video.js" defer></script>' in response.content.decode()
    assert "'nonce-" not in response["Content-Security-Policy"]


def test_the_video_players_the_lessons_embed_are_the_only_framed_origins():
    """settings.VIDEO_EMBED_ORIGINS follows courses.blocks.video_embed_url."""
    origins = {
        "{0.scheme}://{0.netloc}".format(urlsplit(video_embed_url(url)))
        for url in ("https://www.youtube.com/watch?v=Q4kVwF0cA1s", "https://vimeo.com/76979871")
    }
    assert (
        origins == set(settings.VIDEO_EMBED_ORIGINS) == set(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"])
    )


@pytest.mark.parametrize(
    ("site_url", "upgraded"), [("https://learn.example.org", True), ("http://127.0.0.1:8000", False)]
)
def test_insecure_requests_are_upgraded_only_when_the_site_is_on_https(site_url, upgraded):
    from tests.test_settings_env import PRODUCTION_ENV, run_python

    code = (
        "import django; django.setup(); from csp.utils import build_policy; from django.conf import settings as s; "
        "from csp.utils import default_config; print(build_policy()); "
        "print(build_policy(config=default_config(s.CONTENT_SECURITY_POLICY_ADMIN['DIRECTIVES'])))"
    )
    result = run_python(code, **{**PRODUCTION_ENV, "SITE_URL": site_url, "ALLOWED_HOSTS": "*"})
    public, admin = result.stdout.splitlines()
    assert ("upgrade-insecure-requests" in public) is upgraded
    assert ("upgrade-insecure-requests" in admin) is upgraded
