"""Test settings: the real settings with DJANGO_ENV=test, plus what makes tests fast and isolated."""

import os
import tempfile
from pathlib import Path

os.environ["DJANGO_ENV"] = "test"

from .settings import *  # noqa: F403
from .settings import CACHES, DATABASES, REDIS_URL

# Argon2 is asserted in its own test with the production hashers; elsewhere a fast one will do.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS_RUN_INLINE = True
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="savoir-test-media-"))
if REDIS_URL:
    for _alias in CACHES:
        CACHES[_alias]["KEY_PREFIX"] = f"savoir-test-{os.getpid()}"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not the shared-cache in-memory database: concurrent tests then lock and wait like
    # the real SQLite file does, instead of failing with "database table is locked".
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"savoir-test-{os.getpid()}.sqlite3")
    }
