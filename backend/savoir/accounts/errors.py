from django.utils.translation import gettext_lazy as _

from savoir.core.errors import ApplicationError, Conflict, RateLimited, ValidationFailed


class InvalidCredentials(ApplicationError):
    status = 401
    code = "invalid_credentials"
    default_message = _("Incorrect e-mail or password.")


class AccountLocked(RateLimited):
    code = "account_locked"
    default_message = _(
        "Too many failed sign-in attempts from this network. Try again in a few minutes "
        "or reset your password."
    )


class EmailTaken(Conflict):
    code = "email_taken"
    default_message = _("An account already exists with this e-mail address.")


class InvalidToken(ApplicationError):
    status = 400
    code = "invalid_token"
    default_message = _("This reset link is invalid, expired or has already been used.")


class InvalidImage(ValidationFailed):
    code = "invalid_image"
    default_message = _("The file is not a valid JPG or PNG image.")
