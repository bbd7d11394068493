"""200 learners at once: enrol, finish every lesson, open the dashboard; then count their records.

    .venv/bin/python scripts/concurrency_bench.py --database-url postgres://postgres@127.0.0.1:55470/concurrency
    make bench-concurrency BENCH_CONCURRENCY_ARGS="--database-url postgres://..."

The database is the script's own (it migrates it and adds a course and the learners, each run
with new learners); gunicorn starts with production settings as `make bench` starts it (add
`--redis-url` to share the cache between workers as a deployment would). Every learner is a
thread with its own signed-in session that, after a common start signal, opens the course,
enrols, opens and marks as done each lesson (the first one twice, as a double tap), and opens
the dashboard. It prints requests/s, p50/p99 per kind of request and the errors, then checks
the database: one enrolment per learner, one completion per learner and lesson, every
enrolment complete. Timing never fails the run (machines are noisy); a lost or doubled record,
or any error answer, does (exit 1).
"""

import argparse
import json
import os
import re
import statistics
import sys
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'concurrency_bench.sqlite3'}")
    parser.add_argument("--redis-url", default="", help="Share cache and rate limits between workers (REDIS_URL).")
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--lessons", type=int, default=5)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=2)
    return parser.parse_args()


def setup(database_url: str, redis_url: str):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingsite.settings")
    os.environ.setdefault("SECRET_KEY", "concurrency-bench-only")
    os.environ["QUIZ_SUBMIT_RATE_LIMIT"] = "1000/m"
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def content_make(n_learners: int, n_lessons: int):
    """A course of n lessons under a home page, and n learners each with a session (no password)."""
    import logging

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail.models import Site

    from accounts.models import User
    from courses.models import CourseIndexPage, LessonPage
    from tests.builders import make_course, make_course_index, make_home

    logging.getLogger("wagtail").setLevel(logging.WARNING)  # not a "Page created" line per lesson
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site and site.root_page.depth == 2 else make_home()
    catalog = CourseIndexPage.objects.child_of(home).first() or make_course_index(home)
    run = uuid.uuid4().hex[:8]
    course = make_course(catalog, lessons=n_lessons, title=f"Concurrency run {run}", slug=f"concurrency-{run}")
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    users = User.objects.bulk_create(
        User(email=f"bench-{run}-{i:04d}@concurrency.example", password="!bench") for i in range(n_learners)
    )
    users = list(User.objects.filter(email__startswith=f"bench-{run}-").order_by("email"))
    cookies = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]  # as a sign-in would name it
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append({settings.SESSION_COOKIE_NAME: store.session_key})
    return course, lessons, users, cookies


class Learner(threading.Thread):
    def __init__(self, base, cookies, course, lessons, start, timings, errors):
        """course: (id, address); lessons: [(id, address)], read before the threads start (no queries here)."""
        super().__init__(daemon=True)
        import requests

        self.client = requests.Session()
        self.client.cookies.update(cookies)
        self.base, self.course, self.lessons = base, course, lessons
        self.start_signal, self.timings, self.errors = start, timings, errors

    def call(self, kind, method, path, **kwargs):
        began = time.perf_counter()
        try:
            response = self.client.request(method, self.base + path, timeout=120, allow_redirects=False, **kwargs)
        except Exception as error:  # noqa: BLE001 (a refused or timed-out request is a result to report)
            self.errors.append(f"{kind} {path}: {error!r}")
            return None
        self.timings[kind].append(time.perf_counter() - began)
        if response.status_code not in (200, 302):
            self.errors.append(f"{kind} {path}: {response.status_code}")
        return response

    def post(self, kind, path, page):
        token = TOKEN.search(page.text) if page is not None else None
        if token is None:
            self.errors.append(f"{kind} {path}: no CSRF token on the page before")
            return None
        return self.call(kind, "POST", path, data={"csrfmiddlewaretoken": token[1]}, headers={"Referer": page.url})

    def run(self):
        self.start_signal.wait()
        course_id, course_url = self.course
        page = self.call("course page", "GET", course_url)
        self.post("enrol (POST)", f"/learning/courses/{course_id}/enrol/", page)
        for number, (lesson_id, lesson_url) in enumerate(self.lessons):
            page = self.call("lesson page", "GET", lesson_url)
            self.post("mark as done (POST)", f"/learning/lessons/{lesson_id}/complete/", page)
            if number == 0:  # a double tap: the same completion again
                self.post("mark as done (POST)", f"/learning/lessons/{lesson_id}/complete/", page)
        self.call("dashboard", "GET", "/learning/")


