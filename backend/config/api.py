"""The one NinjaAPI: routers, the operation-id policy and the single error envelope."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from savoir.accounts.api import auth_router, users_router
from savoir.catalog.api import router as catalog_router
from savoir.core.api import router as health_router
from savoir.core.errors import ApplicationError, RateLimited
from savoir.core.validation import field_errors
from savoir.generation.api import moderation_router as rejected_items_router
from savoir.generation.api import router as generation_router
from savoir.practice.api import practice_router, reviews_router
from savoir.progress.api import router as progress_router
from savoir.questions.api import router as moderation_router

logger = logging.getLogger("savoir.api")

api = NinjaAPI(
    title="Savoir API",
    version="1.0.0",
    description="Bilingual certification prep and learning platform.",
    urls_namespace="api",
    docs_url=None,  # the Swagger page loads scripts from a CDN, which our CSP forbids
)


def _envelope(
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    fields: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    response = api.create_response(
        request,
        {"error": {"code": code, "message": message, "fields": fields}},
        status=status,
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(ApplicationError)
def _application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    return _envelope(request, exc.status, exc.code, str(exc.message), exc.fields, exc.headers)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _envelope(
        request, 422, "validation_error", _("Some fields are invalid."), field_errors(exc.errors)
    )


@api.exception_handler(AuthenticationError)
def _authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _envelope(request, 401, "not_authenticated", _("You need to sign in."))


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    # ninja adds Retry-After itself.
    return _envelope(request, 429, "rate_limited", str(RateLimited.default_message))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    codes = {
        400: "bad_request",
        403: "permission_denied",
        404: "not_found",
        405: "method_not_allowed",
        429: "rate_limited",
    }
    return _envelope(
        request,
        exc.status_code,
        codes.get(exc.status_code, "error"),
        _("The request could not be processed."),
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _envelope(request, 404, "not_found", _("Not found."))


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Logged with the request id; the client never sees a stack trace.
    logger.exception("unhandled error", extra={"path": request.path})
    if settings.DEBUG:
        raise exc
    return _envelope(
        request, 500, "server_error", _("Something went wrong on our side. Please try again.")
    )


api.add_router("/", health_router)
api.add_router("/auth", auth_router)
api.add_router("/users", users_router)
api.add_router("/catalog", catalog_router)
api.add_router("/practice", practice_router)
api.add_router("/generation", generation_router)
api.add_router("/reviews", reviews_router)
api.add_router("/progress", progress_router)
api.add_router("/moderation", moderation_router)
api.add_router("/moderation", rejected_items_router)  # the gate's rejections live in generation
