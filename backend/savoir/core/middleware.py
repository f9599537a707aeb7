from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from .logging import request_id_var

access_log = logging.getLogger("savoir.access")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class RequestIdMiddleware:
    """Gives each request an id (kept from X-Request-ID when well-formed), echoes it in the
    response, and writes one structured access-log line per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            user = getattr(request, "user", None)
            access_log.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                },
            )
            return response
        finally:
            request_id_var.reset(token)


def _csrf_protected_view(request: HttpRequest) -> HttpResponse:  # pragma: no cover
    """A stand-in view without csrf_exempt, so CsrfViewMiddleware applies its full check.
    It is only inspected, never called."""
    raise NotImplementedError


class ApiCsrfMiddleware:
    """django-ninja marks its views csrf_exempt and only checks CSRF for cookie-authenticated
    operations. Login, register and password reset are unauthenticated but still need the
    check, so every unsafe /api/ call goes through Django's CSRF check here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in _UNSAFE_METHODS and request.path.startswith("/api/"):
            request.csrf_processing_done = False  # type: ignore[attr-defined]
            rejection = self.csrf.process_view(request, _csrf_protected_view, (), {})
            if rejection is not None:
                return rejection
        return self.get_response(request)
