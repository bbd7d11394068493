"""Every page type is valid HTML in every interface language, signed out and signed in (issue 12).

The pages are fetched with the test client, written to a temporary folder and checked in one
run of the W3C Nu HTML Checker (npm's vnu-jar, on Debian's default-jre-headless; `make test`
installs both). Without Java or vnu.jar this test fails: it is never skipped.
"""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from accounts import services as account_services
from assessments.models import QuizAttempt
from certificates.models import Certificate
from courses import services as course_services
from home.models import FooterText, MenuPlace, NavigationMenu
from library.models import ResourcePage
from taxonomy.models import BusinessStage, Sector, Topic
from tests.builders import (
    PASSWORD,
    course_lessons,
    give_totp,
    make_certificate,
    make_course,
    make_course_index,
    make_learner,
    make_library,
    make_news,
    make_news_index,
    make_partner,
    make_program,
    make_program_index,
    make_project,
    make_project_index,
    make_quiz,
    make_resource,
    make_standard_page,
    option_ids,
    publish,
    q_multiple,
    q_numeric,
    q_single,
    q_true_false,
    root_collection,
    totp_code,
)

pytestmark = [pytest.mark.django_db, pytest.mark.html]

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SEARCH_WORD = "ledger"
UNKNOWN_CERTIFICATE = "/verify/no-such-certificate/"  # answers 404, with a page


def _rich(text):
    return (
        f'<p>{text} <b>bold</b>, <i>italic</i> and <a href="https://example.org/">a link</a>.</p>'
        "<ul><li>One</li><li>Two</li></ul>"
    )


def _photo():
    """A photo-sized image: wide enough for each width of a srcset to be its own rendition.

    (An original under 480 px wide gives srcset_image two renditions of the same width, which
    the checker rejects: a known limit of the course and program covers, left for later.)
    """
    root_collection()
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), (11, 93, 75)).save(buffer, "PNG")
    return get_image_model().objects.create(title="Workshop", file=ImageFile(buffer, name="workshop.png"))


def _content_stream(image, page):
    link = {"page": page, "url": "", "label": ""}
    return [
        ("heading", {"text": "A heading", "level": "h2"}),
        ("paragraph", _rich(f"Keep a {SEARCH_WORD} of every sale")),
        ("image", {"image": {"image": image, "alt_text": "", "decorative": True}, "caption": "A picture."}),
        ("callout", {"kind": "tip", "title": "Tip", "text": _rich("Count cash daily")}),
        ("quote", {"quote": "Write it down.", "attribution": "A baker"}),
        ("call_to_action", {"title": "Start now", "text": "It is free.", "link": link}),
    ]


