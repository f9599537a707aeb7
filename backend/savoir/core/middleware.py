from __future__ import annotations

import ipaddress
import logging
import re
import time
import uuid
from collections.abc import Callable
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _

from .logging import request_id_var
from .ratelimit import client_ip
from .views import error_response

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


class AdminNetworkMiddleware:
    """Django admin answers only from ADMIN_ALLOWED_NETWORKS when that list is set (a 404
    elsewhere, as if there were no admin). A proxy in front can do the same
    (docs/operations.md); this keeps the rule when the app is reached some other way."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        networks = settings.ADMIN_ALLOWED_NETWORKS
        if networks and request.path_info.startswith("/admin/"):
            try:
                address = ipaddress.ip_address(client_ip(request))
            except ValueError:
                raise Http404 from None
            if not any(address in ipaddress.ip_network(n, strict=False) for n in networks):
                raise Http404
        return self.get_response(request)


class ApiInputGuardMiddleware:
    """What the API's schemas cannot see: a body over DATA_UPLOAD_MAX_MEMORY_SIZE (a 413 instead
    of Django's RequestDataTooBig turning into a 500), and NUL characters in the URL (paths and
    query strings; PostgreSQL cannot store them). Bodies are checked by the input schemas."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path_info or "\x00" in unquote(query):
            return error_response(
                422, "validation_error", _("Text must not contain NUL characters.")
            )
        if not (request.content_type or "").startswith("multipart/"):  # uploads stream to files
            try:
                request.body  # noqa: B018 - read now, bounded, so the limit is checked here
            except RequestDataTooBig:
                return error_response(413, "payload_too_large", _("The request body is too large."))
        return self.get_response(request)
