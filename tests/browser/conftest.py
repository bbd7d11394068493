"""Playwright in Debian's Chromium, with axe-core injected from node_modules."""

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (fixtures) are still synchronous, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is missing at {CHROMIUM}: install it with `apt-get install chromium`.")
    if not AXE_JS.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page, impacts=("serious", "critical")):
    """axe-core's violations of the given impacts on the page as it is now, as readable strings."""
    # Evaluated by Playwright (DevTools), not added as an inline <script>: the site's
    # Content-Security-Policy refuses inline scripts and DevTools evaluation is exempt, so
    # the journeys run under the real policy (no bypass_csp).
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {json.dumps([n['target'] for n in v['nodes']][:5])}"
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def menu_open(page):
    """Open the header's menu when it is a closed disclosure (phones); wide screens show it open."""
    toggle = page.locator("summary.site-menu__toggle")
    if toggle.is_visible() and page.locator("details.site-menu").get_attribute("open") is None:
        toggle.click()
