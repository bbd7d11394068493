"""Settings come from the environment; production settings pass Django's deploy checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-for-the-deploy-check-test-Zq8sV1pW5rT0yU9iO2aS4dF6gH7jK1lQ",
    "SITE_URL": "https://learn.example.org",
    "ALLOWED_HOSTS": "learn.example.org",
    "DATABASE_URL": "postgres://academy:secret@db.internal:5432/academy",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_HOST_USER": "mailer",
    "EMAIL_HOST_PASSWORD": "secret",
    "TRUSTED_PROXY_COUNT": "1",
    "CERTIFICATE_SIGNING_KEYS": "Yy2ThBqFJzL0rNf0Ul0Zk2nqY7bH3m8mXc3p1C6m0dE",
}


def run_python(code, **env_vars):
    """Run `code` in a fresh interpreter with only the given variables set on top of PATH."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "trainingsite.settings", **env_vars}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


SETTINGS_AS_JSON = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "db = s.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST'), "
    "'options': db.get('OPTIONS', {}), 'test_name': str(db.get('TEST', {}).get('NAME')), "
    "'cache': s.CACHES['default']['BACKEND'], 'ssl_redirect': s.SECURE_SSL_REDIRECT, "
    "'session_secure': s.SESSION_COOKIE_SECURE, 'csrf_secure': s.CSRF_COOKIE_SECURE, "
    "'hsts': s.SECURE_HSTS_SECONDS, 'hosts': s.ALLOWED_HOSTS, 'email': s.EMAIL_BACKEND, "
    "'proxies': s.ALLAUTH_TRUSTED_PROXY_COUNT, 'storage': s.STORAGES['default']['BACKEND'], "
    "'session_engine': s.SESSION_ENGINE, 'auth_backends': s.AUTHENTICATION_BACKENDS}))"
)


def settings_with(**env_vars):
    result = run_python(SETTINGS_AS_JSON, **env_vars)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_database_url_selects_postgresql():
    values = settings_with(**PRODUCTION_ENV)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "academy"
    assert values["host"] == "db.internal"


def test_without_database_url_sqlite_is_tuned_for_concurrent_writers():
    values = settings_with(DEBUG="1")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("var/db.sqlite3")
    assert values["options"]["transaction_mode"] == "IMMEDIATE"
    assert values["options"]["timeout"] >= 5
    assert "journal_mode=WAL" in values["options"]["init_command"]
    assert values["test_name"].endswith("test_db.sqlite3")  # a file, so threads share it


def test_laptop_defaults_are_local_and_plain_http():
    values = settings_with(DEBUG="1")
    assert values["cache"].endswith("LocMemCache")
    assert values["email"].endswith("console.EmailBackend")
    assert values["ssl_redirect"] is False
    assert values["hosts"] == ["127.0.0.1", "localhost", "127.0.0.1", "[::1]"]
    assert values["storage"].endswith("FileSystemStorage")
    # One process's memory must not keep a session or a user another process changed.
    assert values["session_engine"].endswith(".db")
    assert values["auth_backends"][0] == "django.contrib.auth.backends.ModelBackend"


def test_production_variables_turn_on_https_redis_smtp_and_proxy_trust():
    values = settings_with(**PRODUCTION_ENV, MEDIA_BUCKET="academy-media")
    assert values["cache"].endswith("RedisCache")
    assert values["email"].endswith("smtp.EmailBackend")
    assert values["ssl_redirect"] and values["session_secure"] and values["csrf_secure"]
    assert values["hsts"] >= 31_536_000
    assert values["hosts"] == ["learn.example.org"]
    assert values["proxies"] == 1
    assert values["storage"] == "storages.backends.s3.S3Storage"
    assert values["session_engine"].endswith("cached_db")
    assert values["auth_backends"][0] == "accounts.backends.CachedModelBackend"
    assert "django.contrib.auth.backends.ModelBackend" in values["auth_backends"]  # older sessions still work


def test_missing_secret_key_with_debug_off_refuses_to_start():
    result = run_python("import django; django.setup()", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_malformed_boolean_is_a_clear_error():
    result = run_python("import django; django.setup()", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_deploy_check_passes_with_production_variables():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={"PATH": os.environ["PATH"], **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_on_laptop_defaults():
    """The check is real: plain HTTP, a local cache and console email are each flagged."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={"PATH": os.environ["PATH"], "SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    for check_id in ("security.W008", "trainingsite.W001", "trainingsite.W002"):
        assert check_id in output


@pytest.mark.django_db
def test_the_test_database_is_a_file_in_wal_mode_on_sqlite():
    if connection.vendor != "sqlite":
        assert connection.vendor == "postgresql"
        return
    # A file (threads share it), one per pytest-xdist worker: test_db.sqlite3_gw0, _gw1…
    name = Path(settings.DATABASES["default"]["NAME"]).name
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    assert name == (f"test_db.sqlite3_{worker}" if worker else "test_db.sqlite3")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


CACHE_SETTINGS_AS_JSON = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'caches': {alias: c['BACKEND'] for alias, c in s.CACHES.items()}, "
    "'loaders': s.TEMPLATES[0]['OPTIONS']['loaders'], 'page_cache': s.PAGE_CACHE_SECONDS}))"
)


def test_production_compiles_templates_once_and_shares_the_page_cache_generation():
    result = run_python(CACHE_SETTINGS_AS_JSON, **PRODUCTION_ENV, PAGE_CACHE_SECONDS="300")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["loaders"][0][0] == "django.template.loaders.cached.Loader"
    redis = "django.core.cache.backends.redis.RedisCache"
    assert values["caches"] == {"default": redis, "generation": redis}
    assert values["page_cache"] == 300


def test_a_laptop_reloads_templates_and_keeps_the_generation_in_a_file():
    result = run_python(CACHE_SETTINGS_AS_JSON, DEBUG="1")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert "django.template.loaders.cached.Loader" not in json.dumps(values["loaders"])
    assert values["caches"]["default"].endswith("LocMemCache")
    assert values["caches"]["generation"].endswith("FileBasedCache")  # every local process sees a publish
    assert values["page_cache"] == 600


FRONTEND_CACHE_AS_JSON = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps(s.WAGTAILFRONTENDCACHE))"
)


def test_without_a_purge_address_no_cdn_is_purged():
    result = run_python(FRONTEND_CACHE_AS_JSON, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}
    assert "frontend" not in result.stderr.lower()  # no warning at startup


def test_cdn_purges_are_configured_from_the_environment():
    result = run_python(
        FRONTEND_CACHE_AS_JSON,
        **PRODUCTION_ENV,
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        CLOUDFLARE_ZONE_ID="zone-1",
        CLOUDFLARE_API_TOKEN="token-1",
        FRONTEND_CACHE_HOSTNAMES="learn.example.org",
    )
    assert result.returncode == 0, result.stderr
    backends = json.loads(result.stdout)
    assert backends["http"] == {
        "BACKEND": "base.cdn.TimeoutHTTPBackend",
        "LOCATION": "http://varnish.internal:6081",
        "TIMEOUT": 10,
        "HOSTNAMES": ["learn.example.org"],
    }
    assert backends["cloudflare"]["ZONEID"] == "zone-1" and backends["cloudflare"]["BEARER_TOKEN"] == "token-1"
    assert "cloudfront" not in backends
