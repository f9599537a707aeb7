"""Password rules beyond Django's own (docs/security.md): complexity and a maximum length."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class ComplexityValidator:
    def validate(self, password: str, user: Any = None) -> None:
        errors = []
        if not any(c.isupper() for c in password):
            errors.append(
                ValidationError(
                    _("The password must contain an upper-case letter."), code="password_no_upper"
                )
            )
        if not any(c.isdigit() for c in password):
            errors.append(
                ValidationError(_("The password must contain a digit."), code="password_no_digit")
            )
        if all(c.isalnum() for c in password):
            errors.append(
                ValidationError(
                    _("The password must contain a special character."), code="password_no_special"
                )
            )
        if errors:
            raise ValidationError(errors)

    def get_help_text(self) -> str:
        return _(
            "Your password must contain an upper-case letter, a digit and a special character."
        )


class MaximumLengthValidator:
    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                _("The password must be at most %(max)d characters.") % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _("Your password must be at most %(max)d characters.") % {"max": self.max_length}
