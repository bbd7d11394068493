"""Two app servers, one Redis and one S3 bucket on this machine: the site as it runs on many machines.

Each "machine" is a gunicorn started with production settings (DEBUG off) and the same
environment a deployment gives every app server: the test's database (SQLite file or
PostgreSQL), `REDIS_URL` and the media bucket. Redis is Debian's `redis-server`, the bucket is
moto's S3 server (requirements-test.txt); `make test` installs both. Nothing is mocked: the
servers talk to each other only through the database, Redis and S3, as separate machines would.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from bench import free_port  # noqa: E402 (scripts/ is not a package)
from bench import stop_gunicorn as stop  # noqa: E402  TERM the process group, KILL it after 20 s

STATIC_ROOT = ROOT / "var" / "test-static"  # collected once, reused while static/ is unchanged
BUCKET = "media"
SECRET_KEY = "many-machines-test-only-key-of-enough-length-0123456789"


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url}: the process exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def database_url() -> str:
    """The test database, as a URL another process can open (it must be on disk or a server)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(settings["NAME"])
        if name == ":memory:" or "mode=memory" in name:
            pytest.fail("The many-machines tests need a SQLite file: the test settings use one.")
        return f"sqlite:///{Path(name).resolve()}"
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{user}{password}@{settings['HOST'] or '127.0.0.1'}{port}/{settings['NAME']}"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A Redis of our own (Debian's redis-server), nothing saved to disk."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("Debian's redis-server is missing: `make test` installs it (apt-get install redis-server).")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    log = folder / "redis.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(folder)],
            stdout=out, stderr=out, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"redis-server did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


@pytest.fixture(scope="session")
def s3():
    """moto's S3 server in this process: an S3-compatible endpoint with one empty bucket."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}
    boto3.client("s3", endpoint_url=endpoint, **credentials).create_bucket(Bucket=BUCKET)
    try:
        yield {"endpoint": endpoint, **credentials}
    finally:
        server.stop()


@pytest.fixture(scope="session")
def static_root():
    """Production settings serve hashed static files: collect them once (about 20 s of CPU)."""
    manifest = STATIC_ROOT / "staticfiles.json"
    sources = [path for path in (ROOT / "static").rglob("*") if path.is_file()]
    newest = max((path.stat().st_mtime for path in sources), default=0)
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="trainingsite.settings", DEBUG="0", SECRET_KEY=SECRET_KEY,
                   STATIC_ROOT=str(STATIC_ROOT))  # fmt: skip
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--clear", "-v0"],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
    return STATIC_ROOT


def media_env(s3) -> dict:
    return {
        "MEDIA_BUCKET": BUCKET,
        "MEDIA_ENDPOINT_URL": s3["endpoint"],
        "MEDIA_REGION": s3["region_name"],
        "MEDIA_ACCESS_KEY_ID": s3["aws_access_key_id"],
        "MEDIA_SECRET_ACCESS_KEY": s3["aws_secret_access_key"],
    }


@pytest.fixture
def machines(transactional_db, redis_url, s3, static_root, tmp_path, settings):
    """Two app servers ("a" and "b": base URLs) on the test's database, Redis and bucket."""
    from django.conf import global_settings

    # The test settings hash passwords with MD5 for speed; the servers only check production's.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    port_a, port_b = free_port(), free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "DJANGO_SETTINGS_MODULE": "trainingsite.settings",
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "STATIC_ROOT": str(static_root),
        "SITE_URL": "http://academy.test",
        "ALLOWED_HOSTS": "academy.test,127.0.0.1,localhost",
        "ADMIN_REQUIRE_MFA": "0",
        **media_env(s3),
    }
    servers, bases = [], {}
    try:
        for name, port in (("a", port_a), ("b", port_b)):
            log = tmp_path / f"gunicorn-{name}.log"
            command = [sys.executable, "-m", "gunicorn", "trainingsite.wsgi", "--bind", f"127.0.0.1:{port}",
                       "--workers", "1", "--threads", "2", "--no-control-socket"]  # fmt: skip
            with open(log, "w") as out:
                server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True)
            servers.append(server)
            bases[name] = f"http://127.0.0.1:{port}"
            wait_for(f"{bases[name]}/healthz/", server, log)
        yield bases
    finally:
        for server in servers:
            stop(server)


@pytest.fixture
def shared_services(settings, redis_url, s3):
    """This test process as a third machine (an editor's or the task worker's): the same Redis and bucket."""
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    settings.CACHES = {"default": redis, "generation": redis}
    options = media_env(s3)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": options["MEDIA_BUCKET"],
                "endpoint_url": options["MEDIA_ENDPOINT_URL"],
                "region_name": options["MEDIA_REGION"],
                "access_key": options["MEDIA_ACCESS_KEY_ID"],
                "secret_key": options["MEDIA_SECRET_ACCESS_KEY"],
                "default_acl": None,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    yield
    from django.core.cache import caches

    caches["default"].clear()  # the next test starts with an empty Redis
