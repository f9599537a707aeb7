"""Password rules beyond Django's own (docs/security.md): complexity, a maximum length and no
password built from the user's own names."""

from __future__ import annotations

import re
import unicodedata
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


class PersonalInformationValidator:
    """Refuses a password built from the user's own names: the first name, the last name and
    the name part of the e-mail address, in any case, order or accents, with digits and symbols
    around them ("AlexMorgan2026!", "morgan.ALEX-99", "AMorgan#2026" for amorgan@...).

    Django's UserAttributeSimilarityValidator compares the whole password with each attribute on
    its own, so two names joined, or one name with digits added, are too far from each single
    attribute for it. Here the password's letters are read (leetspeak read back too: "Al3x" is
    "alex"), every name found in them is taken out, and what is left must be words of the
    user's own: at least `min_other_letters` other letters.
    """

    LEET = str.maketrans(
        {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
    )

    def __init__(self, min_name_length: int = 3, min_other_letters: int = 3) -> None:
        # A shorter name ("Li", "Bo") is only looked for joined to the other name ("LiWei"):
        # on its own it is inside too many unrelated words.
        self.min_name_length = min_name_length
        self.min_other_letters = min_other_letters

    def validate(self, password: str, user: Any = None) -> None:
        if user is None:
            return
        names = personal_names(
            first_name=getattr(user, "first_name", "") or "",
            last_name=getattr(user, "last_name", "") or "",
            email=getattr(user, "email", "") or "",
            min_length=self.min_name_length,
        )
        readings = {letters_of(password), letters_of(password.translate(self.LEET))}
        if names and any(self._built_from(reading, names) for reading in readings):
            raise ValidationError(
                _(
                    "This password is built from your name or your e-mail address. Add words of "
                    "your own: digits or symbols alone are not enough."
                ),
                code="password_personal_information",
            )

    def _built_from(self, letters: str, names: list[str]) -> bool:
        rest = letters
        for name in names:  # longest first: "alexmorgan" goes before "alex"
            rest = rest.replace(name, "")
        return rest != letters and len(rest) < self.min_other_letters

    def get_help_text(self) -> str:
        return _(
            "Your password cannot be built from your first name, last name or e-mail address, "
            "even with digits or symbols added."
        )


def letters_of(text: str) -> str:
    """The letters of `text`, lower-case and without accents: "Irène-2026" gives "irene"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


def personal_names(
    *, first_name: str, last_name: str, email: str, min_length: int = 3
) -> list[str]:
    """What a password must not be built from, read as `letters_of` reads it, longest first:
    each name whole and in parts ("Jean-Pierre" gives "jeanpierre", "jean" and "pierre"), the
    first and last names joined in either order, and the e-mail address's local part likewise
    ("alex.morgan+savoir" gives "alexmorgan", "alex" and "morgan")."""

    def whole_and_parts(value: str) -> list[str]:
        return [letters_of(value), *(letters_of(part) for part in re.split(r"[\W\d_]+", value))]

    # "+tag" subaddressing is not a name: "alex+savoir" is "alex".
    local_part = (email.rpartition("@")[0] or email).partition("+")[0]
    found = {
        name
        for value in (first_name, last_name, local_part)
        for name in whole_and_parts(value)
        if len(name) >= min_length
    }
    first, last = letters_of(first_name), letters_of(last_name)
    if first and last:
        found.update({first + last, last + first})
    return sorted(found, key=lambda name: (-len(name), name))
