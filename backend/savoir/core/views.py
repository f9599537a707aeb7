"""Plain Django views: the SPA entry point and JSON error pages outside ninja."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.http import require_safe


def error_response(
    status: int, code: str, message: str, fields: dict[str, list[str]] | None = None
) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code, "message": message, "fields": fields}}, status=status
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if request.path.startswith("/api/"):
        return error_response(
            403,
            "csrf_failed",
            _(
                "Your session's security token is missing or invalid. Reload the page and try again."
            ),
        )
    return django_csrf_failure(request, reason=reason)


def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    return error_response(404, "not_found", _("This API endpoint does not exist."))


_HTML_LANG = re.compile(rb'<html lang="[^"]*"')


@lru_cache(maxsize=8)
def _index_html(path: Path, mtime: float, language: str) -> bytes:
    return _HTML_LANG.sub(f'<html lang="{language}"'.encode(), path.read_bytes(), count=1)


@require_safe
def spa_index(request: HttpRequest, path: str = "") -> HttpResponse:
    """Every client-side route gets the SPA's index.html; the router inside decides what to show.
    Its <html lang> is the language negotiated for this request (the signed-in user's, else the
    savoir_lang cookie, else Accept-Language, else French), so the page is announced in the
    language it will be shown in before any script runs."""
    index = settings.FRONTEND_DIST / "index.html"
    language = translation.get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    try:
        body = _index_html(index, index.stat().st_mtime, language)
    except FileNotFoundError:
        return HttpResponse(
            "The frontend has not been built yet: run `make run` (or `make build`).",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(body, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    # The body depends on the language: a shared cache must keep one copy per cookie and header.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's own 400s (a host not in ALLOWED_HOSTS, a malformed request) in the envelope."""
    return error_response(400, "bad_request", _("The request could not be processed."))


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(
        500, "server_error", _("Something went wrong on our side. Please try again.")
    )
