from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)


def health_status() -> dict[str, str]:
    """Database and cache reachability, checked for real on each call."""
    status = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unreachable")
        status["database"] = "unavailable"
    probe = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(probe, "1", 5)
        if cache.get(probe) != "1":
            status["cache"] = "unavailable"
        cache.delete(probe)
    except Exception:  # any cache client error means the cache is not usable
        logger.exception("health check: cache unreachable")
        status["cache"] = "unavailable"
    return status
