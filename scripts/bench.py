#!/usr/bin/env python
"""Measure the server: requests/s and p50/p99 latency per page under gunicorn, against a static file.

`make bench` runs it after `make setup`, with `make run`'s environment (DEBUG off, the local keys):

    make bench                                  # 10 s and 10 connections per URL
    make bench BENCH_ARGS="--duration 30 --connections 20 --no-weight"

It starts gunicorn with production settings on a free port of 127.0.0.1, waits for /healthz/, logs
the demo learner in (password from var/demo-logins.json, which load_demo_content keeps), then runs
`wrk` against a whitenoise-served CSS file (the ceiling), the home page, the catalog, a course, a
library, the news, the events, a partner, a lesson and the dashboard, the last two with the
learner's session cookie. Each page's rate is also given as a share of the static rate measured
in the same round, so a busy machine cancels out as far as it can; every URL is measured in three
rounds (`--rounds`) and the median share is printed with the range. Then it measures page weight
and load time on emulated slow 3G with
scripts/page_weight.py in Debian's chromium. It prints both tables, writes them to var/bench.json
and stops gunicorn whatever happens.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from page_weight import SLOW_3G, measure_load

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
LEARNER = "learner@example.org"
# (label, path, signed in). The lesson is one the demo learner is enrolled in (README's example).
PAGES = [
    ("home", "/", False),
    ("catalog", "/courses/", False),
    ("course", "/courses/price-your-products/", False),
    ("library", "/know-how/", False),
    ("news", "/news/", False),
    ("events", "/events/", False),
    ("partner", "/partners/riverbend-university/", False),
    ("lesson (signed in)", "/courses/price-your-products/set-and-keep-your-price/margin-and-market/", True),
    ("dashboard (signed in)", "/learning/", True),
]
# Browsers send it, and both whitenoise (precompressed files) and GZipMiddleware answer to it.
ACCEPT_ENCODING = "gzip, br"

_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(value: str) -> float:
    """wrk's '812.00us', '9.50ms', '1.02s' or '2.00m' in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value)
    if not match:
        raise ValueError(f"not a wrk duration: {value!r}")
    return float(match[1]) * _UNIT_MS[match[2]]


def parse_wrk(output: str) -> dict:
    """Requests/s, p50/p99 in ms, the request count and the errors from `wrk --latency`'s output."""
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    count = re.search(r"^\s+(\d+) requests in ", output, re.M)
    if not (rate and p50 and p99 and count):
        raise ValueError(f"unexpected wrk output:\n{output}")
    bad = re.search(r"^\s+Non-2xx or 3xx responses:\s+(\d+)", output, re.M)
    sockets = re.search(r"^\s+Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output, re.M)
    return {
        "requests_per_s": float(rate[1]),
        "p50_ms": _ms(p50[1]),
        "p99_ms": _ms(p99[1]),
        "requests": int(count[1]),
        "non_2xx_3xx": int(bad[1]) if bad else 0,
        "socket_errors": dict(zip(("connect", "read", "write", "timeout"), map(int, sockets.groups()), strict=True))
        if sockets
        else {"connect": 0, "read": 0, "write": 0, "timeout": 0},
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis() -> tuple[subprocess.Popen, str]:
    """A throwaway Redis (Debian's redis-server) on a free port, keeping nothing on disk; and its URL."""
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is missing: apt-get install redis-server (make bench installs it as root).")
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    redis = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(100):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return redis, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.05)
    redis.kill()
    raise SystemExit("redis-server did not start.")


def start_gunicorn(port: int, workers: int, threads: int, redis_url: str | None = None) -> subprocess.Popen:
    """gunicorn in its own process group (so a Ctrl+C reaches us, and we stop all of it)."""
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}")
    if redis_url:
        env["REDIS_URL"] = redis_url
    command = [sys.executable, "-m", "gunicorn", "trainingsite.wsgi", "--bind", f"127.0.0.1:{port}"]
    # No control socket: gunicorn 27's default path is one per user, shared with other servers.
    command += ["--workers", str(workers), "--threads", str(threads), "--no-control-socket"]
    with open(VAR / "bench-gunicorn.log", "w") as log:  # the child keeps its own copy of the file
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)


def stop_gunicorn(server: subprocess.Popen) -> None:
    """TERM the whole group (graceful), KILL it if it still runs after 20 s."""
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    except ProcessLookupError:
        pass


