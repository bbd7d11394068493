#!/usr/bin/env python
"""Save the visible text of every page of the demo site, and compare two such snapshots.

A refactor that promises "nobody sees a difference" proves it with this: save a snapshot
before the change, save one after, compare. It runs in-process with Django's test Client
against the site's own database (var/db.sqlite3, or DATABASE_URL), as `make setup` leaves it:

    make setup                     # or: migrate, compile_translations, load_demo_content
    .venv/bin/python scripts/page_text_snapshot.py save var/snapshot-before.json
    # ...change the code, then again (a fresh `make setup` is fine: the loader is idempotent)
    .venv/bin/python scripts/page_text_snapshot.py save var/snapshot-after.json
    .venv/bin/python scripts/page_text_snapshot.py compare var/snapshot-before.json var/snapshot-after.json

`save` crawls, with GET only and breadth-first: every live Wagtail page in every locale, the
sitemap, site search with a few queries, and every same-site link found in those pages
(catalogue filters, feeds, account pages...), first anonymously, then signed in as the demo
learner (learner@example.org; force_login, no password needed). It skips /admin/, /documents/,
/media/, /static/ and the log-out and POST-only actions, and stops at --max-urls. Every request
runs inside one transaction that is rolled back at the end, so a crawl writes nothing.

The snapshot is JSON: "URL" -> {"status": ..., "text": ...}; signed-in URLs are keyed
"learner:URL". The text is what a reader gets: text nodes outside script/style/template and
<head> (except <title>), plus alt, aria-label, title and placeholder attributes and the
value of buttons, one block-level element per line, whitespace collapsed. A redirect's
text is its target; a non-HTML response keeps its content type (and, for XML, its text).
Dates are kept as they are, except the sitemap's <lastmod> and the feeds' <updated> and
<lastBuildDate>, which only say when the demo was loaded.

`compare` prints a unified diff per URL that differs, the URLs found on one side only, and
"N pages compared, M differ"; it exits 1 on any difference.

Settings: trainingsite.settings with SECRET_KEY from the environment or var/secret_key,
ADMIN_REQUIRE_MFA=0 and SITE_URL=http://127.0.0.1:8000 unless set (as `make setup` does).
"""

import argparse
import difflib
import json
import os
import re
import sys
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit

# The checkout to crawl: the current folder when it holds manage.py (so a copy of this script
# kept elsewhere works in any worktree), else the one this script sits in.
BASE_DIR = Path.cwd() if (Path.cwd() / "manage.py").exists() else Path(__file__).resolve().parent.parent
LEARNER_EMAIL = "learner@example.org"
SEARCH_QUERIES = ["price", "export", "zzzz-nothing-matches"]
SKIP_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/")
# GET is harmless on these, but they only log out or answer POST (405 pages add nothing).
SKIP_PATTERNS = [
    re.compile(p)
    for p in (
        r"/accounts/logout/",
        r"/enrol/$",
        r"/leave/$",
        r"/complete/$",
        r"/submit/$",
        r"/save/$",
        r"/unsave/$",
        r"/accounts/me/export/$",
    )
]
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "input", "label", "legend", "li", "main", "nav", "ol", "option", "p",
    "pre", "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
    "title", "tr", "ul",
}  # fmt: skip
HIDDEN_TAGS = {"script", "style", "template"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TEXT_ATTRS = ("alt", "aria-label", "title", "placeholder")
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}


def django_setup() -> None:
    """Configure Django as `make setup` runs it, and let the test Client in."""
    os.chdir(BASE_DIR)
    sys.path.insert(0, str(BASE_DIR))
    if not os.environ.get("SECRET_KEY"):
        key_file = BASE_DIR / "var" / "secret_key"
        os.environ["SECRET_KEY"] = key_file.read_text().strip() if key_file.exists() else "page-text-snapshot"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingsite.settings")
    os.environ.setdefault("ADMIN_REQUIRE_MFA", "0")
    os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Plain static storage: no need for collectstatic's manifest, and static URLs are not text.
    # override_settings, so the storages already built are rebuilt.
    override_settings(
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    # As Django's own test runner does: closing "old" connections after each request would end
    # the transaction that keeps the crawl from writing anything.
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)


