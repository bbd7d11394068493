"""Full-page screenshots of each page type of the demo in one language, on a phone and a desktop.

    .venv/bin/python scripts/screenshots.py --language ar --out var/screenshots/ar
    make screenshots LANGUAGE=ar

Needs the demo database (`make setup`). The site is served by gunicorn with the production
settings, as `make run` serves it (DEBUG off: the site's own 404 page, compressed static files),
on a free port of 127.0.0.1, started and stopped with scripts/bench.py's helpers, after the
background tasks the demo load queued have run (`make run`'s task worker would run them). Debian's
Chromium (/usr/bin/chromium) opens each page at 412 px (a phone) and 1280 px wide, first
anonymously, then signed in as the demo learner, and writes `NN-<page type>-<phone|desktop>.png`
and an index.html listing them into --out. A page type the language has no translation of is
shown through the English fallback (the page with its note), as a visitor would see it.
"""

import argparse
import html
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench import VAR, free_port, start_gunicorn, stop_gunicorn, wait_healthy

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
LEARNER = "learner@example.org"
VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 800}}
# Page types in the order a visitor meets them: (name, app label, model).
PAGE_TYPES = [
    ("home", "home", "HomePage"),
    ("standard-page", "home", "StandardPage"),
    ("catalog", "courses", "CourseIndexPage"),
    ("course", "courses", "CoursePage"),
    ("programs", "courses", "ProgramIndexPage"),
    ("program", "courses", "TrainingProgramPage"),
    ("library", "library", "LibraryIndexPage"),
    ("resource", "library", "ResourcePage"),
    ("partners", "partners", "PartnerIndexPage"),
    ("partner", "partners", "PartnerPage"),
]
SIGNED_IN_TYPES = [("lesson", "courses", "LessonPage"), ("quiz", "assessments", "QuizPage")]


@dataclass
class Shot:
    name: str
    path: str  # the address under the site, language prefix included
    signed_in: bool = False


