# Two commands matter: `make run` (set up and serve) and `make test` (the whole suite).
# `make dev` serves with autoreload and DEBUG on; `make bench` measures the server.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

# `make run` serves the site as production would (DEBUG off, compressed static files,
# the site's own error pages) on a laptop: a local secret key is generated once. The local
# demo lets the admin in without two-factor authentication (load_demo_content says so). A local
# Ed25519 key that signs certificates is generated once too (var/certificate_key).
RUN_ENV = SECRET_KEY="$$(cat var/secret_key)" CERTIFICATE_SIGNING_KEYS="$$(cat var/certificate_key)" SITE_URL="http://$(HOST):$(PORT)" ADMIN_REQUIRE_MFA=0

.PHONY: help run dev bench screenshots bench-reports bench-concurrency wrk setup test test-suite python-venv node chromium java redis gettext lint clean messages language-coverage

help:
	@echo "make run    set everything up and serve the site at http://$(HOST):$(PORT)"
	@echo "make dev    the same with Django's development server (autoreload, DEBUG=1) for changing code"
	@echo "make bench  requests/s, p50/p99 and page weight on slow 3G, under gunicorn (var/bench.json)"
	@echo "make screenshots LANGUAGE=ar  full-page PNGs of each page type of the demo, phone and desktop (var/screenshots/ar/index.html)"
	@echo "make bench-reports  each report's time at 100,000 enrolments (BENCH_REPORTS_ARGS=--database-url postgres://...)"
	@echo "make bench-concurrency  200 learners at once; then checks every record (BENCH_CONCURRENCY_ARGS=--database-url ...)"
	@echo "make test   run the whole test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make lint   check style (ruff), formatting (ruff format) and the layer contracts (lint-imports)"
	@echo "make messages  add newly marked strings to locale/*/LC_MESSAGES/django.po (needs GNU gettext)"
	@echo "make language-coverage  per language, the demo pages with content in it and the catalogs' translated share"

# A fresh Debian needs a few of its packages before pip and npm can work: with apt-get when
# run as root (as CI is), otherwise a message naming the exact packages. The chroot check in
# scripts/fresh_machine_check.sh proves it on a bare Debian 12.
APT_INSTALL = apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
define apt_need  # $(call apt_need,what it is for,packages)
	if [ "$$(id -u)" = "0" ]; then \
		echo "Installing Debian's $(2) for $(1)..."; \
		$(APT_INSTALL) $(2) >/dev/null; \
	else \
		echo "Debian packages needed for $(1): $(2)"; \
		echo "Install them with:  sudo apt-get install $(2)"; \
		exit 1; \
	fi
endef

# Debian's python3 has no venv module (ensurepip) without python3-venv.
# As root: apt-get install -y python3-venv
python-venv:
	@if [ ! -x $(PY) ] && ! $(PYTHON) -c "import ensurepip" 2>/dev/null; then \
		$(call apt_need,the virtualenv (.venv),python3-venv); \
	fi

# npm for the test tools in package.json; bookworm's npm 9 reads lockfileVersion 3.
# As root: apt-get install -y nodejs npm
node:
	@if ! command -v npm >/dev/null; then \
		$(call apt_need,the test tools (npm ci),nodejs npm); \
	fi

$(VENV)/.requirements: requirements.txt | python-venv
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.requirements-test: $(VENV)/.requirements requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	@touch $@

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

# A base64url Ed25519 seed (32 random bytes), as CERTIFICATE_SIGNING_KEYS expects it.
var/certificate_key:
	@mkdir -p var
	@$(PYTHON) -c "import base64, secrets; print(base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b'=').decode())" > $@
	@chmod 600 $@

setup: $(VENV)/.requirements var/secret_key var/certificate_key
	$(RUN_ENV) $(PY) manage.py compile_translations
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(PY) manage.py load_demo_content
	$(RUN_ENV) $(PY) manage.py certificates_issue_missing

# gunicorn, sized for this machine. Rendering a page is CPU work under the GIL, so processes
# give the parallelism: 2 x cores + 1 (gunicorn's own advice: one busy on the CPU per core while
# another waits on the database or a slow client), at most 8, since each worker holds the whole
# app in memory and SQLite takes one writer at a time, so more add memory, not throughput. Two
# threads a worker (gthread) let it overlap a database or network wait without the GIL
# contention that many threads bring. Override: make run WORKERS=3 THREADS=1. gunicorn 27's
# control socket defaults to one path per user (~/.gunicorn/gunicorn.ctl), shared by every
# checkout's server; each keeps its own in var/.
CORES := $(shell nproc 2>/dev/null || echo 1)
WORKERS ?= $(shell n=$$((2 * $(CORES) + 1)); [ $$n -gt 8 ] && n=8; echo $$n)
THREADS ?= 2
GUNICORN = $(VENV)/bin/gunicorn trainingsite.wsgi --workers $(WORKERS) --threads $(THREADS) --control-socket var/gunicorn.ctl

# The task worker (certificates' files and emails, README "Background work") runs beside the
# server and stops with it. The access log goes to stdout, errors to stderr.
define serve_with_worker  # $(call serve_with_worker,server command)
	$(RUN_ENV) $(PY) manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(1)
endef

run: setup
	@echo "Serving http://$(HOST):$(PORT)/ with gunicorn, $(WORKERS) workers x $(THREADS) threads (Ctrl+C to stop; the task worker stops with it)"
	@$(call serve_with_worker,$(GUNICORN) --bind $(HOST):$(PORT) --access-logfile -)

# Django's development server, reloading on code changes, with DEBUG on (tracebacks in the
# browser) for people changing the code; same setup and task worker as `make run`.
dev: setup
	@echo "Serving http://$(HOST):$(PORT)/ with Django's development server, DEBUG on (Ctrl+C to stop)"
	@$(call serve_with_worker,DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT))