class PageText(HTMLParser):
    """Visible text and same-site link targets of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.links: list[str] = []
        self.stack: list[str] = []  # open elements that hide their text (script, head...)
        self.form: tuple[str, list] | None = None  # the open GET form: action, [(name, value)]
        self.select: str | None = None  # the name of the open <select> in that form

    def _break(self):
        line = " ".join(" ".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def _hidden(self) -> bool:
        return any(tag in HIDDEN_TAGS or tag == "head" for tag in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        self._form_start(tag, attrs)
        if (
            tag == "link"
            and attrs.get("href")
            and set((attrs.get("rel") or "").split()) & {"alternate", "next", "prev"}
        ):
            self.links.append(attrs["href"])
        if tag in HIDDEN_TAGS or tag == "head":
            if tag not in VOID_TAGS:
                self.stack.append(tag)
            return
        if tag == "title":
            self.stack.append("title")  # shown even though it sits in <head>
            self._break()
            return
        if self._hidden():
            return
        if tag in BLOCK_TAGS:
            self._break()
        for name in TEXT_ATTRS:
            if attrs.get(name):
                self.current.append(f"[{name}: {attrs[name]}]")
        is_button_input = tag == "input" and (attrs.get("type") or "").lower() in BUTTON_INPUT_TYPES
        if (tag == "button" or is_button_input) and attrs.get("value"):
            self.current.append(f"[value: {attrs['value']}]")
        if tag in BLOCK_TAGS and tag in VOID_TAGS:
            self._break()

    def _form_start(self, tag, attrs):
        """Note each choice of a GET form (catalogue and library filters) as a link to follow."""
        if tag == "form" and (attrs.get("method") or "get").lower() == "get":
            self.form = (attrs.get("action") or "", [])
        elif self.form and tag == "select":
            self.select = attrs.get("name")
        elif self.form and self.select and tag == "option" and attrs.get("value"):
            self.form[1].append((self.select, attrs["value"]))
        elif self.form and tag == "input" and (attrs.get("type") or "").lower() in ("checkbox", "radio"):
            if attrs.get("name") and attrs.get("value"):
                self.form[1].append((attrs["name"], attrs["value"]))

    def _form_end(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form" and self.form:
            action, choices = self.form
            # One choice at a time, the other fields left at their defaults: each filter once.
            self.links.extend(f"{action}?{urlencode([choice])}" for choice in choices)
            self.form = None

    def handle_endtag(self, tag):
        self._form_end(tag)
        if tag in self.stack:
            while self.stack:
                if self.stack.pop() == tag:
                    break
            if tag == "title":
                self._break()
            return
        if tag in BLOCK_TAGS and not self._hidden():
            self._break()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.current.append(data)
        elif not self._hidden():
            self.current.append(data)

    def result(self) -> str:
        self._break()
        return "\n".join(self.lines)


def xml_text(body: str) -> tuple[str, list[str]]:
    """The text of an XML document (sitemap, feed) one element per line, and the URLs it names."""
    # These only say when the demo was loaded (a page's last publication), not what a reader gets.
    body = re.sub(r"<(lastmod|updated|lastBuildDate)>[^<]*</\1>", "", body)
    lines = [" ".join(part.split()) for part in re.split(r"<[^>]+>", body)]
    lines = [line for line in lines if line]
    links = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", body) + re.findall(r"<link>\s*([^<\s]+)\s*</link>", body)
    links += re.findall(r'<link[^>]*href="([^"]+)"', body)
    return "\n".join(lines), links


class Crawler:
    def __init__(self, client, label: str, hosts: set[str], max_urls: int, results: dict):
        self.client = client
        self.label = label
        self.hosts = hosts
        self.max_urls = max_urls
        self.results = results
        self.queue: deque[str] = deque()
        self.seen: set[str] = set()

    def key(self, url: str) -> str:
        return f"{self.label}:{url}" if self.label else url

    def local(self, href: str, base: str) -> str | None:
        """The same-site path?query that `href` on page `base` points to, or None to skip it."""
        href = href.strip()
        if not href or href.startswith(("mailto:", "tel:", "javascript:", "data:", "#")):
            return None
        url = urldefrag(urljoin("http://testserver" + base, href))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc not in self.hosts:
            return None
        path = parts.path or "/"
        if path.startswith(SKIP_PREFIXES) or any(p.search(path) for p in SKIP_PATTERNS):
            return None
        # Every page links the log-in and sign-up pages with ?next=itself: one visit each is enough.
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "next"])
        return path + (f"?{query}" if query else "")

    def add(self, url: str | None) -> None:
        if url and url not in self.seen:
            self.seen.add(url)
            self.queue.append(url)

    def run(self) -> None:
        while self.queue and len(self.results) < self.max_urls:
            url = self.queue.popleft()
            status, text, links = self.fetch(url)
            self.results[self.key(url)] = {"status": status, "text": text}
            for href in links:
                self.add(self.local(href, url))

    def fetch(self, url: str) -> tuple[int, str, list[str]]:
        response = self.client.get(url)
        status = response.status_code
        if 300 <= status < 400:
            target = self.local(response["Location"], url)
            return status, f"-> {target or response['Location']}", [response["Location"]]
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if getattr(response, "streaming", False):
            size = sum(len(chunk) for chunk in response.streaming_content)
            return status, f"[{content_type}, {size} bytes]", []
        body = response.content.decode(response.charset or "utf-8", errors="replace")
        if content_type == "text/html":
            parser = PageText()
            parser.feed(body)
            parser.close()
            return status, parser.result(), parser.links
        if content_type.endswith("xml"):
            text, links = xml_text(body)
            return status, f"[{content_type}]\n{text}", links
        return status, f"[{content_type}, {len(response.content)} bytes]", []


def reverse_first(*names, **kwargs):
    """The URL of the first name that exists: refactors may move a view to another app, not its URL."""
    from django.urls import NoReverseMatch, reverse  # after django.setup()

    for name in names[:-1]:
        try:
            return reverse(name, **kwargs)
        except NoReverseMatch:
            continue
    return reverse(names[-1], **kwargs)


def seed_urls() -> list[str]:
    """Every live Wagtail page in every locale, the sitemap and a few searches, in a stable order."""
    from django.utils import translation
    from wagtail.models import Page

    urls = []
    for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
        parts = page.get_url_parts()
        if parts:
            urls.append(parts[2])
    urls.append("/sitemap.xml")
    for language, _name in _languages():
        with translation.override(language):
            search = reverse_first("search:search", "library:search")
        urls.append(search)
        urls.extend(f"{search}?q={query}" for query in SEARCH_QUERIES)
    return urls


def learner_seed_urls(user) -> list[str]:
    """The learner's own pages: dashboard, account, and the courses they are enrolled in."""
    from django.urls import reverse  # after django.setup()

    urls = [
        reverse_first("home:dashboard", "courses:dashboard"),
        reverse("accounts:account"),
        reverse("accounts:delete"),
    ]
    urls.append(reverse("accounts:profile_complete"))
    from courses.models import Enrollment

    for enrollment in Enrollment.objects.filter(user=user).order_by("pk"):
        course = enrollment.course
        urls.append(course.get_url_parts()[2])
        urls.append(reverse("courses:continue", args=[course.pk]))
    return urls + seed_urls()


