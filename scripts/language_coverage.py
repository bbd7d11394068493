"""How much of the demo each language has: pages with content in it vs. English fallback, and the catalogs.

    .venv/bin/python scripts/language_coverage.py                       # throwaway SQLite in var/
    .venv/bin/python scripts/language_coverage.py --database-url postgres://user@127.0.0.1:5432/site
    make language-coverage

By default the database is a new SQLite file (var/language_coverage.sqlite3, deleted first and
afterwards), migrated and loaded with the demo (`manage.py load_demo_content`, a few minutes).
With `--database-url` the database is migrated and the demo loaded into it (the loader changes
nothing that is already there); `--no-load` counts the database as it is. For each language, a
live page of the default site (in the default language) counts as translated when the page has a live
translation in that language; any other is shown in English with the fallback note. Then the
interface catalogs: the share of locale/<lang>/LC_MESSAGES/django.po entries translated (not
fuzzy, not empty).
"""

import argparse
import contextlib
import logging
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_FILE = ROOT / "var" / "language_coverage.sqlite3"


@dataclass(frozen=True)
class PageCoverage:
    """For one language and one page type: the default language's live pages, and how many have a live translation."""

    language: str
    page_type: str
    pages: int
    translated: int

    @property
    def fallback(self) -> int:
        return self.pages - self.translated


@dataclass(frozen=True)
class CatalogCoverage:
    language: str
    entries: int
    translated: int


def page_coverage_list(languages) -> list[PageCoverage]:
    """Per language and page type (the model's English verbose name), pages with content in the language.

    The pages counted are the live pages of the default site in the default language (its home
    page included; pages outside the site, such as Wagtail's first welcome page, are not); a
    translation counts only when it is live, since a draft is not shown.
    """
    from django.conf import settings
    from django.utils import translation
    from wagtail.models import Page, Site

    home = Site.objects.get(is_default_site=True).root_page
    default = (
        Page.objects.live().descendant_of(home, inclusive=True).filter(locale__language_code=settings.LANGUAGE_CODE)
    )
    keys_by_type = defaultdict(set)
    with translation.override("en"):
        for page in default.only("pk", "translation_key", "content_type").specific(defer=True):
            keys_by_type[str(page.specific_class._meta.verbose_name)].add(page.translation_key)
    rows = []
    for language in languages:
        live = set(Page.objects.live().filter(locale__language_code=language).values_list("translation_key", flat=True))
        for page_type, keys in sorted(keys_by_type.items()):
            rows.append(PageCoverage(language, page_type, len(keys), len(keys & live)))
    return rows


def catalog_coverage_get(language: str, locale_dir: Path = ROOT / "locale") -> CatalogCoverage:
    """The language's interface catalog: entries (not obsolete) and how many are translated (not fuzzy, not empty)."""
    import polib
    from django.utils.translation import to_locale

    catalog = polib.pofile(str(locale_dir / to_locale(language) / "LC_MESSAGES" / "django.po"))
    entries = [entry for entry in catalog if not entry.obsolete]
    return CatalogCoverage(language, len(entries), len([entry for entry in entries if entry.translated()]))


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def table_print(pages: list[PageCoverage], catalogs: list[CatalogCoverage]) -> None:
    languages = list(dict.fromkeys(row.language for row in pages))
    types = list(dict.fromkeys(row.page_type for row in pages))
    by = {(row.language, row.page_type): row for row in pages}
    width = max([len("page type"), *map(len, types)])
    print("Demo pages with content in the language (translated/pages, share); the rest fall back to English")
    print(f"{'page type':<{width}}  " + "  ".join(f"{language:>13}" for language in languages))
    for page_type in [*types, "all pages"]:
        cells = []
        for language in languages:
            rows = [by[language, page_type]] if page_type in types else [r for r in pages if r.language == language]
            done, total = sum(r.translated for r in rows), sum(r.pages for r in rows)
            cells.append(f"{done:>3}/{total:<3} {_share(done, total):>5}")
        print(f"{page_type:<{width}}  " + "  ".join(f"{cell:>13}" for cell in cells))
    print()
    print("Interface catalogs (locale/<lang>/LC_MESSAGES/django.po): translated entries")
    for catalog in catalogs:
        share = _share(catalog.translated, catalog.entries)
        print(f"{catalog.language:<8} {catalog.translated:>5}/{catalog.entries:<5} {share:>5}")


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help=f"Count this database (default: a throwaway {DEFAULT_FILE.name}).")
    parser.add_argument("--no-load", action="store_true", help="Count the database as it is: no migrate, no demo load.")
    return parser.parse_args()


def main():
    options = arguments()
    throwaway = options.database_url is None
    if throwaway:
        DEFAULT_FILE.parent.mkdir(exist_ok=True)
        DEFAULT_FILE.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = options.database_url or f"sqlite:///{DEFAULT_FILE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingsite.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("SECRET_KEY", "language-coverage-only")

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command

    try:
        if not options.no_load:
            print("Migrating and loading the demo (a few minutes)...", file=sys.stderr, flush=True)
            logging.disable(logging.INFO)  # Wagtail logs every page the loader creates and publishes
            call_command("migrate", verbosity=0)
            logins = DEFAULT_FILE.with_suffix(".logins.json")
            # The demo's partner workflow sends mails, which DEBUG's console backend prints.
            with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
                call_command("load_demo_content", logins_file=logins, verbosity=0, stdout=quiet)
            logins.unlink(missing_ok=True)
            logging.disable(logging.NOTSET)
        languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        table_print(page_coverage_list(languages), [catalog_coverage_get(language) for language in languages])
    finally:
        if throwaway:
            from django.db import connections

            connections.close_all()
            DEFAULT_FILE.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
