"""Settings for the training site: one module, every knob an environment variable.

The defaults suit a laptop (SQLite file, local cache, local media, console email);
production sets the variables listed in `.env.example` and README.md.
"""

import base64
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"  # local, git-ignored state: database, media, collected static


def env(name, default=None, *, cast=str):
    """The one place that reads the environment; `cast` is str, bool, int or list."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if cast is bool:
        value = raw.strip().lower()
        if value in {"1", "true", "yes", "on"}:
            return True
        if value in {"0", "false", "no", "off"}:
            return False
        raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}.")
    if cast is int:
        try:
            return int(raw)
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}.") from None
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw


# --- Core -------------------------------------------------------------------

DEBUG = env("DEBUG", False, cast=bool)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 on a development machine."
        )
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105 (DEBUG only)

# The public address of the site. Its scheme decides whether HTTPS-only settings apply,
# so a laptop on http://127.0.0.1 works with DEBUG off and production on https passes
# `check --deploy`.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
_site = urlsplit(SITE_URL)
if _site.scheme not in {"http", "https"} or not _site.hostname:
    raise ImproperlyConfigured(f"SITE_URL must be an http(s) address, not {SITE_URL!r}.")
HTTPS = _site.scheme == "https"

ALLOWED_HOSTS = env("ALLOWED_HOSTS", [_site.hostname, "localhost", "127.0.0.1", "[::1]"], cast=list)
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [f"{_site.scheme}://{_site.netloc}"], cast=list)

INSTALLED_APPS = [
    "accounts",
    "home",
    "taxonomy",
    "courses",
    "assessments",
    "library",
    "events",
    "opportunities",
    "partners",
    "projects",
    "news",
    "certificates",
    "nudges",
    "network",
    "reports",
    "search",
    "newsletter",
    "demo",  # the demo content and its loader: the top layer, it may use every app
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",  # its backends purge a CDN (base/cdn.py); before base, which unhooks it
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",  # the opportunities board's routes and their template tag
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "base",  # after wagtail.admin: it sets every page's admin form (base/apps.py)
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # allauth.usersessions' list of devices
    "django_countries",
    "csp",  # its system checks catch settings left in the pre-4.0 format
    "django_tasks",
    "django_tasks_db",  # the database queue; `manage.py db_worker` runs what is queued
]
# Django's own admin is deliberately not installed: the Wagtail admin is the only back
# office, and it logs in through allauth (one login form, one set of rate limits).

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise, so static files get the headers too.
    "trainingsite.middleware.PermissionsPolicyMiddleware",
    "trainingsite.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A signed-in learner's own pages (base/learner_cache.py): after the session, CSRF, user and
    # messages it reads; a hit skips the middleware below, none of which acts on a learner's GET.
    "base.learner_cache.LearnerPageCacheMiddleware",
    # A first visit by Accept-Language: after the user it reads, before the page cache, so its
    # redirect is never stored and English readers keep their hits.
    "base.languages.FirstVisitLanguageMiddleware",
    # After the session, user and messages it reads; the middleware above still run on a hit.
    "base.page_cache.AnonymousPageCacheMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AdminMFARequiredMiddleware",
    "partners.middleware.PartnerAdminGuardMiddleware",  # partner editors never open another partner's objects
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "trainingsite.urls"
WSGI_APPLICATION = "trainingsite.wsgi.application"

# Templates are read from disk once per process (the cached loader), except with DEBUG on, where
# `make dev` should show a changed template on the next request without a restart.
_TEMPLATE_LOADERS = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "loaders": _TEMPLATE_LOADERS if DEBUG else [("django.template.loaders.cached.Loader", _TEMPLATE_LOADERS)],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------

# SQLite is tuned for concurrent writers: WAL lets readers run beside a writer,
# IMMEDIATE takes the write lock when a transaction starts (so two transactions never
# deadlock upgrading a read lock), and the timeout makes a writer wait instead of failing.
# Reports read hundreds of thousands of rows: the file is read through a memory map (no read()
# per page), and the sorts and groupings of a query stay in memory instead of a temporary file;
# together about a third less time for the reports of issue 17 (scripts/report_bench.py).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA mmap_size=1073741824; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;"
    ),
}

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env("DATABASE_CONN_MAX_AGE", 60, cast=int),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)  # SQLite creates the file, not its folder
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
    # A file, not memory: threads in race tests must share one database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test_db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks (django-tasks) -------------------------------------------
# Work after a commit (a certificate's files and email) is queued in the database and run by
# `manage.py db_worker` (README, "Background work"); tests run tasks at once (test_settings).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Cache (and so allauth's rate limits) --------------------------------------

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    _redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    CACHES = {"default": _redis, "generation": _redis}
    # Sessions read from Redis and written to both: no session query on a signed-in page. Not
    # without Redis: a process's own memory would keep a session another process logged out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Per process. Fine for one process on a laptop; `check --deploy` warns without Redis.
    # The page cache's generation (base/page_cache.py) must still reach every process of the
    # machine (gunicorn's workers, the task worker, `publish_scheduled`), so it lives in a file.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        },
    }

# Whole pages for visitors who are not signed in (base/page_cache.py), kept this many seconds
# unless content changes first; 0 turns the page cache off. Shared caches (a CDN) may keep them
# as long (s-maxage); browsers ask again each time (max-age=0).
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS", 600, cast=int)

# Course and resource views are added up (in Redis with REDIS_URL, shared by every process; else in
# each process's memory) and written in one batch at most this often, and when a process exits
# (reports/page_views.py); 0 writes each view at once.
PAGE_VIEW_FLUSH_SECONDS = env("PAGE_VIEW_FLUSH_SECONDS", 10, cast=int)

# A CDN in front keeps those pages too; when one is configured, publishing, unpublishing or moving a
# page purges it, its ancestors and the listings that show it (base/cdn.py, a background task).
# Without any of these variables nothing is purged. Several may be set at once.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):  # a cache that takes HTTP PURGE requests (Varnish, nginx, Fastly-like)
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "base.cdn.TimeoutHTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        "TIMEOUT": env("FRONTEND_CACHE_TIMEOUT", 10, cast=int),
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),  # a token allowed "Zone.Cache Purge"
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):  # credentials from boto3's usual chain (AWS_ACCESS_KEY_ID…, a role)
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
if env("FRONTEND_CACHE_HOSTNAMES"):  # only these hosts are purged (default: every site's)
    for _backend in WAGTAILFRONTENDCACHE.values():
        _backend["HOSTNAMES"] = env("FRONTEND_CACHE_HOSTNAMES", cast=list)

# --- Accounts ------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
if REDIS_URL:
    # The signed-in user kept in Redis, dropped on every save (accounts/backends.py): with the
    # cached sessions above, no query at all on a page a learner has in the per-learner cache.
    # New sign-ins name it; Django's ModelBackend stays listed for sessions made before Redis was
    # configured, which keep working (reading their user from the database).
    AUTHENTICATION_BACKENDS.insert(0, "accounts.backends.CachedModelBackend")
# Length and a list of common passwords, no composition rules (ASVS 6.2, NIST 800-63B):
# NumericPasswordValidator is left out because it is one (a long all-digit passphrase is fine).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.validators.MaximumLengthValidator", "OPTIONS": {"max_length": 256}},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# A short code works on a phone without switching apps; links break in some webmail.
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = _site.scheme
# allauth's default limits (login_failed 10/m/ip and 5/5m per account, signup, reset,
# codes) apply; they live in the cache above. Behind N reverse proxies, set this so
# limits key on the client's address, not the proxy's.
ALLAUTH_TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT", 0, cast=int)
# A new learner verifies their address, is logged in, and lands on the short (skippable)
# profile step; LOGIN_REDIRECT_URL still applies to every later login.
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:profile_complete"
# Completes an "Enrol" or "Save" chosen before signing up or logging in (accounts/intents.py).
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
# Changing the email address, a password, 2FA or deleting the account asks for the
# password (or a code) again when the last authentication is older than this.
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# One address per account: a new address replaces the old one once its code is entered.
ACCOUNT_CHANGE_EMAIL = True

# Two-factor authentication: an authenticator app (TOTP) with recovery codes.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("SITE_NAME", "SME Academy")
MFA_RECOVERY_CODES_SHOW_ONCE = True
# Staff and anyone who may open the Wagtail admin must have an authenticator app before
# they reach it (accounts.middleware). On unless ADMIN_REQUIRE_MFA=0; `make run` turns it
# off for the local demo and says so when it prints the logins.
ADMIN_REQUIRE_MFA = env("ADMIN_REQUIRE_MFA", True, cast=bool)

# Learners see their signed-in devices and end the others (allauth.usersessions). Each
# login is recorded; "last seen" tracking is off because it writes on every request.
USERSESSIONS_TRACK_ACTIVITY = False

# Quiz submissions per learner (allauth's notation: "20/m", "100/h"); past it, HTTP 429.
QUIZ_SUBMIT_RATE_LIMIT = env("QUIZ_SUBMIT_RATE_LIMIT", "20/m")
# The opportunities board (allauth's notation, per member, in the shared cache).
OPPORTUNITY_POST_RATE_LIMIT = env("OPPORTUNITY_POST_RATE_LIMIT", "5/h")
OPPORTUNITY_ANSWER_RATE_LIMIT = env("OPPORTUNITY_ANSWER_RATE_LIMIT", "20/h")

# --- Email -----------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SME Academy <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# With EMAIL_HOST set, mail goes out over SMTP; without it, to the console (codes show
# in the terminal of `make run`).
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env("EMAIL_PORT", 587, cast=int)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", True, cast=bool)
EMAIL_TIMEOUT = 20

# --- Internationalisation ---------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("zh-hans", "简体中文"),
    ("tr", "Türkçe"),
    ("ka", "ქართული"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language a visitor chose (the switcher, or a learner's preferred language at sign-in) is
# kept a year, not for the browser session: the next visit opens in it (base/languages.py).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Content translation (wagtail-localize) ----------------------------------------

# A translation starts as a draft whatever the source's status: it is published through the same
# review as the source (a partner's team cannot publish), never on "Translate".
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off unless a DeepL key is set: no "Translate with machine" button, and
# no text leaves the site. A key ending in ":fx" uses DeepL's free API.
DEEPL_AUTH_KEY = env("DEEPL_AUTH_KEY", "")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }

# --- Static files and uploads ------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))

# User uploads never go through whitenoise (it serves STATIC_ROOT only). Locally they are
# served by trainingsite.media with sandboxing headers; in production by object storage.
MEDIA_BUCKET = env("MEDIA_BUCKET")
if MEDIA_BUCKET:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env("MEDIA_ENDPOINT_URL"),
            "region_name": env("MEDIA_REGION"),
            "access_key": env("MEDIA_ACCESS_KEY_ID"),
            "secret_key": env("MEDIA_SECRET_ACCESS_KEY"),
            "custom_domain": env("MEDIA_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
SERVE_MEDIA = env("SERVE_MEDIA", not MEDIA_BUCKET, cast=bool)

STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # large page forms in the Wagtail editor

# --- Security (HTTPS-only settings follow SITE_URL's scheme) -------------------------

SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", HTTPS, cast=bool)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env("TRUSTED_PROXY_COUNT", 0, cast=int) else None
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365 if HTTPS else 0, cast=int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS, cast=bool)
# Preload asks browsers to hard-code HTTPS for the domain and its subdomains; set 0 if any
# subdomain must stay on plain HTTP.
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", HTTPS, cast=bool)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN

# Content-Security-Policy (django-csp). The public site runs no inline script or style and
# loads nothing from another origin, except the video players a learner asks for
# (courses.blocks.video_embed_url builds their addresses; tests/home/test_headers.py keeps
# the two in step). Scripts are the site's own files ('self'); a script tag that ever needs to be
# inline would carry the request's nonce (NONCE), which no page uses today.
VIDEO_EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # data: for the 2FA QR code
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_EMBED_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": HTTPS,
    },
}
# The Wagtail admin (and the page previews it frames) still has inline scripts and styles
# and frames its own previews, so it gets a looser policy, still same-origin only.
# trainingsite.middleware picks it for these path prefixes. No nonce here: a nonce would
# make browsers ignore 'unsafe-inline'.
CONTENT_SECURITY_POLICY_ADMIN = {
    "URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "upgrade-insecure-requests": HTTPS,
    },
}
# Browser features no page of ours uses, turned off for every response (and so for any
# script that might sneak in). browsing-topics replaces FLoC's interest-cohort, which
# Chromium no longer knows and warns about.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# --- Wagtail ----------------------------------------------------------------------

WAGTAIL_SITE_NAME = env("SITE_NAME", "SME Academy")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"  # no second, unprotected login form
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]  # never SVG
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from a third-party origin in the admin

# --- Certificates -------------------------------------------------------------------

# The Ed25519 keys that sign certificates (certificates/keys.py): base64url 32-byte seeds,
# separated by commas or whitespace; the first signs, every one is published in the JWKS.
# Rotate by putting a new key first. Required with DEBUG off (system check certificates.E001);
# `make run` generates var/certificate_key once. With DEBUG on and none set, a key derived from
# SECRET_KEY keeps a development machine working.
CERTIFICATE_SIGNING_KEYS = env("CERTIFICATE_SIGNING_KEYS", "")
if not CERTIFICATE_SIGNING_KEYS and DEBUG:
    CERTIFICATE_SIGNING_KEYS = (
        base64.urlsafe_b64encode(hashlib.sha256(f"certificate-signing:{SECRET_KEY}".encode()).digest())
        .rstrip(b"=")
        .decode()
    )

# --- Logging ------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},  # one line per search-index task otherwise
    },
}


# Passwords and email addresses are managed through allauth (re-authentication, codes,
# rate limits), not through the Wagtail admin's own forms.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