def _build_site(home):
    """Demo-like content with every page type, block type and picture slot filled."""
    image = _photo()
    Topic.objects.create(name="Pricing", slug="pricing")
    Sector.objects.create(name="Food", slug="food")
    BusinessStage.objects.create(name="Idea", slug="idea")

    about = make_standard_page(home, title="About us", slug="about", image=image)
    about.body = _content_stream(image, home)
    publish(about)

    courses = make_course_index(home)
    document = get_document_model().objects.create(
        title="Cash book", file=ContentFile(b"date,amount\n", name="cash.csv")
    )
    enrolled = make_course(courses, lessons=2, modules=2, title="Keep simple books", cover_image=image)
    enrolled.outcomes = [("outcome", "Keep a cash book"), ("outcome", "Read a profit")]
    enrolled.audience = "Shop owners."
    publish(enrolled)
    locked = make_course(courses, lessons=2, title="Price your products", cover_image=image)
    lessons = course_lessons(enrolled)

    know_how = make_library(home, kind_group="know_how", title="Know-how")
    best = make_library(home, kind_group="best_practices", title="Best practices")
    guide = make_resource(
        know_how,
        title=f"A {SEARCH_WORD} guide",
        topics=Topic.objects.all(),
        sectors=Sector.objects.all(),
        stages=BusinessStage.objects.all(),
        image=image,
        country="KE",
        region="africa",
        body=_content_stream(image, home),
    )
    case = make_resource(
        best,
        title="Bakery takes orders by chat",
        kind="case_study",
        image=image,
        company_size="micro",
        challenge="Lost orders.",
        actions="Took orders by chat.",
        results="More sales.",
        country="MA",
    )
    ResourcePage.objects.get(pk=case.pk).related_resources.set([guide])
    partner = make_partner(
        home,
        title="Riverbend University",
        city="Nairobi",
        country="KE",
        intro="A partner.",
        description=_rich("Research"),
        website="https://example.org/",
        contact_email="a@example.org",
    )
    make_resource(partner, title="Design lab", kind="tech_transfer", image=image)
    make_course(partner, lessons=1, title="Plan a week")
    news_index = make_news_index(home, slug="news")
    programmes = make_project_index(home, slug="programmes")
    project = make_project(
        programmes,
        title="Georgia SME programme",
        countries=["GE", "TR"],
        region="central_asia",
        funder="An EU facility",
        end_date=timezone.now().date().replace(year=2030),
        goals=_rich("Grow"),
        results=_content_stream(image, home)[:2],
        image=image,
        topics=Topic.objects.all(),
        partners=[partner],
        courses=[enrolled],
        resources=[guide],
    )
    news = make_news(
        news_index,
        title="Forum report",
        kind="insight",
        author="Research team",
        image=image,
        original_name="Trade review",
        original_url="https://example.org/review",
        countries=["GE"],
        topics=Topic.objects.all(),
        projects=[project],
    )
    make_news(partner, title="Riverbend news", topics=Topic.objects.all(), projects=[project])

    lessons[0].body = [
        *_content_stream(image, home)[:5],
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                "title": "A video",
                "duration": "4:30",
                "transcript": _rich("What is said"),
            },
        ),
        ("download", {"document": document, "title": "", "description": "A template."}),
        ("takeaways", {"title": "Remember", "points": ["One", "Two"]}),
        ("resource", {"page": guide, "description": "Read this next."}),
    ]
    publish(lessons[0])
    module = lessons[-1].get_parent()
    questions = [q_single(), q_multiple(), q_true_false(is_true=True), q_numeric()]
    attempted = make_quiz(module, questions=questions, title="Books quiz")
    fresh = make_quiz(module, questions=[q_single()], title="Second quiz")

    programs = make_program_index(home, slug="programs", intro="Paths through the courses.")
    program = make_program(
        programs,
        courses=[enrolled, locked],
        title="Start your business",
        slug="start",
        intro="From idea to first sale.",
        audience="Founders.",
        outcomes=_rich("Sell"),
        image=image,
    )

    home.hero_image = image
    home.hero_text = "Short courses for small firms."
    home.hero_link = courses
    home.hero_link_label = "See the courses"
    home.body = [
        (
            "featured_pages",
            {
                "heading": "Start here",
                "intro": "Pick one.",
                "pages": [about, enrolled, guide, program],
                "more_link": {"page": courses, "url": "", "label": ""},
            },
        ),
        (
            "partners",
            {
                "heading": "Partners",
                "intro": "",
                "partners": [
                    {"name": "Riverbend", "logo": image, "link": {"page": partner, "url": "", "label": ""}},
                    {
                        "name": "Savanna",
                        "logo": None,
                        "link": {"page": None, "url": "https://example.org/", "label": ""},
                    },
                ],
            },
        ),
        (
            "call_to_action",
            {"title": "Join", "text": "", "link": {"page": None, "url": "https://example.org/", "label": "Go"}},
        ),
        ("paragraph", _rich("Welcome")),
    ]
    publish(home)
    NavigationMenu.objects.create(
        place=MenuPlace.MAIN,
        items=[
            ("link", {"page": p, "url": "", "label": ""})
            for p in (courses, programs, know_how, best, partner.get_parent())
        ],
    )
    NavigationMenu.objects.create(place=MenuPlace.FOOTER, items=[("link", {"page": about, "url": "", "label": ""})])
    FooterText.objects.create(body="<p>Run by the SME Organisation.</p>")

    # Verification pages (signed out): a valid and a revoked certificate of another learner.
    holder = make_learner()
    valid = make_certificate(holder, course=enrolled, recipient_name="Nino Beridze", outcomes=["Keep a cash book"])
    revoked = make_certificate(holder, course=locked, revoked_at=valid.issued_at, revocation_reason="Test")

    return {
        "certificate_paths": [
            reverse("certificates:verify_lookup"),
            reverse("certificates:verify_lookup") + "?id=+",
            reverse("certificates:verify", args=[valid.public_id]),
            reverse("certificates:verify", args=[revoked.public_id]),
        ],
        "pages": [
            home,
            about,
            courses,
            enrolled,
            locked,
            lessons[0],
            lessons[-1],
            course_lessons(locked)[-1],
            attempted,
            fresh,
            programs,
            program,
            know_how,
            best,
            guide,
            case,
            partner.get_parent(),
            partner,
            news_index,
            news,
            programmes,
            project,
        ],
        "enrolled": enrolled,
        "attempted": attempted,
        "questions": questions,
    }


