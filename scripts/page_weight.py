#!/usr/bin/env python
"""Measure what a first visit to a page transfers, in headless Chromium.

Sums the bytes on the wire (compressed bodies plus headers, as Chromium's network panel
reports them) for the page's HTML, CSS, JavaScript and fonts, with the cache disabled. Images
are listed but not counted, since budgets exclude a page's own content images.

    make run                                   # in one terminal
    .venv/bin/python scripts/page_weight.py http://127.0.0.1:8000/ --budget-kb 30
    .venv/bin/python scripts/page_weight.py http://127.0.0.1:8000/courses/price-your-products/set-and-keep…/ \
        --login learner@example.org:PASSWORD --budget-kb 40 --max-requests 5

`--slow-3g` throttles the network as WebPageTest's "3G Slow" profile (400 ms round trip, 400 kbit/s
each way) and prints the load time (navigation start to the load event); `make bench` uses it.

Exits 1 when the page is over the byte or request budget.
"""

import argparse
import sys
from dataclasses import dataclass

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COUNTED_TYPES = {"Document", "Stylesheet", "Script", "Font", "XHR", "Fetch"}
# WebPageTest's "3G Slow" (and Lighthouse's former slow 3G): 400 ms round trip, 400 kbit/s down and
# up, in the units of Chrome DevTools' Network.emulateNetworkConditions (ms, bytes per second).
# DevTools' own "Slow 3G" preset waits 2 s per request, which would hide the server's share.
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 // 8, "uploadThroughput": 400_000 // 8}


@dataclass
class PageLoad:
    """A cold load: every response, and milliseconds from navigation start to the load event."""

    rows: list[dict]
    load_ms: float

    @property
    def counted(self) -> list[dict]:
        return [row for row in self.rows if row["type"] in COUNTED_TYPES]

    @property
    def counted_bytes(self) -> int:
        return sum(row["bytes"] for row in self.counted)


def log_in(page, url: str, credentials: str) -> None:
    """Log in through the site's own form, so the measured page is what a learner gets."""
    email, password = credentials.split(":", 1)
    origin = "/".join(url.split("/")[:3])
    page.goto(f"{origin}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Password").press("Enter")
    page.wait_for_load_state()
    if "/accounts/login/" in page.url:
        raise SystemExit("Login failed: check the email and password.")


def measure(url: str, width: int = 390, height: int = 844, login: str | None = None) -> list[dict]:
    """Every response of a cold load of `url`: type, address, status and bytes transferred."""
    return measure_load(url, width=width, height=height, login=login).rows


def measure_load(
    url: str, *, width: int = 390, height: int = 844, login: str | None = None, network: dict | None = None
) -> PageLoad:
    """A cold load of `url`, on the emulated `network` (e.g. SLOW_3G) if given; the login is not throttled."""
    responses = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        if login:
            log_in(page, url, login)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if network:
            cdp.send("Network.emulateNetworkConditions", network)

        def on_response(event):
            responses[event["requestId"]] = {
                "type": event["type"],
                "url": event["response"]["url"],
                "status": event["response"]["status"],
                "encoding": event["response"]["headers"].get("content-encoding")
                or event["response"]["headers"].get("Content-Encoding", ""),
                "bytes": 0,
            }

        def on_finished(event):
            if event["requestId"] in responses:
                responses[event["requestId"]]["bytes"] = int(event["encodedDataLength"])

        cdp.on("Network.responseReceived", on_response)
        cdp.on("Network.loadingFinished", on_finished)
        page.goto(url, wait_until="networkidle")
        load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        browser.close()
    return PageLoad(rows=list(responses.values()), load_ms=load_ms)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", nargs="?", default="http://127.0.0.1:8000/")
    parser.add_argument("--budget-kb", type=float, help="fail above this many KB (HTML, CSS, JS, fonts)")
    parser.add_argument("--max-requests", type=int, help="fail above this many counted requests")
    parser.add_argument("--login", metavar="EMAIL:PASSWORD", help="log in first (make run prints demo logins)")
    parser.add_argument("--slow-3g", action="store_true", help="throttle as WebPageTest's 3G Slow; print load time")
    args = parser.parse_args(argv)

    load = measure_load(args.url, login=args.login, network=SLOW_3G if args.slow_3g else None)
    counted, total = load.counted, load.counted_bytes
    for row in load.rows:
        mark = " " if row["type"] in COUNTED_TYPES else "-"
        print(
            f"{mark} {row['bytes']:>8} B  {row['status']}  {row['type']:<10} "
            f"{row['encoding'] or 'identity':<8} {row['url']}"
        )
    print(f"Counted (HTML, CSS, JS, fonts): {len(counted)} requests, {total} bytes = {total / 1024:.1f} KB")
    print("(- rows are images and other content, not counted)")
    if args.slow_3g:
        print(f"Load time on slow 3G (400 ms, 400 kbit/s): {load.load_ms / 1000:.2f} s")

    over = False
    if args.budget_kb is not None and total > args.budget_kb * 1024:
        print(f"OVER BUDGET: {total / 1024:.1f} KB > {args.budget_kb} KB")
        over = True
    if args.max_requests is not None and len(counted) > args.max_requests:
        print(f"TOO MANY REQUESTS: {len(counted)} > {args.max_requests}")
        over = True
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
