"""Fixed-window rate limits in the shared cache (Redis when configured).

django-ratelimit was considered, but it cannot report when a window resets, and every 429 here
must carry Retry-After; a window counter on cache.add/incr is atomic on Redis and on LocMem.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from .errors import RateLimited


def client_ip(request: HttpRequest) -> str:
    """The client address, trusting exactly NUM_PROXIES reverse proxies in front of the app."""
    if settings.NUM_PROXIES:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= settings.NUM_PROXIES:
            return forwarded[-settings.NUM_PROXIES]
    return request.META.get("REMOTE_ADDR") or "unknown"


def hashed(*parts: str) -> str:
    """Cache keys never hold e-mail addresses or IPs in clear."""
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def counter_incr(key: str, timeout: int) -> int:
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def rate_limit_hit(scope: str, identity: str, *, limit: int, window: int) -> None:
    """Count one hit; raise RateLimited once `limit` hits happened in the current window."""
    now = time.time()
    bucket = int(now // window)
    count = counter_incr(f"rl:{scope}:{hashed(identity)}:{bucket}", window + 5)
    if count > limit:
        raise RateLimited(retry_after=int((bucket + 1) * window - now) + 1)


class SharedRateThrottle(BaseThrottle):
    """A django-ninja throttle on the same shared fixed-window counter (ninja's own throttles
    keep a per-key timestamp list that is not updated atomically)."""

    def __init__(self, scope: str, *, limit: int, window: int) -> None:
        self.scope = scope
        self.limit = limit
        self.window = window

    def allow_request(self, request: HttpRequest) -> bool:
        try:
            rate_limit_hit(self.scope, client_ip(request), limit=self.limit, window=self.window)
        except RateLimited:
            return False
        return True

    def wait(self) -> float:
        now = time.time()
        return (int(now // self.window) + 1) * self.window - now
