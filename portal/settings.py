"""Settings for the education-office news portal.

One module, driven by environment variables. DJANGO_DEBUG=1 is the developers'
mode (Django's debug pages); DJANGO_DEBUG=0 is what readers get (Thai error pages,
hashed static files) and switches on HTTPS hardening unless DJANGO_HTTPS=0.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "dbbackup",
    "csp",
    "axes",
    "django_prose_editor",
    # Revisions of articles with their photos, event and attendees (news.revisions).
    "reversion",
    "news",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise must come directly after SecurityMiddleware.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Turns a cached page into a 304 when the reader's copy is current.
    "django.middleware.http.ConditionalGetMiddleware",
    # Serves and fills the page cache (news.caching): as early as it can, so a hit
    # skips every middleware below; a miss's response passes all of them first,
    # so the copy stored holds their headers and nothing that set a cookie or Vary.
    "news.caching.PageCacheMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.RefuseNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Default: an SQLite file beside manage.py, in WAL mode with a busy timeout so
# that the dev server and a management command can write at the same time.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# DJANGO_DB_POOL=1: each app process keeps a psycopg pool of PostgreSQL connections
# (Django's "pool" option) instead of one persistent connection per thread; it pays
# with threaded workers (gunicorn --threads). Its size caps what one process may
# open: servers x processes x DJANGO_DB_POOL_MAX_SIZE must stay under PostgreSQL's
# max_connections (docs/deploy.md).
if env_bool("DJANGO_DB_POOL", False):
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DJANGO_DB_POOL=1 needs PostgreSQL (a postgres:// DATABASE_URL).")
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections; Django requires 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DJANGO_DB_POOL_MAX_SIZE", 4)),
        "timeout": 10,  # seconds a request waits for a free connection before failing
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds what all app processes must agree on, e.g. the read counter's
# "already counted this visitor" window: a per-process cache would let each
# gunicorn worker count the same reader again. Redis when several app servers share
# the work; otherwise a table in the database, which every worker (and every server
# on the same database) shares and whose add() is atomic (a primary-key insert).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",  # Django's, with one client per pool
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",  # made by every migrate (news.apps)
            # Room for a busy half hour of readers before the oldest third is culled.
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 3},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
# locale/ is our own catalogue (makemessages); locale_django/ holds Thai for Django's
# own admin, auth and form messages, which Django's Thai catalogue lacks or gets wrong.
# Both take priority over Django's catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_django"]
# Thai input formats: times are typed and shown as 09.00 (portal/formats/th/).
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Photos in S3-compatible object storage (django-storages), so several app servers
# share them: set DJANGO_S3_BUCKET (docs/photos.md, "Storage"). Photos are read by
# the public at stable unsigned URLs, never overwritten (a taken name gets a suffix).
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,  # MinIO, Ceph, moto…
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            # Unset: boto3's own chain (AWS_* variables, instance role).
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,  # a CDN in front
            "addressing_style": os.environ.get("DJANGO_S3_ADDRESSING_STYLE") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", ""),
            "querystring_auth": False,
            "file_overwrite": False,
            # Names never change content (a new upload is a new name): cache for a year.
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
# The app serves /media/ itself (django.views.static.serve, whatever DEBUG says), so
# a one-server install shows its photos. Switch it off (0) when nginx or object
# storage serves /media/ (off by default with DJANGO_S3_BUCKET: URLs point there).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", not S3_BUCKET)

# How many reverse proxies (load balancer, nginx) stand in front of the app servers;
# the reader's address is then read from X-Forwarded-For (read counter de-duplication).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", 0))
# How often a request moves pending reads into articles' counts (news.reads).
READ_FLUSH_SECONDS = int(os.environ.get("DJANGO_READ_FLUSH_SECONDS", 60))
# How many days a deleted article waits in the trash before `manage.py purge_trash`
# (run daily, docs/deploy.md) deletes it and its photos for good.
NEWS_TRASH_DAYS = int(os.environ.get("NEWS_TRASH_DAYS", 30))

# The page cache (news.caching): how long the server keeps an anonymous reader's
# page, feed or sitemap (0 switches the page cache and its headers off), and how
# long browsers, nginx or a CDN may keep one (Cache-Control max-age). Both end at
# the next scheduled publication; an edit ends the server's copy at once.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", 300))
PAGE_MAX_AGE = int(os.environ.get("DJANGO_PAGE_MAX_AGE", 60))
# How many cached pages each app process also keeps in its own memory (at most
# 256 KB each), checked against the shared cache's generation on every request:
# a hit then fetches a few bytes instead of the page. 0 switches it off.
PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("DJANGO_PAGE_CACHE_LOCAL_ENTRIES", 100))

# Photo uploads (news/photos.py). Phone photos are 3-12 MB; anything bigger than
# MAX_PHOTO_BYTES, or with more pixels than MAX_PHOTO_PIXELS (a 48-MP iPhone photo
# passes; a decompression bomb does not), is refused with a clear message. Every
# stored photo is re-encoded with its longest side at most MAX_PHOTO_SIDE pixels.
MAX_PHOTO_BYTES = int(os.environ.get("MAX_PHOTO_BYTES", 20 * 1024 * 1024))
MAX_PHOTO_PIXELS = int(os.environ.get("MAX_PHOTO_PIXELS", 50_000_000))
MAX_PHOTO_SIDE = int(os.environ.get("MAX_PHOTO_SIDE", 2560))

SITE_NAME = _("Education Office News")
# The portal's own domain, for identifiers that must never change: feed guids
# (tag: URIs) and calendar UIDs. Not taken from the Host header, which varies.
SITE_DOMAIN = os.environ.get("DJANGO_SITE_DOMAIN") or next(
    (host.lstrip(".") for host in ALLOWED_HOSTS if host not in {"*", "[::1]"}), "localhost"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Django's own loggers already print to the console in DEBUG; do not print twice.
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Readers reach a production install over HTTPS (default with DJANGO_DEBUG=0):
# HTTPS-only cookies, HSTS, redirect to https. DJANGO_HTTPS=0 is for an install
# reached over plain HTTP, such as scripts/demo.sh on 127.0.0.1 (an admin login
# needs a session cookie the browser sends back over http).
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Security headers and login protection (docs/security.md). --------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# Links to other sites (share buttons, sources) send no address: a draft preview's
# URL or a search for a person's name stays here.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp). No inline script anywhere on the public site,
# so its pages carry no nonce and can be cached whole; JSON-LD is a data block that
# browsers never execute, which CSP does not govern. Admin pages (never cached) get a
# nonce for the prose editor's import map and inline styles for its editor and
# select2: see portal.middleware.ContentSecurityPolicyMiddleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # The nonce appears in the header only on responses that used one (admin).
        "script-src": ["'self'", NONCE],
        # The one inline <style> of the 400 and 500 pages, which load nothing else.
        "style-src": ["'self'", "'sha256-aCNy1k1yde/p7rLc3fvvrL49UCEFyyxZ3CQiymlNcdI='"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one account from one
# address, that pair is refused for AXES_COOLOFF_TIME, even with the right password.
# Attempts are rows in the database, so every app server sees the same count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_LOCKOUT_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# The reader's address as the read counter takes it: behind DJANGO_TRUSTED_PROXY_COUNT
# proxies, from X-Forwarded-For; otherwise the connection's own address.
AXES_CLIENT_IP_CALLABLE = "news.reads.client_address"
AXES_LOCKOUT_CALLABLE = "portal.views.login_locked_out"
AXES_RESET_ON_SUCCESS = True
# One row per failed attempt is enough; no access log of every successful login.
AXES_DISABLE_ACCESS_LOG = True
# The log line names the account and address (axes masks them by default): what an
# operator needs to see an attack. Passwords are never logged.
AXES_SENSITIVE_PARAMETERS = []
# No admin pages for the attempts (axes has no Thai); an operator unlocks early with
# `manage.py axes_reset_username NAME` (docs/security.md).
AXES_ENABLE_ADMIN = False

# Backups (django-dbbackup): `dbbackup`/`dbrestore` for the database, `mediabackup`/
# `mediarestore` for photos; how and when to run them: README "Backups". Kept
# outside MEDIA_ROOT and STATIC_ROOT so no backup is ever served to the web, and
# readable by their owner only: they hold password hashes, sessions and drafts.
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", BASE_DIR / "backups"))
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": BACKUP_DIR, "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
}
DBBACKUP_CLEANUP_KEEP = int(os.environ.get("DJANGO_BACKUP_KEEP", 10))  # used by --clean
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # pg_restore into a new server whose role names differ: the tables then belong
    # to the DATABASE_URL user instead of failing on "ALTER TABLE ... OWNER TO".
    DBBACKUP_CONNECTORS = {"default": {"PG_OPTIONS": "--no-owner --no-acl"}}
# dbbackup prints through its own handler; propagating would print every line twice.
LOGGING["loggers"]["dbbackup"] = {"propagate": False}
