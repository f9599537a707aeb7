"""Fixed-window rate limits in the shared cache (Redis when configured).

django-ratelimit was considered, but it cannot report when a window resets, and every 429 here
must carry Retry-After; a window counter on cache.add/incr is atomic on Redis and on LocMem.

Limits live in the "limits" cache, which raises when Redis is unreachable (the default cache
swallows such errors so that sessions and content keep working from the database). A limit that
cannot be counted fails closed: the protected action answers 503 until the store is back.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.http import HttpRequest
from django_redis.exceptions import ConnectionInterrupted
from ninja.throttling import BaseThrottle
from redis.exceptions import RedisError

from .errors import RateLimited, ServiceUnavailable

logger = logging.getLogger(__name__)
# What a cache client raises when its server is unreachable: django-redis wraps redis-py's errors
# in ConnectionInterrupted; LocMem never raises.
STORE_ERRORS: tuple[type[BaseException], ...] = (ConnectionInterrupted, RedisError, OSError)


def client_ip(request: HttpRequest) -> str:
    """The client address, trusting exactly NUM_PROXIES reverse proxies in front of the app."""
    if settings.NUM_PROXIES:
        forwarded: list[str] = [
            p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= settings.NUM_PROXIES:
            return forwarded[-settings.NUM_PROXIES]
    remote: str | None = request.META.get("REMOTE_ADDR")
    return remote or "unknown"


def hashed(*parts: str) -> str:
    """Cache keys never hold e-mail addresses or IPs in clear."""
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def limits_cache() -> BaseCache:
    """The store of counters that protect the way in (limits, lockouts, quotas)."""
    return caches["limits"]


@contextmanager
def limits_store() -> Iterator[BaseCache]:
    """The limits cache; its connection errors become a 503 (fail closed), logged once here."""
    try:
        yield limits_cache()
    except STORE_ERRORS:
        logger.exception("rate-limit store unreachable")
        raise ServiceUnavailable() from None


def counter_incr(key: str, timeout: int, amount: int = 1) -> int:
    with limits_store() as store:
        if store.add(key, amount, timeout=timeout):
            return amount
        try:
            return int(store.incr(key, amount))
        except ValueError:  # expired between add and incr
            store.add(key, amount, timeout=timeout)
            return amount


def rate_limit_hit(scope: str, identity: str, *, limit: int, window: int) -> None:
    """Count one hit; raise RateLimited once `limit` hits happened in the current window."""
    now = time.time()
    bucket = int(now // window)
    count = counter_incr(f"rl:{scope}:{hashed(identity)}:{bucket}", window + 5)
    if count > limit:
        raise RateLimited(retry_after=int((bucket + 1) * window - now) + 1)


class SharedRateThrottle(BaseThrottle):
    """A django-ninja throttle on the same shared fixed-window counter (ninja's own throttles
    keep a per-key timestamp list that is not updated atomically). It guards public reads, so
    unlike the limits on the way in it fails open: content stays readable while Redis is down."""

    def __init__(self, scope: str, *, limit: int, window: int) -> None:
        self.scope = scope
        self.limit = limit
        self.window = window

    def allow_request(self, request: HttpRequest) -> bool:
        try:
            rate_limit_hit(self.scope, client_ip(request), limit=self.limit, window=self.window)
        except RateLimited:
            return False
        except ServiceUnavailable:
            return True  # logged by limits_store
        return True

    def wait(self) -> float:
        now = time.time()
        return (int(now // self.window) + 1) * self.window - now
