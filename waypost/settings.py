"""Waypost settings, read from the environment with safe defaults.

SQLite in the data folder unless DATABASE_URL names another database; DEBUG stays off unless
WAYPOST_DEBUG asks for it. Domain numbers (Sphere minima, wind chill) are not settings: they live
in data modules that name their sources.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# Lets classes be written as ModelAdmin[Model], QuerySet[Model] for the type checker.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


DATA_DIR = Path(os.environ.get("WAYPOST_DATA_DIR") or Path.cwd() / "var")


def read_or_create_secret_key() -> str:
    """A key generated once per installation and kept beside the database."""
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


DEBUG = env_bool("WAYPOST_DEBUG", False)
SECRET_KEY = os.environ.get("WAYPOST_SECRET_KEY") or read_or_create_secret_key()
ALLOWED_HOSTS = env_list("WAYPOST_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("WAYPOST_CSRF_TRUSTED_ORIGINS", [])
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("WAYPOST_SECURE_COOKIES", False)
SESSION_COOKIE_AGE = 12 * 60 * 60  # one field shift
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "waypost.core",
    "waypost.sites",
    "waypost.registry",
    "waypost.stock",
    "waypost.needs",
    "waypost.matching",
    "waypost.distribution",
    "waypost.safety",
    "waypost.relocation",
    "waypost.cases",
    "waypost.counselling",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "waypost.urls"
WSGI_APPLICATION = "waypost.wsgi.application"
AUTH_USER_MODEL = "core.User"
# Django's model backend and database sessions, each read with one plain statement per request
# (the user with its roles): docs/benchmarks.md, redemptions at distribution points.
AUTHENTICATION_BACKENDS = ["waypost.core.auth.RolesBackend"]
SESSION_ENGINE = "waypost.core.sessions"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

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
                "django.template.context_processors.i18n",
                "waypost.core.context_processors.permissions",
            ],
        },
    },
]


# Ours: memory per sort or hash in a PostgreSQL query. With the default 4 MB the planner sorts
# a million people on disk to count them by group for the needs (2.1 s); 64 MB lets it hash
# the 7,000 groups in memory (1.0 s; docs/benchmarks.md, supply). A few connections each.
POSTGRES_WORK_MEM = "64MB"


def database_settings() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        if config["ENGINE"] == "django.db.backends.postgresql":
            config["OPTIONS"] = {"options": f"-c work_mem={POSTGRES_WORK_MEM}"}
        return config
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "waypost.sqlite3",
        # Writers queue instead of failing with "database is locked" in the middle of a
        # transaction; IMMEDIATE takes the write lock at BEGIN (no check-then-act races).
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# The operation's languages: Arabic, Sorani and Kurmanji Kurdish, Persian, Russian, English, French.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("ckb", _("Central Kurdish (Sorani)")),
    ("kmr", _("Northern Kurdish (Kurmanji)")),
    ("fa", _("Persian")),
    ("ru", _("Russian")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("WAYPOST_TIME_ZONE", "Europe/Minsk")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise warns at start-up when the folder is missing, i.e. before any collectstatic.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the installed packages when collectstatic has not run (demo, tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Reminders (follow-ups, alerts) go by e-mail: printed on the console unless a backend is named,
# e.g. WAYPOST_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST set.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "WAYPOST_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        )
    }
}

# Who is told when people's cold risk rises (waypost.safety.alerts): a sender class by dotted
# path, e.g. waypost.safety.alerts.EmailSender (the site coordinators, by e-mail); by default the
# console sender writes to the log.
WAYPOST_ALERT_SENDER = os.environ.get("WAYPOST_ALERT_SENDER", "waypost.safety.alerts.ConsoleSender")

# How long a household card works after it is printed (waypost.distribution.services.cards).
# Ours (✗, not a standard): 180 days, so a card lost or passed on outside the camp stops opening
# entitlements within a season and households come back for a fresh card with their registration
# checked; a coordinator changes it with WAYPOST_CARD_VALID_DAYS.
WAYPOST_CARD_VALID_DAYS = int(os.environ.get("WAYPOST_CARD_VALID_DAYS", "180"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("WAYPOST_LOG_LEVEL", "WARNING")},
}

# Kurmanji is not among Django's built-in languages; tell Django its name and direction.
from django.conf import locale as django_locale  # noqa: E402

django_locale.LANG_INFO.setdefault(
    "kmr", {"bidi": False, "code": "kmr", "name": "Northern Kurdish", "name_local": "Kurmancî"}
)