def _languages():
    from django.conf import settings

    return settings.LANGUAGES


def save(out: Path, max_urls: int) -> int:
    django_setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client

    hosts = {"testserver", urlsplit(settings.SITE_URL).netloc}
    from wagtail.models import Site

    for site in Site.objects.all():
        hosts.add(site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}")
        hosts.add(site.hostname)

    results: dict[str, dict] = {}
    with transaction.atomic():
        anonymous = Crawler(Client(), "", hosts, max_urls, results)
        for url in seed_urls():
            anonymous.add(url)
        anonymous.run()

        learner = get_user_model().objects.get(email__iexact=LEARNER_EMAIL)
        client = Client()
        client.force_login(learner)
        signed_in = Crawler(client, "learner", hosts, max_urls, results)
        for url in learner_seed_urls(learner):
            signed_in.add(url)
        signed_in.run()
        transaction.set_rollback(True)

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    learners = sum(1 for key in results if key.startswith("learner:"))
    print(f"{len(results)} pages saved to {out} ({len(results) - learners} anonymous, {learners} as the learner).")
    if len(results) >= max_urls:
        print(f"Stopped at --max-urls {max_urls}: some pages were not visited.", file=sys.stderr)
    return 0


def compare(before_path: Path, after_path: Path) -> int:
    before = json.loads(before_path.read_text())
    after = json.loads(after_path.read_text())
    differ = 0
    for url in sorted(before.keys() | after.keys()):
        if url not in after:
            print(f"--- only in {before_path}: {url}")
            differ += 1
            continue
        if url not in before:
            print(f"+++ only in {after_path}: {url}")
            differ += 1
            continue
        old, new = before[url], after[url]
        if old == new:
            continue
        differ += 1
        old_lines = [f"status {old['status']}", *old["text"].splitlines()]
        new_lines = [f"status {new['status']}", *new["text"].splitlines()]
        diff = difflib.unified_diff(old_lines, new_lines, f"before {url}", f"after {url}", lineterm="")
        print("\n".join(diff))
    # A page found on one side only counts as compared, and as differing.
    print(f"{len(before.keys() | after.keys())} pages compared, {differ} differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    save_parser = commands.add_parser("save", help="crawl the site and write OUT.json")
    save_parser.add_argument("out", type=Path)
    save_parser.add_argument("--max-urls", type=int, default=3000)
    compare_parser = commands.add_parser("compare", help="diff two snapshots; exit 1 if they differ")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "save":
        return save(args.out, args.max_urls)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
