"""Plain Django views: the SPA entry point and JSON error pages outside ninja."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
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


@lru_cache(maxsize=4)
def _index_html(path: Path, mtime: float) -> str:
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def _translation_chunks(path: Path, mtime: float) -> dict[str, str]:
    """Language → URL of the built module holding the shell's strings (Vite's build manifest)."""
    manifest = json.loads(path.read_text(encoding="utf-8"))
    chunks = {}
    for language, _name in settings.LANGUAGES:
        entry = manifest.get(f"src/app/translations/{language}.ts")
        if entry:
            chunks[language] = settings.STATIC_URL + entry["file"]
    return chunks


def _with_shell_hints(html: str, request: HttpRequest) -> str:
    """What the server already knows, written into the page so that the SPA need not ask: the
    negotiated language (the user's saved one, else the savoir_lang cookie, else the browser's
    Accept-Language), its strings' module to download alongside the entry script, and whether a
    session is signed in (a visitor's sign-in form shows without waiting for /api/auth/me)."""
    language = get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    signed_in = "true" if request.user.is_authenticated else "false"
    html = re.sub(
        r"<html\b[^>]*>",
        f'<html lang="{language}" data-language="{language}" data-signed-in="{signed_in}">',
        html,
        count=1,
    )
    manifest = settings.FRONTEND_DIST / ".vite" / "manifest.json"
    try:
        chunk = _translation_chunks(manifest, manifest.stat().st_mtime).get(language)
    except FileNotFoundError:  # `make dev`: Vite serves the page and its modules itself
        chunk = None
    if chunk:
        link = f'<link rel="modulepreload" crossorigin href="{chunk}">'
        html = html.replace("</head>", f"  {link}\n  </head>", 1)
    return html


@require_safe
def spa_index(request: HttpRequest, path: str = "") -> HttpResponse:
    """Every client-side route gets the SPA's index.html; the router inside decides what to show.
    Its <html lang> is the language negotiated for this request, so the page is announced in the
    language it will be shown in before any script runs."""
    index = settings.FRONTEND_DIST / "index.html"
    try:
        html = _index_html(index, index.stat().st_mtime)
    except FileNotFoundError:
        return HttpResponse(
            "The frontend has not been built yet: run `make run` (or `make build`).",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(
        _with_shell_hints(html, request), content_type="text/html; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache"
    # The body depends on the language and the session: a shared cache keeps one copy per both.
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's own 400s (a host not in ALLOWED_HOSTS, a malformed request) in the envelope."""
    return error_response(400, "bad_request", _("The request could not be processed."))


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(
        500, "server_error", _("Something went wrong on our side. Please try again.")
    )
