from __future__ import annotations

import logging
import uuid

from django.db import DatabaseError, connection

from .ratelimit import STORE_ERRORS, limits_cache

logger = logging.getLogger(__name__)


def health_status() -> dict[str, str]:
    """Database and cache reachability, checked for real on each call. The probe goes through
    the cache that raises (the default one hides Redis errors by design)."""
    status = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unreachable")
        status["database"] = "unavailable"
    probe = f"health:{uuid.uuid4().hex}"
    store = limits_cache()
    try:
        store.set(probe, "1", 5)
        if store.get(probe) != "1":
            status["cache"] = "unavailable"
        store.delete(probe)
    except STORE_ERRORS:
        logger.exception("health check: cache unreachable")
        status["cache"] = "unavailable"
    return status
