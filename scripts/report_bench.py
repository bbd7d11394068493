"""Time every report of issue 17 on a database filled with synthetic activity; print a table in seconds.

    .venv/bin/python scripts/report_bench.py                      # SQLite file var/report_bench.sqlite3
    .venv/bin/python scripts/report_bench.py --database-url postgres://user@127.0.0.1:55451/bench

The database is the script's own: it is migrated, then filled once by `manage.py
reports_generate_activity --enrollments N --completions N --seed S` (a database that already holds
that many enrolments is reused; `--fresh` deletes a SQLite file first). Each report function, and
each breakdown dimension, runs for an editor (everything) and for one partner's scope; the figure
is the median of `--repeat` runs (3) with the query count beside it. Timing never fails the run:
the machine is shared and noisy. The goal is under 1 s each at 100,000 enrolments and 1,000,000
lesson completions, on SQLite and on PostgreSQL (`make bench-reports`).

On the 2-core machine shared with other workers (30 Nov 2026, load 1–2), seed 1, editor / busiest
partner: PostgreSQL 15 all breakdowns 0.37–0.77 s / 0.08–0.34 s, funnel 0.59 / 0.18, hardest
questions 0.67 / 0.24, dashboard 1.07 / 1.10 (over); SQLite: course, partner, locale, month, trend
0.58–0.74 s, the profile dimensions 1.2–1.5 s, funnel 1.17, hardest questions 1.01, dashboard 1.71
(over), every partner figure under 0.41 but the dashboard (1.23).

After the perf series (medians from known group sizes, active learners from distinct
(learner, interval) pairs over a covering index, dashboard counts along the time index), SQLite,
load 3: breakdowns 0.40–1.06 s editor (region 1.06, stage 0.99, sector 0.95) / 0.14–0.52
partner, month 0.47, trend 0.44, dashboard 0.75 / 0.59, funnel 1.34 / 0.26 and hardest
questions 1.11 / 0.19 still over for editors. `--only TEXT` times only the matching reports.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'report_bench.sqlite3'}")
    parser.add_argument("--enrollments", type=int, default=100_000)
    parser.add_argument("--completions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="Delete the SQLite file first.")
    parser.add_argument("--only", default="", help="Time only the reports whose name contains this text.")
    return parser.parse_args()


def main():
    options = arguments()
    os.environ["DATABASE_URL"] = options.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingsite.settings")
    os.environ.setdefault("DEBUG", "1")  # the generator refuses to run on a production configuration
    os.environ.setdefault("SECRET_KEY", "report-bench-only")
    if options.fresh and options.database_url.startswith("sqlite:///"):
        Path(options.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.utils import translation

    from courses.models import CoursePage, Enrollment, LessonCompletion
    from partners.models import PartnerPage
    from reports import metrics

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}", flush=True)
    call_command("migrate", verbosity=0)
    if Enrollment.objects.count() < options.enrollments:
        started = time.perf_counter()
        call_command(
            "reports_generate_activity",
            enrollments=options.enrollments,
            completions=options.completions,
            seed=options.seed,
        )
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics for the planner, on both databases
    translation.activate(settings.LANGUAGE_CODE)

    partner = max(
        PartnerPage.objects.all(),
        key=lambda page: Enrollment.objects.filter(
            course_key__in=CoursePage.objects.descendant_of(page).values("translation_key")
        ).count(),
    )
    paths = tuple(PartnerPage.objects.filter(translation_key=partner.translation_key).values_list("path", flat=True))
    scopes = {"editor": metrics.ReportScope(everything=True), "partner": metrics.ReportScope(partner_paths=paths)}
    print(
        f"rows: {Enrollment.objects.count():,} enrolments, {LessonCompletion.objects.count():,} lesson completions; "
        f"partner: {partner.title}",
        flush=True,
    )

    no_filters = metrics.ReportFilters()
    reports = {
        f"breakdown_list({dimension})": lambda scope, d=dimension: metrics.breakdown_list(
            dimension=d, scope=scope, filters=no_filters
        )
        for dimension in metrics.Dimension.values
    }
    reports |= {
        "monthly_trend_list": lambda scope: metrics.monthly_trend_list(scope=scope, filters=no_filters),
        "funnel_list": lambda scope: metrics.funnel_list(scope=scope, filters=no_filters),
        "quiz_pass_rate_list": lambda scope: metrics.quiz_pass_rate_list(scope=scope, filters=no_filters),
        "question_difficulty_list": lambda scope: metrics.question_difficulty_list(scope=scope, filters=no_filters),
        "resource_read_list": lambda scope: metrics.resource_read_list(scope=scope, filters=no_filters),
        "dashboard_summary_get": lambda scope: metrics.dashboard_summary_get(scope=scope),
    }

    reports = {name: report for name, report in reports.items() if options.only in name}
    settings.DEBUG = True  # count queries
    width = max(len(name) for name in reports)
    print(f"\n{'report':<{width}}  {'editor s':>9} {'q':>3}  {'partner s':>9} {'q':>3}")
    slowest = 0.0
    for name, report in reports.items():
        cells = []
        for scope in scopes.values():
            times = []
            for _run in range(options.repeat):
                reset_queries()
                started = time.perf_counter()
                report(scope)
                times.append(time.perf_counter() - started)
            queries = len(connection.queries)
            median = statistics.median(times)
            slowest = max(slowest, median)
            cells.append(f"{median:9.3f} {queries:3d}")
        print(f"{name:<{width}}  {'  '.join(cells)}", flush=True)
    print(f"\nslowest: {slowest:.3f} s (goal: under 1 s each)")


if __name__ == "__main__":
    main()