def records_check(course, users, n_lessons) -> list[str]:
    from django.db.models import Count

    from courses.models import Enrollment, LessonCompletion

    problems = []
    enrollments = Enrollment.objects.filter(user__in=users, course_key=course.translation_key)
    per_user = enrollments.values("user").annotate(n=Count("id"))
    if enrollments.count() != len(users) or any(row["n"] != 1 for row in per_user):
        problems.append(f"{enrollments.count()} enrolments for {len(users)} learners")
    completions = LessonCompletion.objects.filter(enrollment__in=enrollments)
    if completions.count() != len(users) * n_lessons:
        problems.append(f"{completions.count()} completions, expected {len(users) * n_lessons}")
    doubled = completions.values("enrollment", "lesson_key").annotate(n=Count("id")).filter(n__gt=1).count()
    if doubled:
        problems.append(f"{doubled} completions counted twice")
    unfinished = enrollments.filter(completed_at__isnull=True).count()
    if unfinished:
        problems.append(f"{unfinished} enrolments not complete after every lesson was done")
    return problems


def main() -> int:
    options = arguments()
    setup(options.database_url, options.redis_url)
    import bench as server  # scripts/bench.py: gunicorn started and stopped the same way as `make bench`

    course, lessons, users, cookies = content_make(options.learners, options.lessons)
    port = server.free_port()
    base = f"http://127.0.0.1:{port}"
    print(
        f"gunicorn {options.workers} workers x {options.threads} threads at {base}, {options.database_url.split('://')[0]}"
    )
    process = server.start_gunicorn(port, options.workers, options.threads)
    timings, errors = defaultdict(list), []
    try:
        server.wait_healthy(base, process)
        start = threading.Event()
        addresses = (course.pk, course.url), [(lesson.pk, lesson.url) for lesson in lessons]
        learners = [Learner(base, c, *addresses, start, timings, errors) for c in cookies]
        for learner in learners:
            learner.start()
        began = time.perf_counter()
        start.set()
        for learner in learners:
            learner.join()
        wall = time.perf_counter() - began
    finally:
        server.stop_gunicorn(process)

    total = sum(len(values) for values in timings.values())
    print(f"\n{options.learners} learners, {options.lessons} lessons each: {total} requests in {wall:.1f} s "
          f"= {total / wall:.1f} requests/s, {len(errors)} errors")  # fmt: skip
    rows = {}
    for kind, values in timings.items():
        values = sorted(values)
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        rows[kind] = {"requests": len(values), "p50_ms": round(statistics.median(values) * 1000),
                      "p99_ms": round(p99 * 1000)}  # fmt: skip
        print(f"  {kind:22} {len(values):6} requests  p50 {rows[kind]['p50_ms']:6} ms  p99 {rows[kind]['p99_ms']:6} ms")
    for error in errors[:20]:
        print(f"  error: {error}")
    problems = records_check(course, users, options.lessons)
    print(
        "records: "
        + ("; ".join(problems) if problems else "one enrolment per learner, one completion per lesson, all complete")
    )
    report = {"learners": options.learners, "lessons": options.lessons, "workers": options.workers,
              "threads": options.threads, "database": options.database_url.split("://")[0],
              "redis": bool(options.redis_url), "seconds": round(wall, 2), "requests": total,
              "requests_per_second": round(total / wall, 1), "errors": len(errors), "kinds": rows,
              "record_problems": problems, "load_average": os.getloadavg()}  # fmt: skip
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "concurrency_bench.json").write_text(json.dumps(report, indent=2))
    return 1 if errors or problems else 0


if __name__ == "__main__":
    sys.exit(main())