def _languages():
    return ["" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _name in settings.LANGUAGES]


def _save(response, url, out_dir, written):
    target = out_dir / f"page-{len(written):04d}.html"
    target.write_bytes(response.content)
    chain = getattr(response, "redirect_chain", None)
    written.append((target, f"{url} -> {chain[-1][0]}" if chain else url))


def _sign_in(client, site, out_dir, written):
    """A learner with 2FA signs in through the forms (the code prompt is checked in each language),
    confirms access, is enrolled in one course and has one graded quiz attempt; returns the attempt."""
    learner = make_learner(first_name="Amina", last_name="Okafor")
    secret = give_totp(learner)
    RecoveryCodes.activate(learner)
    course_services.enrollment_create(user=learner, course=site["enrolled"])
    with translation.override(settings.LANGUAGE_CODE):
        login = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
        assert login.status_code == 302
        for prefix in _languages():
            response = client.get(prefix + login["Location"])
            assert b'name="code"' in response.content, prefix + login["Location"]
            _save(response, prefix + login["Location"], out_dir, written)
        signed_in = client.post(login["Location"], {"code": totp_code(secret)})
        assert signed_in.status_code == 302 and client.session.get("_auth_user_id") == str(learner.pk)
        # Confirm access once, so that the 2FA and deletion pages show themselves, not the prompt.
        confirmed = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        assert confirmed.status_code == 302

    single, multiple, true_false, numeric = site["questions"]
    response = client.post(
        reverse("assessments:submit", args=[site["attempted"].pk]),
        {
            f"q-{single['id']}": option_ids(single, False)[:1],
            f"q-{multiple['id']}": option_ids(multiple, True),
            f"q-{true_false['id']}": ["true"],
            f"q-{numeric['id']}": ["1160"],
            "attempt": ["1"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return QuizAttempt.objects.get(user=learner)


def _own_certificate_paths(learner, course):
    """The signed-in learner's certificate pages: one replaced (linking to its reissue), one offering a reissue."""
    account_services.profile_update(user=learner, data={"certificate_name": "Amina Nkechi Okafor"})
    old = make_certificate(learner, course=course, recipient_name="Amina Okafor", replaced_at=timezone.now())
    new = make_certificate(learner, course=course, recipient_name="Amina N. Okafor", outcomes=["Read a profit"])
    Certificate.objects.filter(pk=old.pk).update(replaced_by=new)
    return [reverse("certificates:detail", args=[c.public_id]) for c in (old, new)]


def _totp_setup_pages(out_dir, written):
    """The authenticator-app setup page (QR code and code field) of a learner without 2FA, in each language."""
    client = Client()
    client.force_login(make_learner())
    with translation.override(settings.LANGUAGE_CODE):
        assert client.post(reverse("account_reauthenticate"), {"password": PASSWORD}).status_code == 302
        path = reverse("mfa_activate_totp")
    for prefix in _languages():
        response = client.get(prefix + path)
        assert response.status_code == 200 and b'name="code"' in response.content, prefix + path
        _save(response, prefix + path, out_dir, written)


def _password_reset_step(client):
    """The path of the page that asks for the emailed password-reset code."""
    with translation.override(settings.LANGUAGE_CODE):
        reset = client.post(reverse("account_reset_password"), {"email": make_learner().email})
    assert reset.status_code == 302
    return reset["Location"]


SIGNED_OUT_URLS = ["account_login", "account_signup", "account_reset_password", "account_request_login_code"]
SIGNED_IN_URLS = [
    "home:dashboard",
    "accounts:account",
    "accounts:profile_complete",
    "accounts:delete",
    "nudges:settings",
    "account_email",
    "account_change_password",
    "account_reauthenticate",
    "account_logout",
    "mfa_index",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_generate_recovery_codes",
    "mfa_view_recovery_codes",
    "usersessions_list",
]


def _paths(site, names):
    """The default language's paths (reverse() would otherwise use the last request's language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _default_paths(site, names)


def _default_paths(site, names):
    paths = [page.url for page in site["pages"]]
    paths += [reverse(name) for name in names]
    paths += site.get("certificate_paths", [])
    paths += [
        reverse("search:search") + f"?q={SEARCH_WORD}",
        reverse("search:search") + "?q=zzzqqq",
        reverse("search:search"),
        "/no-such-page/",
        UNKNOWN_CERTIFICATE,
    ]
    return paths + site.get("extra_paths", [])


def _fetch_all(client, site, names, out_dir, written):
    """Each path in each language, saved to out_dir; `written` gets (file, url) of each page."""
    paths = _paths(site, names)
    for prefix in _languages():
        for path in paths:
            url = prefix + path
            response = client.get(url, follow=True)
            # Locked lessons and quizzes answer 403, with a page; only the unknown addresses are 404s.
            not_found = path in ("/no-such-page/", UNKNOWN_CERTIFICATE)
            assert response.status_code in (200, 403) or not_found, f"{url}: {response.status_code}"
            assert response["Content-Type"].startswith("text/html"), url
            _save(response, url, out_dir, written)


def _vnu(files):
    """The Nu checker's messages for `files`, in one Java run."""
    java = shutil.which("java")
    assert java, "Java is missing: install Debian's default-jre-headless (make test does)."
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run npm ci (make test does)."
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except ValueError:
        pytest.fail(f"vnu.jar did not report in JSON (exit {result.returncode}):\n{result.stderr[:2000]}")


def test_every_page_is_valid_html_in_every_language(client, home, tmp_path, settings):
    # Fetching every page in every language takes minutes on a busy machine: keep the sign-in
    # recent enough for the 2FA pages, which would otherwise ask to confirm access again.
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 3600
    site = _build_site(home)
    pages = []
    site["extra_paths"] = [_password_reset_step(client)]
    _fetch_all(client, site, SIGNED_OUT_URLS, tmp_path, pages)

    attempt = _sign_in(client, site, tmp_path, pages)
    with translation.override(settings.LANGUAGE_CODE):
        site["extra_paths"] = [reverse("assessments:attempt", args=[attempt.pk])]
        site["extra_paths"] += _own_certificate_paths(attempt.user, site["enrolled"])
    _fetch_all(client, site, SIGNED_IN_URLS, tmp_path, pages)
    _totp_setup_pages(tmp_path, pages)

    by_file = {path.name: url for path, url in pages}
    messages = _vnu([path for path, _url in pages])
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    report = [
        f"{by_file.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))}: "
        f"{m['message']}  [{m.get('extract', '').strip()}]"
        for m in errors
    ]
    print(f"{len(pages)} pages checked, {len(errors)} errors")
    assert not errors, (
        f"{len(errors)} errors in {len({m.get('url') for m in errors})} of {len(pages)} pages:\n" + "\n".join(report)
    )