def environment_prepare() -> None:
    """The settings `make run` gives (the keys `make setup` wrote into var/), unless already set."""
    for name, file in [("SECRET_KEY", "secret_key"), ("CERTIFICATE_SIGNING_KEYS", "certificate_key")]:
        if name not in os.environ:
            if not (VAR / file).exists():
                raise SystemExit(f"var/{file} is missing: run `make setup` first (it also loads the demo).")
            os.environ[name] = (VAR / file).read_text().strip()
    os.environ.setdefault("ADMIN_REQUIRE_MFA", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingsite.settings")


def shots_list(language: str) -> list[Shot]:
    """The demo's addresses to photograph in `language`: one public page per page type, then the rest."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.apps import apps
    from wagtail.models import Locale, Page

    from assessments.models import QuizAttempt
    from courses.models import Enrollment

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        known = list(Locale.objects.values_list("language_code", flat=True))
        raise SystemExit(f"The demo has no {language!r} locale; it has {known}. Run `make setup`.")
    default = Locale.get_default()

    enrolled = Page.objects.filter(
        translation_key__in=Enrollment.objects.filter(user__email=LEARNER, left_at__isnull=True).values("course_key")
    )

    def first_page(app, model, *, signed_in=False):
        """The first live page of the type in the language, else the English one (its fallback).

        Signed-in types (lessons, quizzes) are taken from a course the demo learner is enrolled in.
        """
        pages = apps.get_model(app, model).objects.live().order_by("path")
        if signed_in:
            courses = list(enrolled.filter(locale=locale)) or list(enrolled.filter(locale=default))
            pages = pages.filter(translation_key__in=[p.translation_key for c in courses for p in c.get_descendants()])
        else:
            pages = pages.public()
        page = pages.filter(locale=locale).first() or pages.filter(locale=default).first()
        if page is None:
            return None
        url = page.get_url()
        return url if page.locale_id == locale.id else f"/{language}{url}"

    def add(name, app, model, signed_in=False):
        url = first_page(app, model, signed_in=signed_in)
        if url:
            shots.append(Shot(name, url, signed_in))

    shots = []
    for name, app, model in PAGE_TYPES:
        add(name, app, model)
    untranslated = (
        Page.objects.live()
        .public()
        .type(apps.get_model("courses", "CoursePage"))
        .filter(locale=default)
        .exclude(translation_key__in=Page.objects.filter(locale=locale).values("translation_key"))
        .order_by("path")
        .first()
    )
    if untranslated:
        shots.append(Shot("fallback-course", f"/{language}{untranslated.get_url()}"))
    shots += [
        Shot("search-results", f"/{language}/search/?q={first_word(locale)}"),
        Shot("sign-in", f"/{language}/accounts/login/"),
        Shot("sign-up", f"/{language}/accounts/signup/"),
        Shot("not-found", f"/{language}/no-such-page/"),
    ]
    for name, app, model in SIGNED_IN_TYPES:
        add(name, app, model, signed_in=True)
    attempt = QuizAttempt.objects.filter(user__email=LEARNER).order_by("-pk").first()
    if attempt:
        shots.append(Shot("quiz-result", f"/{language}/learning/quizzes/attempts/{attempt.pk}/", True))
    shots += [
        Shot("dashboard", f"/{language}/learning/", True),
        Shot("profile", f"/{language}/accounts/me/", True),
    ]
    return shots


def first_word(locale) -> str:
    """A word from the title of a course in the language (what a visitor might search for)."""
    from courses.models import CoursePage

    course = CoursePage.objects.live().filter(locale=locale).first() or CoursePage.objects.live().first()
    return max(course.title.split(), key=len) if course else "course"


def index_write(out: Path, language: str, files: list[tuple[Shot, str, str]]) -> None:
    rows = []
    for shot, viewport, file in files:
        name = html.escape(file)
        width = 320 if viewport == "phone" else 640
        rows.append(
            f'<li><figure><a href="{name}"><img src="{name}" alt="" loading="lazy" width="{width}"></a>'
            f"<figcaption>{html.escape(shot.name)}, {viewport}: <code>{html.escape(shot.path)}</code>"
            "</figcaption></figure></li>"
        )
    items = "\n".join(rows)
    (out / "index.html").write_text(
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Screenshots: {language}</title></head>\n'
        f"<body><h1>Screenshots of the demo in {language} ({len(files)})</h1>\n<ul>\n{items}\n</ul></body></html>\n",
        encoding="utf-8",
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", default="ar", help="a content locale of the demo (default ar)")
    parser.add_argument("--out", type=Path, help="the folder for the PNGs (default var/screenshots/<language>)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)
    out = args.out or VAR / "screenshots" / args.language
    out.mkdir(parents=True, exist_ok=True)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Debian's chromium is missing at {CHROMIUM}: apt-get install chromium (make chromium).")
    environment_prepare()
    shots = shots_list(args.language)
    password = json.loads((VAR / "demo-logins.json").read_text())[LEARNER]["password"]

    from playwright.sync_api import sync_playwright

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwind to stop gunicorn
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # `make run` starts the task worker beside gunicorn; the demo load queued work for it (among
    # others, Wagtail's reference index, without which no image counts as published and every
    # demo image is a 404). Run what is queued first, as that worker would.
    print("Running the queued background tasks (manage.py db_worker --batch) ...")
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--verbosity", "0"],
        cwd=ROOT,
        check=True,
    )
    print(f"Starting gunicorn at {base}/ (log: var/bench-gunicorn.log) ...")
    server = start_gunicorn(port, args.workers, 2)
    files = []
    try:
        wait_healthy(base, server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            for viewport, size in VIEWPORTS.items():
                context = browser.new_context(viewport=size, locale=args.language)
                page = context.new_page()
                signed_in = False
                for number, shot in enumerate(shots, start=1):
                    if shot.signed_in and not signed_in:
                        page.goto(f"{base}/{args.language}/accounts/login/")
                        page.locator("input[name=login]").fill(LEARNER)
                        page.locator("input[name=password]").fill(password)
                        with page.expect_navigation():
                            page.locator("input[name=password]").press("Enter")
                        signed_in = True
                    response = page.goto(base + shot.path)
                    file = f"{number:02d}-{shot.name}-{viewport}.png"
                    page.screenshot(path=str(out / file), full_page=True)
                    files.append((shot, viewport, file))
                    print(f"{response.status}  {file}  {shot.path}")
                context.close()
            browser.close()
    finally:
        stop_gunicorn(server)
    files.sort(key=lambda item: item[2])
    index_write(out, args.language, files)
    print(f"{len(files)} screenshots and index.html in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
