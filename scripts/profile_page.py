#!/usr/bin/env python
"""Where a page's time goes, in process: queries grouped by table and shape, time in SQL, templates and the rest.

    .venv/bin/python scripts/profile_page.py                 # the learner's lesson, dashboard; each public page type
    .venv/bin/python scripts/profile_page.py --runs 20 --sql  # more runs; print each query shape's SQL
    .venv/bin/python scripts/profile_page.py --cprofile /learning/   # the 25 costliest functions of one page

It runs on its own SQLite file (var/profile.sqlite3), made once with `migrate` and
`load_demo_content` (about a minute), so it never touches the site's database. Pages are opened
with Django's test client: signed-in pages as the demo learner (enrolled half way through two
courses), the others as a visitor with the stored pages dropped before each run (routes, outlines
and fragments stay), so the figures are the page's own work. Each page is opened once to warm the
caches (templates, renditions, fragments), then `--runs` times; the times are medians.
"""

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE = ROOT / "var" / "profile.sqlite3"
LEARNER = "learner@example.org"
LESSON = "/courses/price-your-products/set-and-keep-your-price/margin-and-market/"
# (path, signed in)
PAGES = [
    (LESSON, True),
    ("/learning/", True),
    ("/courses/price-your-products/", True),
    ("/courses/price-your-products/", False),
    ("/courses/", False),
    ("/", False),
    ("/know-how/", False),
    ("/know-how/cash-flow-toolkit/", False),
    ("/partners/", False),
    ("/partners/riverbend-university/", False),
    ("/programs/", False),
    ("/programs/go-digital/", False),
    ("/programs/go-digital/", True),
]


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingsite.test_settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if "wagtailcore_page" not in connection.introspection.table_names():
        print(f"Making {DATABASE} (migrate and load_demo_content, once)...", file=sys.stderr)
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", verbosity=0, logins_file=DATABASE.with_suffix(".logins.json"))


def _shape(sql: str) -> str:
    """A query's shape: its first table and its SQL with literals and lists replaced."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "?", sql)
    sql = re.sub(r"\((?:\?, )+\?\)", "(…)", sql)
    # The column list says little; what is read from where, and how, is after FROM.
    return re.sub(r"^SELECT (DISTINCT )?.{0,40}?[^ ]*? .*? FROM ", r"SELECT \1… FROM ", sql, count=1)


def _table(sql: str) -> str:
    match = re.search(r'\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', sql)
    verb = sql.split(None, 1)[0].upper()
    return f"{verb} {match[1] if match else '?'}"


class _TemplateTimer:
    """Time spent rendering templates, outermost render only (includes are inside it)."""

    def __init__(self):
        from django.template.backends.django import Template

        self.total = 0.0
        self.depth = 0
        original = Template.render

        def render(template, *args, **kwargs):
            self.depth += 1
            start = time.perf_counter()
            try:
                return original(template, *args, **kwargs)
            finally:
                self.depth -= 1
                if self.depth == 0:
                    self.total += time.perf_counter() - start

        Template.render = render


def _client(signed_in: bool):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    if signed_in:
        client.force_login(get_user_model().objects.get(email=LEARNER))
    return client


def _get(client, path, signed_in):
    from django.core.cache import caches

    from base.page_cache import GENERATION_KEY

    if not signed_in:  # the page's own work: drop the stored pages, keep routes, outlines and fragments
        store = caches["default"]
        for stored in list(store._cache):  # LocMemCache's ":1:<key>"
            key = stored.split(":", 2)[2]
            if key.startswith("page-cache:") and key != GENERATION_KEY:
                store.delete(key)
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return response


def profile(path: str, signed_in: bool, runs: int, timer: _TemplateTimer, show_sql: bool) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(signed_in)
    _get(client, path, signed_in)  # warm: renditions, fragments, templates
    times, templates, sql_times = [], [], []
    for _ in range(runs):
        timer.total = 0.0
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            _get(client, path, signed_in)
            times.append(time.perf_counter() - start)
        templates.append(timer.total)
        sql_times.append(sum(float(query["time"]) for query in queries.captured_queries))
    by_table = Counter(_table(query["sql"]) for query in queries.captured_queries)
    shapes = Counter(_shape(query["sql"]) for query in queries.captured_queries)
    median_ms = statistics.median(times) * 1000
    template_ms = statistics.median(templates) * 1000
    sql_ms = statistics.median(sql_times) * 1000
    who = "learner" if signed_in else "visitor, uncached"
    print(f"\n== {path} ({who}): {len(queries)} queries, {median_ms:.1f} ms median of {runs}")
    print(
        f"   SQL {sql_ms:.1f} ms · templates {template_ms:.1f} ms (their queries included) · "
        f"view and middleware {median_ms - template_ms:.1f} ms"
    )
    for table, count in by_table.most_common():
        print(f"   {count:3d}  {table}")
    if show_sql:
        for shape, count in shapes.most_common():
            print(f"   {count:3d}× {shape[:300]}")
    return {"path": path, "signed_in": signed_in, "queries": len(queries), "ms": median_ms}


def cprofile(path: str, signed_in: bool) -> None:
    client = _client(signed_in)
    _get(client, path, signed_in)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        _get(client, path, signed_in)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to profile (default: the lesson, the dashboard and more)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--visitor", action="store_true", help="open the given paths as a visitor, not signed in")
    parser.add_argument("--sql", action="store_true", help="print each query shape")
    parser.add_argument("--cprofile", action="store_true", help="cProfile the given paths instead")
    args = parser.parse_args()
    _setup()
    pages = [(path, not args.visitor) for path in args.paths] or PAGES
    if args.cprofile:
        for path, signed_in in pages:
            cprofile(path, signed_in)
        return
    timer = _TemplateTimer()
    results = [profile(path, signed_in, args.runs, timer, args.sql) for path, signed_in in pages]
    print("\npage                                                         who       queries      ms")
    for row in results:
        who = "learner" if row["signed_in"] else "visitor"
        print(f"{row['path']:<60} {who:<9} {row['queries']:>7} {row['ms']:>7.1f}")


if __name__ == "__main__":
    main()