def worker_rss_mb(master_pid: int) -> list[float]:
    """Resident memory (MB) of each gunicorn worker: the children of the master, read from /proc."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:  # the process ended while we looked
            continue
        if fields.get("PPid", "").strip() == str(master_pid) and "VmRSS" in fields:
            sizes.append(round(int(fields["VmRSS"].split()[0]) / 1024, 1))
    return sorted(sizes)


def wait_healthy(base: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited ({server.returncode}); see var/bench-gunicorn.log")
        try:
            with urllib.request.urlopen(f"{base}/healthz/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"{base}/healthz/ did not answer within {timeout:.0f} s; see var/bench-gunicorn.log")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def log_in(base: str, email: str, password: str) -> str:
    """Sign in through allauth's form; the Cookie header that carries the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base}/accounts/login/", timeout=30) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not token:
        raise SystemExit("No CSRF token on /accounts/login/.")
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token[1], "login": email, "password": password}).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/", data=form, headers={"Referer": f"{base}/accounts/login/"}
    )
    with opener.open(request, timeout=30) as response:
        if "/accounts/login/" in response.url:
            raise SystemExit(f"Login as {email} failed: check var/demo-logins.json or --login.")
    if not any(cookie.name == "sessionid" for cookie in jar):
        raise SystemExit("Logged in, but no sessionid cookie came back.")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def get(url: str, cookie: str | None = None) -> tuple[int, str]:
    """Status and body of one GET, redirects not followed (a redirect to login must show)."""
    headers = {"Cookie": cookie} if cookie else {}
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def static_css(base: str) -> str:
    """The stylesheet the home page links to (a hashed name whitenoise serves)."""
    status, html = get(f"{base}/")
    found = re.search(r'href="(/static/[^"]+\.css)"', html)
    if status != 200 or not found:
        raise SystemExit(f"No stylesheet found on the home page (status {status}).")
    return found[1]


def run_wrk(url: str, *, duration: int, connections: int, threads: int, cookie: str | None) -> dict:
    command = ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
    command += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    result = subprocess.run([*command, url], capture_output=True, text=True, check=True)
    return parse_wrk(result.stdout)


def learner_login(argument: str | None) -> tuple[str, str]:
    if argument:
        email, password = argument.split(":", 1)
        return email, password
    logins = json.loads((VAR / "demo-logins.json").read_text())
    return LEARNER, logins[LEARNER]["password"]


