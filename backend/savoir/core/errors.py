"""Domain errors. Services raise these; config/api.py turns each into the one error envelope
`{"error": {"code", "message", "fields"}}` with `message` in the request's language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    status = 400
    code = "bad_request"
    default_message: str | Promise = _("The request could not be processed.")

    def __init__(
        self,
        message: str | Promise | None = None,
        *,
        fields: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message if message is not None else self.default_message
        self.fields = fields
        self.headers = headers or {}
        super().__init__(str(self.message))


class ValidationFailed(ApplicationError):
    status = 422
    code = "validation_error"
    default_message = _("Some fields are invalid.")


class NotAuthenticated(ApplicationError):
    status = 401
    code = "not_authenticated"
    default_message = _("You need to sign in.")


class PermissionDenied(ApplicationError):
    status = 403
    code = "permission_denied"
    default_message = _("You are not allowed to do this.")


class NotFound(ApplicationError):
    status = 404
    code = "not_found"
    default_message = _("Not found.")


class Conflict(ApplicationError):
    status = 409
    code = "conflict"
    default_message = _("This conflicts with existing data.")


class PayloadTooLarge(ApplicationError):
    status = 413
    code = "payload_too_large"
    default_message = _("The upload is too large.")


class ServiceUnavailable(ApplicationError):
    status = 503
    code = "service_unavailable"
    default_message = _("This action is temporarily unavailable. Please try again in a minute.")


class RateLimited(ApplicationError):
    status = 429
    code = "rate_limited"
    default_message = _("Too many attempts. Please try again later.")

    def __init__(self, retry_after: int, message: str | Promise | None = None) -> None:
        self.retry_after = max(1, int(retry_after))
        super().__init__(message, headers={"Retry-After": str(self.retry_after)})
