from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.utils import timezone

from .models import User, UserSession


@dataclass(frozen=True)
class SessionView:
    id: object
    created_at: datetime
    last_seen_at: datetime
    ip_address: str | None
    user_agent: str
    current: bool


def user_sessions_list(*, user: User, current_session_key: str | None) -> list[SessionView]:
    """The user's live sessions, most recent first; records past their lifetime are hidden."""
    now = timezone.now()
    records = UserSession.objects.filter(
        user=user,
        last_seen_at__gte=now - settings.SESSION_IDLE_TIMEOUT,
        created_at__gte=now - settings.SESSION_ABSOLUTE_LIFETIME,
    ).order_by("-last_seen_at")
    return [
        SessionView(
            id=r.id,
            created_at=r.created_at,
            last_seen_at=r.last_seen_at,
            ip_address=r.ip_address,
            user_agent=r.user_agent,
            current=r.session_key == current_session_key,
        )
        for r in records
    ]


def user_local_date(user: User, when: datetime | None = None) -> date:
    """`when` (now by default) as a date in the user's time zone; UTC when theirs is unknown.
    Streaks, the activity calendar and the daily plan all count days this way."""
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    return timezone.localtime(when or timezone.now(), zone).date()
