"""All of xxgk's settings, read from the environment.

Development defaults are safe to run on a laptop (SQLite under ``var/``, DEBUG on,
console e-mail). Production is ``DJANGO_ENV=production``: DEBUG off, secure cookies,
HSTS, and a SECRET_KEY that must be provided.
"""

import base64
import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("XXGK_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

# Personal data at rest (xxgk.security.fields): Fernet keys, newest first, comma-separated.
# Development derives one from SECRET_KEY; production must provide its own.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEY", "")
if not FIELD_ENCRYPTION_KEYS:
    if PRODUCTION:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY must be set when DJANGO_ENV=production")
    _digest = hashlib.sha256(b"xxgk field encryption\x00" + SECRET_KEY.encode()).digest()
    FIELD_ENCRYPTION_KEYS = [base64.urlsafe_b64encode(_digest).decode()]
# Personal data of cases closed longer ago than this is erased (manage.py purge_personal_data).
XXGK_PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("XXGK_PERSONAL_DATA_RETENTION_DAYS", "1095"))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # xxgk domain apps
    "xxgk.core",
    "xxgk.orgs",
    "xxgk.catalogue",
    "xxgk.disclosures",
    "xxgk.portal",
    "xxgk.reports",
    "xxgk.registers",
    "xxgk.workdays",
    "xxgk.api",
    "xxgk.feeds",
    "xxgk.importer",
    "xxgk.search",
    "xxgk.supervision",
    "xxgk.cases",
    "xxgk.mailbox",
    "xxgk.complaints",
    "xxgk.evaluation",
    "xxgk.review",
    "xxgk.requests",
    "xxgk.pagecache",
    "xxgk.viewcounts",
    "xxgk.security",
    "xxgk.backup",
    "xxgk.audit",
    "xxgk.accounts",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",  # serves the API docs' Swagger UI from local static files, not a CDN
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
# The demo data of `make run` (xxgk_demo, `manage.py load_demo`): a separate app that
# production leaves out unless XXGK_DEMO says otherwise; nothing under xxgk/ imports it.
XXGK_DEMO = env_bool("XXGK_DEMO", not PRODUCTION)
if XXGK_DEMO:
    INSTALLED_APPS.append("xxgk_demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so that cached copies carry the headers too.
    "xxgk.security.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before every view (and the CSRF check): an id no row can have is a 404.
    "xxgk.core.middleware.OutOfRangeIdMiddleware",
    # Page/collection passwords and password resets: a Chinese 429 after too many tries.
    "xxgk.security.middleware.ThrottleMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Inside LocaleMiddleware (copies are per language), before everything that renders.
    "xxgk.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Lets the audit log say from where a change deep inside a service came.
    "xxgk.audit.context.AuditContextMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff: idle timeout and browser-session cookies; the TOTP check for required roles.
    "xxgk.accounts.sessions.StaffSessionMiddleware",
    "xxgk.accounts.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes requires: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "xxgk.urls"
WSGI_APPLICATION = "xxgk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "xxgk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "xxgk.core.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite (WAL, see xxgk.core.apps) by default; PostgreSQL when DATABASE_URL=postgres://...
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'xxgk.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open between requests (DB_CONN_MAX_AGE) as with PostgreSQL: a new SQLite connection
    # re-reads the schema and runs init_command, about 3 ms of CPU per request.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "xxgk",
        },
        "pagecache": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "xxgk-pages",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Whole pages and their generation tokens live apart from the default cache and on
        # disk, so that every gunicorn worker and `publish_scheduled` (a separate process
        # that unpublishes expired pages) see the same tokens: a purge anywhere is a purge
        # everywhere. A per-process local-memory cache would keep serving a withdrawn page
        # in the workers that did not handle the withdrawal.
        "pagecache": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("XXGK_PAGE_CACHE_DIR", str(VAR_DIR / "cache" / "pages")),
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }

# --- Tasks (Django's task framework, via the django-tasks backport on Django 5.2) ------------
TASKS = {
    # Wagtail's own tasks (search index, reference index) run immediately, as before.
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
    },
    # Scheduled jobs (xxgk/core/schedule.py: reminders, scheduled publishing) are stored in the
    # database and run by `manage.py db_worker --backend database`, which `make run` starts.
    "database": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    },
}

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Lockout first (django-axes, see xxgk.accounts.backends), then the usual password check.
AUTHENTICATION_BACKENDS = [
    "xxgk.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After this many failures for one username from one address, that pair is locked out for
# the cool-off time (a 429 page); `manage.py axes_reset_username NAME` lifts it sooner.
AXES_FAILURE_LIMIT = int(os.environ.get("XXGK_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("XXGK_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "xxgk.accounts.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "xxgk.core.client.client_ip"
AXES_VERBOSE = False
# Staff sessions end when the browser closes and after this long without a request.
XXGK_STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("XXGK_STAFF_SESSION_IDLE_MINUTES", "30"))
# TOTP two-factor: the roles (xxgk.orgs.roles) required when the office's policy is first
# created; the office changes them afterwards under 设置 → 双重认证.
XXGK_TWO_FACTOR_DEFAULT_ROLES = env_list(
    "XXGK_TWO_FACTOR_DEFAULT_ROLES", "office,reviewer,supervisor" if PRODUCTION else ""
)
XXGK_TWO_FACTOR_DEFAULT_SUPERUSERS = env_bool("XXGK_TWO_FACTOR_DEFAULT_SUPERUSERS", PRODUCTION)
OTP_TOTP_ISSUER = os.environ.get("XXGK_SITE_NAME", "信息公开网")

# --- I18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "xxgk" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "xxgk@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("XXGK_SITE_NAME", "信息公开网")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "doc", "xls", "jpg", "jpeg", "png"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploaded documents pass xxgk.security's check: extension, size and sniffed content.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "xxgk.security.forms.SafeDocumentForm"
XXGK_DOCUMENT_MAX_BYTES = int(os.environ.get("XXGK_DOCUMENT_MAX_BYTES", str(50 * 1024 * 1024)))
# The office's licensed fonts (设置 → 公文版式与字体): a GB2312 font is 3-15 MB; each is read
# whole when it is checked and registered. nginx takes request bodies up to 20 MB
# (client_max_body_size, deploy/nginx), so fonts are uploaded one per save; raise both
# together for a larger (GB18030) font.
XXGK_FONT_MAX_BYTES = int(os.environ.get("XXGK_FONT_MAX_BYTES", str(20 * 1024 * 1024)))
# ZIP-based uploads (DOCX, XLSX) are refused before parsing when they would expand past this
# size or compress better than this ratio (a decompression bomb); see xxgk/core/textextract.py.
XXGK_PACKAGE_MAX_BYTES = int(os.environ.get("XXGK_PACKAGE_MAX_BYTES", str(100 * 1024 * 1024)))
XXGK_PACKAGE_MAX_RATIO = int(os.environ.get("XXGK_PACKAGE_MAX_RATIO", "100"))
XXGK_PACKAGE_MAX_ENTRIES = int(os.environ.get("XXGK_PACKAGE_MAX_ENTRIES", "10000"))
# Text extraction (personal-data scan, search) runs in a child process with these limits.
XXGK_EXTRACTION_SECONDS = float(os.environ.get("XXGK_EXTRACTION_SECONDS", "60"))
XXGK_EXTRACTION_MEMORY_BYTES = int(
    os.environ.get("XXGK_EXTRACTION_MEMORY_BYTES", str(1024 * 1024 * 1024))
)
# Attachments of a submission are scanned by the task worker (TASKS alias); a scan still
# pending this long after it was queued is queued again when its review page is opened.
XXGK_SCAN_TASK_BACKEND = os.environ.get("XXGK_SCAN_TASK_BACKEND", "database")
XXGK_SCAN_STALE_SECONDS = int(os.environ.get("XXGK_SCAN_STALE_SECONDS", "300"))
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# 先审查、后公开: an edit during review must be reviewed again (一事一审).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = False
# Workflow on; decisions go through xxgk.review's own tasks and review page, so Wagtail's
# moderation e-mails (built for GroupApprovalTask) are replaced by xxgk.review's notices.
WAGTAIL_WORKFLOW_ENABLED = True
# Nobody may publish a disclosure by hand; the review workflow's last approval publishes it.
WAGTAIL_FINISH_WORKFLOW_ACTION = "xxgk.review.workflows.publish_approved"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = True

# --- xxgk -----------------------------------------------------------------------------------
# The organisation code that prefixes every index number (索引号); fixed once numbers exist.
XXGK_ORG_CODE = os.environ.get("XXGK_ORG_CODE", "QZXY")
XXGK_SCHOOL_NAME = os.environ.get("XXGK_SCHOOL_NAME", "衢州学院")
# The school's name on English pages (the page chrome's `site_title`); content stays as written.
XXGK_SCHOOL_NAME_EN = os.environ.get("XXGK_SCHOOL_NAME_EN", "Quzhou University")
XXGK_DISCLOSURES_PER_PAGE = 20

# --- Page cache, view counts, serving behind nginx (xxgk.pagecache, xxgk.viewcounts) --------
# Off under DEBUG so that template edits show at once; on in production.
XXGK_PAGE_CACHE = env_bool("XXGK_PAGE_CACHE", not DEBUG)
XXGK_PAGE_CACHE_ALIAS = "pagecache"
XXGK_PAGE_CACHE_SECONDS = int(os.environ.get("XXGK_PAGE_CACHE_SECONDS", "600"))
# Where leaf pages are also written for nginx to serve without Python (deploy sets it).
XXGK_PAGE_CACHE_EDGE_DIR = os.environ.get("XXGK_PAGE_CACHE_EDGE_DIR", "")
# Views are buffered (Redis when REDIS_URL is set, else in each process) and flushed this often.
XXGK_VIEWCOUNT_REDIS_URL = os.environ.get("XXGK_VIEWCOUNT_REDIS_URL", REDIS_URL)
XXGK_VIEWCOUNT_FLUSH_SECONDS = float(os.environ.get("XXGK_VIEWCOUNT_FLUSH_SECONDS", "5"))
# A reader (keyed hash of address + user agent, a cache key only) counts once per page in
# this many seconds; one address counts at most XXGK_VIEWCOUNT_ADDRESS_LIMIT readers per page
# in that window (0: no cap). See xxgk/viewcounts/services.py.
XXGK_VIEWCOUNT_WINDOW_SECONDS = int(os.environ.get("XXGK_VIEWCOUNT_WINDOW_SECONDS", "600"))
XXGK_VIEWCOUNT_ADDRESS_LIMIT = int(os.environ.get("XXGK_VIEWCOUNT_ADDRESS_LIMIT", "200"))
# Uploaded documents are always downloads (Content-Disposition: attachment), never rendered
# in the site's origin, PDFs included.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
if env_bool("XXGK_NGINX_ACCEL", False):
    # Document downloads: Django checks privacy, nginx sends the file (X-Accel-Redirect).
    SENDFILE_BACKEND = "xxgk.pagecache.sendfile_nginx"
    SENDFILE_URL = "/_protected_media/"
# Supervision: remind editors this many working days before a due date; escalate an overdue
# obligation to the office this many working days after it became overdue; the hour at which
# the scheduled job runs each day.
XXGK_SUPERVISION_REMIND_DAYS = int(os.environ.get("XXGK_SUPERVISION_REMIND_DAYS", "5"))
XXGK_SUPERVISION_ESCALATE_DAYS = int(os.environ.get("XXGK_SUPERVISION_ESCALATE_DAYS", "5"))
XXGK_SUPERVISION_RUN_HOUR = int(os.environ.get("XXGK_SUPERVISION_RUN_HOUR", "8"))
# Search: how many days the anonymous search log (query, result count, day) is kept; a daily
# scheduled job deletes older days (xxgk.search.services.purge_search_log).
XXGK_SEARCH_LOG_DAYS = int(os.environ.get("XXGK_SEARCH_LOG_DAYS", "365"))

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# Set only when a reverse proxy we run (nginx) appends the client to X-Forwarded-For; the
# audit log, the login lockout and the public forms' rate limits then take the address it
# appended instead of REMOTE_ADDR (xxgk.core.client.client_ip).
XXGK_TRUST_X_FORWARDED_FOR = env_bool("XXGK_TRUST_X_FORWARDED_FOR", False)
# Tests with serialized rollback snapshot the database and write it back row by row; for the
# audit log that would be an UPDATE its append-only trigger refuses, so it stays out.
TEST_NON_SERIALIZED_APPS = ["xxgk.audit"]
# Per-client limits of the public forms (xxgk.security.public_forms). Turned off only by load
# and fault tests on loopback, where every simulated applicant is 127.0.0.1 (bench/load_forms.py).
XXGK_PUBLIC_FORM_RATE_LIMITS = env_bool("XXGK_PUBLIC_FORM_RATE_LIMITS", True)
# Tries per client of a page's (or document collection's) view-restriction password, and
# password-reset requests per client: (limit, window in seconds); see ThrottleMiddleware.
XXGK_PAGE_PASSWORD_LIMIT = (int(os.environ.get("XXGK_PAGE_PASSWORD_LIMIT", "10")), 15 * 60)
XXGK_PASSWORD_RESET_LIMIT = (int(os.environ.get("XXGK_PASSWORD_RESET_LIMIT", "5")), 60 * 60)
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