def median_round(page_rounds: list[dict], static_rounds: list[dict]) -> dict:
    """The median round's figures of one URL, with its median share of the static rate and the range.

    Each round's share divides the page's rate by the static file's rate of the same round.
    """
    shares = sorted(
        100 * page["requests_per_s"] / static["requests_per_s"]
        for page, static in zip(page_rounds, static_rounds, strict=True)
    )
    median = sorted(page_rounds, key=lambda figures: figures["requests_per_s"])[len(page_rounds) // 2]
    return {
        **median,
        "share_of_static_percent": round(shares[len(shares) // 2], 2),
        "share_range_percent": [round(shares[0], 2), round(shares[-1], 2)],
        "rounds": page_rounds,
    }


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    for index, row in enumerate([header, *rows]):
        print(
            "  ".join(
                str(cell).ljust(width) if i == 0 else str(cell).rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured seconds of load first (default 2)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measure every URL this many times, in turn; the median share is reported (default 3)",
    )
    parser.add_argument("--connections", type=int, default=10, help="open connections per URL (default 10)")
    parser.add_argument(
        "--wrk-threads", type=int, default=1, help="wrk's threads (default 1: leave the cores to the server)"
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (make bench passes make run's)")
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads per worker")
    parser.add_argument(
        "--redis",
        action="store_true",
        help="run a throwaway Redis beside gunicorn (REDIS_URL: caches and sessions shared, as on many machines)",
    )
    parser.add_argument("--login", metavar="EMAIL:PASSWORD", help="the learner (default: the demo learner)")
    parser.add_argument("--no-weight", action="store_true", help="skip page weight and load time on slow 3G")
    parser.add_argument("--output", type=Path, default=VAR / "bench.json")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it as root).")

    # A TERM (e.g. from a CI timeout) unwinds like a Ctrl+C, so the finally clause stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    email, password = learner_login(args.login)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "load_average_before": os.getloadavg()},
        "server": {
            "gunicorn_workers": args.workers,
            "gunicorn_threads": args.threads,
            "debug": False,
            "redis": args.redis,
        },
        "load_tool": {"wrk_threads": args.wrk_threads, "connections": args.connections, "duration_s": args.duration},
        "throughput": [],
        "weight": [],
    }
    redis, redis_url = start_redis() if args.redis else (None, None)
    print(f"Starting gunicorn ({args.workers} workers x {args.threads} threads) at {base}/ ...")
    if redis_url:
        print(f"with REDIS_URL={redis_url} (caches and sessions in a throwaway Redis)")
    server = start_gunicorn(port, args.workers, args.threads, redis_url)
    try:
        wait_healthy(base, server)
        cookie = log_in(base, email, password)
        served = pages_served = 0
        targets = [("static CSS (ceiling)", static_css(base), False), *PAGES]
        for _label, path, signed_in in targets:
            status, _ = get(f"{base}{path}", cookie if signed_in else None)
            if status != 200:
                raise SystemExit(f"{path} answered {status}{' with the session' if signed_in else ''}: not measured.")
        # Every URL is measured `rounds` times, the static file first in each round, so each share
        # compares rates measured minutes apart at most; the median round is reported, with the
        # range, because one busy second on a shared machine moves a single run by tens of percent.
        rounds: dict[str, list[dict]] = {label: [] for label, _path, _signed_in in targets}
        for number in range(1, max(1, args.rounds) + 1):
            for label, path, signed_in in targets:
                print(f"round {number}: wrk {args.duration} s, -c{args.connections}: {label} {path}", flush=True)
                wrk_options = {
                    "connections": args.connections,
                    "threads": args.wrk_threads,
                    "cookie": cookie if signed_in else None,
                }
                if args.warmup and number == 1:
                    # Every worker's first requests fill its caches (templates, site, locale, pages):
                    # a few hundred requests reach all of them before anything is measured.
                    served += run_wrk(f"{base}{path}", duration=args.warmup, **wrk_options)["requests"]
                figures = run_wrk(f"{base}{path}", duration=args.duration, **wrk_options)
                served += figures["requests"]
                pages_served += 0 if label.startswith("static") else figures["requests"]
                rounds[label].append(figures)
        static_rounds = rounds[targets[0][0]]
        for label, path, signed_in in targets:
            report["throughput"].append(
                {"label": label, "path": path, "signed_in": signed_in, **median_round(rounds[label], static_rounds)}
            )
        # Memory once the workers have served every URL above (make bench: well over 10,000 requests
        # on a quiet 2-core machine, most of them the static file; each page some hundreds).
        report["memory"] = {
            "requests_served": served,
            "page_requests_served": pages_served,
            "worker_rss_mb": worker_rss_mb(server.pid),
        }

        if not args.no_weight:
            for label, path, signed_in in PAGES:
                print(f"Chromium, slow 3G: {label} {path}", flush=True)
                load = measure_load(
                    f"{base}{path}", login=f"{email}:{password}" if signed_in else None, network=SLOW_3G
                )
                report["weight"].append(
                    {
                        "label": label,
                        "path": path,
                        "requests": len(load.counted),
                        "kb": round(load.counted_bytes / 1024, 1),
                        "load_s": round(load.load_ms / 1000, 2),
                    }
                )
    finally:
        stop_gunicorn(server)
        if redis:
            redis.terminate()
            redis.wait()
    report["machine"]["load_average_after"] = os.getloadavg()

    print_table(
        f"Throughput under gunicorn ({args.workers} workers x {args.threads} threads, DEBUG off"
        f"{', Redis' if args.redis else ''}), "
        f"wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration}s, median of {max(1, args.rounds)} rounds:",
        ["URL", "req/s", "p50 ms", "p99 ms", "% of static", "range %", "errors"],
        [
            [
                row["path"] + (" (signed in)" if row["signed_in"] else ""),
                f"{row['requests_per_s']:.0f}",
                f"{row['p50_ms']:.1f}",
                f"{row['p99_ms']:.1f}",
                f"{row['share_of_static_percent']:.1f}",
                "–".join(f"{share:.0f}" for share in row["share_range_percent"]),
                str(row["non_2xx_3xx"] + sum(row["socket_errors"].values())),
            ]
            for row in report["throughput"]
        ],
    )
    if report["weight"]:
        print_table(
            "Page weight (HTML, CSS, JS, fonts; cache off) and load time on slow 3G (400 ms, 400 kbit/s):",
            ["URL", "requests", "KB", "load s"],
            [
                [
                    row["path"] + (" (signed in)" if row["label"].endswith("(signed in)") else ""),
                    str(row["requests"]),
                    f"{row['kb']:.1f}",
                    f"{row['load_s']:.2f}",
                ]
                for row in report["weight"]
            ],
        )
    memory = report.get("memory")
    if memory:
        sizes = ", ".join(f"{size:.0f}" for size in memory["worker_rss_mb"]) or "none found"
        print(
            f"\nResident memory per gunicorn worker after {memory['requests_served']:,} requests "
            f"({memory['page_requests_served']:,} of them pages): {sizes} MB."
        )
    before, after = report["machine"]["load_average_before"][0], report["machine"]["load_average_after"][0]
    cores = os.cpu_count()
    print(f"\nLoad average (1 min) before {before:.2f}, after {after:.2f} on {cores} cores: a busy machine lowers all.")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