# `make bench` (scripts/bench.py) loads the server with Debian's wrk. As root: apt-get install -y wrk
wrk:
	@if ! command -v wrk >/dev/null; then \
		$(call apt_need,make bench (the load tool),wrk); \
	fi

# Requests/s and p50/p99 per page against a static file, then page weight and load time on slow
# 3G (Playwright, chromium), under gunicorn with make run's settings and size on a free port;
# prints two tables and writes var/bench.json. BENCH_ARGS="--duration 30 --connections 20" etc.;
# BENCH_ARGS=--redis runs a throwaway Redis beside it (REDIS_URL, as on many machines).
BENCH_ARGS ?=
bench: setup $(VENV)/.requirements-test wrk chromium redis
	@$(RUN_ENV) $(PY) scripts/bench.py --workers $(WORKERS) --threads $(THREADS) $(BENCH_ARGS)

# Full-page screenshots of each page type of the demo in one language, on a 412 px phone and a
# 1280 px desktop (scripts/screenshots.py: gunicorn with make run's settings, Debian's chromium),
# with an index.html, in var/screenshots/<LANGUAGE>/.
LANGUAGE ?= ar
screenshots: setup $(VENV)/.requirements-test chromium
	@$(RUN_ENV) $(PY) scripts/screenshots.py --language $(LANGUAGE) --out var/screenshots/$(LANGUAGE)

# Each report of issue 17 timed on 100,000 synthetic enrolments and 1,000,000 lesson completions,
# on its own SQLite file (var/report_bench.sqlite3, generated once, about 10 minutes) or on the
# database of BENCH_REPORTS_ARGS="--database-url postgres://...". Prints a table; never fails on time.
bench-reports: $(VENV)/.requirements
	$(PY) scripts/report_bench.py $(BENCH_REPORTS_ARGS)

# 200 learners at once against gunicorn (production settings): enrol, finish every lesson, open
# the dashboard; prints requests/s and p50/p99, then checks no record was lost or doubled (exit 1
# if one was). On PostgreSQL: BENCH_CONCURRENCY_ARGS="--database-url postgres://... --redis-url redis://...".
bench-concurrency: setup $(VENV)/.requirements-test
	@$(RUN_ENV) $(PY) scripts/concurrency_bench.py $(BENCH_CONCURRENCY_ARGS)

# The browser tests drive Debian's chromium. As root: apt-get install -y chromium
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		$(call apt_need,the browser tests,chromium); \
	fi

# The many-machines tests (tests/scale/) run Debian's Redis beside two app servers.
# As root: apt-get install -y redis-server
redis:
	@if ! command -v redis-server >/dev/null; then \
		$(call apt_need,the many-machines tests,redis-server); \
	fi

# The catalog checks (tests/test_translations.py) run GNU gettext's msgfmt and xgettext.
# As root: apt-get install -y gettext
gettext:
	@if ! command -v msgfmt >/dev/null || ! command -v xgettext >/dev/null; then \
		$(call apt_need,the translation checks,gettext); \
	fi

# The HTML test runs the W3C Nu checker (vnu.jar) with Debian's Java.
# As root: apt-get install -y default-jre-headless
java:
	@if ! command -v java >/dev/null; then \
		$(call apt_need,the HTML test (Nu checker),default-jre-headless); \
	fi

# One npm ci brings both; Java comes first, so vnu-jar's install script finds it (and fetches none).
node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar &: package.json package-lock.json | node java
	npm ci --no-audit --no-fund --loglevel=error
	@touch node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar

# The suite alone, for a database chosen by DATABASE_URL (.ci/run calls it for PostgreSQL), in
# parallel (pytest-xdist, one worker per core, each with its own test database), in two passes:
# the tests that commit for real (races, browser journeys; marked "transactional" by
# tests/conftest.py) empty their database afterwards, so they run after all the others.
# PYTEST_MARKS narrows both passes (e.g. 'not html'); PYTEST_ARGS is passed to both.
PYTEST_WORKERS ?= auto
PYTEST_MARKS ?=
test-suite: $(VENV)/.requirements-test node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar chromium java redis gettext
	$(PY) manage.py compile_translations --settings=trainingsite.test_settings
	$(PY) manage.py makemigrations --check --dry-run --settings=trainingsite.test_settings
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not transactional$(if $(PYTEST_MARKS), and ($(PYTEST_MARKS)))" $(PYTEST_ARGS)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "transactional$(if $(PYTEST_MARKS), and ($(PYTEST_MARKS)))" $(PYTEST_ARGS)

test: test-suite

# The one command that refreshes the catalogs; tests/test_translations.py runs the same flags.
messages:
	DEBUG=1 $(PY) manage.py makemessages -a --no-location --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=var --ignore=tests

# Per language and page type, the demo pages with content in that language vs. the English
# fallback, and each catalog's translated share; on a throwaway SQLite file in var/ (a few minutes,
# the demo is loaded) or LANGUAGE_COVERAGE_ARGS="--database-url postgres://...".
LANGUAGE_COVERAGE_ARGS ?=
language-coverage: $(VENV)/.requirements
	$(PY) scripts/language_coverage.py $(LANGUAGE_COVERAGE_ARGS)

# All three checks run, so one pass lists every problem; it fails if any did. Settings live in
# pyproject.toml (ruff) and .importlinter (the layers of docs/architecture.md).
lint: $(VENV)/.requirements-test
	@status=0; \
	$(VENV)/bin/ruff check . || status=1; \
	$(VENV)/bin/ruff format --check . || status=1; \
	$(VENV)/bin/lint-imports || status=1; \
	exit $$status

clean:
	rm -rf var/static var/test-media .pytest_cache
