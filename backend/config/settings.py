"""Savoir settings. Every value comes from the environment (documented in .env.example).

DJANGO_ENV=production switches on the production posture (secure cookies with the __Host-
prefix, HSTS, HTTPS redirect, hashed static files) and makes SECRET_KEY mandatory.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import get_random_string

BASE_DIR = Path(__file__).resolve().parent.parent  # backend/
REPO_DIR = BASE_DIR.parent

# django-environ is untyped: what `env` reads is annotated, so `settings.X` has a type for mypy.
env = environ.Env()

DJANGO_ENV: str = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production", "test"}:
    raise ImproperlyConfigured("DJANGO_ENV must be development, production or test")
PRODUCTION = DJANGO_ENV == "production"
TESTING = DJANGO_ENV == "test"

DEBUG: bool = env.bool("DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG cannot be on in production")


def _development_secret_key() -> str:
    # Generated once per checkout and kept out of git, so sessions survive restarts.
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(get_random_string(64))
        path.chmod(0o600)
    return path.read_text().strip()


if PRODUCTION:
    SECRET_KEY: str = env.str("SECRET_KEY")  # raises ImproperlyConfigured when missing
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters in production")
else:
    SECRET_KEY = env.str("SECRET_KEY", default="") or _development_secret_key()

ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Number of reverse proxies in front of the app; 0 means REMOTE_ADDR is the client.
NUM_PROXIES: int = env.int("NUM_PROXIES", default=0)

INSTALLED_APPS = [
    "savoir.accounts.apps.SavoirAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "ninja",
    "django_countries",
    "savoir.core",
    "savoir.accounts",
    "savoir.catalog",
    "savoir.questions",
    "savoir.practice",
    "savoir.progress",
    "savoir.generation",
]

MIDDLEWARE = [
    "savoir.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "ninja.compatibility.files.fix_request_files_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "savoir.core.middleware.AdminNetworkMiddleware",
    "savoir.accounts.middleware.SessionLifetimeMiddleware",
    "savoir.accounts.middleware.UserLanguageMiddleware",
    "savoir.core.middleware.ApiInputGuardMiddleware",
    "savoir.core.middleware.ApiCsrfMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data stores -------------------------------------------------------------------------------
DATABASES: dict[str, dict[str, Any]] = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and a writer work at once, which the threaded dev server needs.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The answer's hot path prepares its statements once per connection (savoir/core/sql.py). Turn
# this off behind a pooler that does not keep a server connection per client (PgBouncer in
# transaction mode).
DB_PREPARED_STATEMENTS: bool = env.bool("DB_PREPARED_STATEMENTS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL: str = env.str("REDIS_URL", default="")
if REDIS_URL:

    def _redis_cache(*, fail_soft: bool) -> dict[str, Any]:
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="savoir"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": fail_soft,
            },
        }

    CACHES = {
        # Sessions and content caches: an unreachable Redis is logged and read as a miss, so
        # everything keeps working from the database.
        "default": _redis_cache(fail_soft=True),
        # Rate limits, lockouts and quotas: errors surface, and the protected action fails
        # closed with a 503 (savoir/core/ratelimit.py).
        "limits": _redis_cache(fail_soft=False),
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions live in the database (durable, listable) with Redis as a read-through cache.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # One in-process store under both names (same LOCATION, same dictionary).
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "savoir"}
        for alias in ("default", "limits")
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Background work --------------------------------------------------------------------------
# With a broker, tasks go to Celery workers; without one they run in-process (see core/tasks.py).
CELERY_BROKER_URL: str = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Tests run background work inline so its effects are visible when the request returns.
TASKS_RUN_INLINE: bool = env.bool("TASKS_RUN_INLINE", default=TESTING)

# --- Authentication and sessions ------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "first_name", "last_name")},
    },
    # The similarity check above misses names joined together or padded with digits.
    {"NAME": "savoir.accounts.validators.PersonalInformationValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "savoir.accounts.validators.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "savoir.accounts.validators.ComplexityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = int(timedelta(hours=6).total_seconds())

# Idle timeout and absolute lifetime, enforced by SessionLifetimeMiddleware (docs/security.md).
SESSION_IDLE_TIMEOUT = timedelta(days=env.int("SESSION_IDLE_DAYS", default=14))
SESSION_ABSOLUTE_LIFETIME = timedelta(days=env.int("SESSION_ABSOLUTE_DAYS", default=30))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_LIFETIME.total_seconds())
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "__Host-sessionid" if PRODUCTION else "sessionid"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # the SPA reads it to send X-CSRFToken
CSRF_FAILURE_VIEW = "savoir.core.views.csrf_failure"

# Apps whose content teachers edit in Django admin (view/add/change, never delete).
TEACHER_CONTENT_APPS = ["catalog", "questions"]

# FSRS spreads due dates a little (fuzzing) so reviews do not bunch up; tests turn it off.
FSRS_ENABLE_FUZZING: bool = env.bool("FSRS_ENABLE_FUZZING", default=not TESTING)

# Login throttling (docs/security.md): per IP, and a cool-off per account+IP pair.
LOGIN_RATE_PER_IP = (10, 15 * 60)
LOGIN_LOCKOUT_FAILURES = 5
LOGIN_LOCKOUT_SECONDS = 15 * 60

# Django admin only from these networks (CIDR, comma-separated); empty: from anywhere.
ADMIN_ALLOWED_NETWORKS: list[str] = env.list("ADMIN_ALLOWED_NETWORKS", default=[])

# --- Internationalisation --------------------------------------------------------------------
LANGUAGE_CODE = "fr"  # used when neither the user, a cookie nor Accept-Language says otherwise
LANGUAGES = [("fr", "Français"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "savoir_lang"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files, the SPA and media ----------------------------------------------------------
FRONTEND_DIST = Path(env.str("FRONTEND_DIST", default=str(REPO_DIR / "frontend" / "dist")))
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns when it is missing, even when using finders
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.is_dir() else []
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, serve straight from the finders so `make run` needs no collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
# Cached forever: what Vite fingerprints under assets/ (name-Hash8.ext) and, in production, the
# copies the manifest storage names name.hash12.ext (this setting replaces WhiteNoise's own test
# for those, so both must be here).
WHITENOISE_IMMUTABLE_FILE_TEST = r"^.+/(assets/.+-[0-9A-Za-z_-]{8,}|.+\.[0-9a-f]{12})\.\w+$"
AVATAR_MAX_BYTES = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# --- E-mail --------------------------------------------------------------------------------------
EMAIL_URL: str = env.str("EMAIL_URL", default="consolemail://")
vars().update(env.email_url_config(EMAIL_URL))
DEFAULT_FROM_EMAIL: str = env.str("DEFAULT_FROM_EMAIL", default="Savoir <no-reply@savoir.local>")
EMAIL_TIMEOUT = 15

# --- AI generation (used by the generation app) --------------------------------------------
OPENAI_API_KEY: str = env.str("OPENAI_API_KEY", default="")
OPENAI_BASE_URL: str = env.str("OPENAI_BASE_URL", default="")
OPENAI_MODEL: str = env.str("OPENAI_MODEL", default="gpt-4.1-mini")

# Per learner: generation requests per minute, and generated questions per UTC day.
GENERATION_RATE_PER_MINUTE: int = env.int("GENERATION_RATE_PER_MINUTE", default=5)
GENERATION_DAILY_QUOTA: int = env.int("GENERATION_DAILY_QUOTA", default=50)
# Per attempt (the SDK's default is 600 s); retries back off from this base.
GENERATION_TIMEOUT_SECONDS: float = env.float("GENERATION_TIMEOUT_SECONDS", default=45.0)
GENERATION_RETRY_BACKOFF_SECONDS: float = env.float("GENERATION_RETRY_BACKOFF_SECONDS", default=1.0)

# Origin used in e-mailed links; by default the origin of the request that triggered the e-mail.
PUBLIC_URL: str = env.str("PUBLIC_URL", default="")

# --- Security headers ------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}
if PRODUCTION:
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD: bool = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_SSL_REDIRECT: bool = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^api/health$"]
    if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Logging: JSON lines with the request id ----------------------------------------------
LOG_LEVEL: str = env.str("LOG_LEVEL", default="INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "savoir.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"level": "ERROR"},  # our own access log replaces its 4xx warnings
        "django.server": {"level": "WARNING"},
    },
}
