from __future__ import annotations

import unicodedata
import uuid
import zoneinfo
from datetime import datetime
from functools import lru_cache
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django_countries import countries
from pydantic import Field, StringConstraints, field_validator

from savoir.core.schemas import CamelSchema, InputSchema, Language

from .models import User

Name = Annotated[str, Field(min_length=2, max_length=100)]
# Generous bound so nobody hashes megabytes; the password rules themselves cap at 128.
# Never stripped: spaces at either end are part of the password.
PasswordInput = Annotated[
    str, StringConstraints(strip_whitespace=False), Field(min_length=1, max_length=1024)
]


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _clean_email(value: str) -> str:
    value = value.strip().lower()
    try:
        validate_email(value)
    except DjangoValidationError:
        raise ValueError(_("Enter a valid e-mail address.")) from None
    return value


def _clean_name(value: str | None) -> str | None:
    if value is None:
        return None
    if any(unicodedata.category(c).startswith("C") for c in value):
        raise ValueError(_("Names cannot contain control characters."))
    return value


def _clean_country(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    value = value.upper()
    if value not in countries:
        raise ValueError(_("Use a two-letter ISO 3166-1 country code, such as FR or CA."))
    return value


def _clean_time_zone(value: str) -> str:
    if value not in _time_zones():
        raise ValueError(_("Unknown time zone."))
    return value


class UserOut(CamelSchema):
    id: int
    email: str
    first_name: str
    last_name: str
    country: str | None
    language: Language
    time_zone: str
    role: Literal["learner", "teacher", "admin"]
    avatar_url: str | None
    date_joined: datetime

    @staticmethod
    def resolve_country(obj: User) -> str | None:
        return obj.country or None

    @staticmethod
    def resolve_avatar_url(obj: User) -> str | None:
        return obj.avatar.url if obj.avatar else None


class RegisterIn(InputSchema):
    email: Annotated[str, Field(max_length=254)]
    password: PasswordInput
    first_name: Name
    last_name: Name
    country: str | None = None
    language: Language

    _email = field_validator("email")(_clean_email)
    _names = field_validator("first_name", "last_name")(_clean_name)
    _country = field_validator("country")(_clean_country)


class LoginIn(InputSchema):
    email: Annotated[str, Field(min_length=1, max_length=254)]
    password: PasswordInput


class ForgotIn(InputSchema):
    email: Annotated[str, Field(max_length=254)]

    _email = field_validator("email")(_clean_email)


class ResetIn(InputSchema):
    token: Annotated[str, Field(min_length=1, max_length=300)]
    new_password: PasswordInput


class UserUpdateIn(InputSchema):
    first_name: Name | None = None
    last_name: Name | None = None
    country: str | None = None
    language: Language | None = None
    time_zone: Annotated[str, Field(max_length=64)] | None = None

    _names = field_validator("first_name", "last_name")(_clean_name)
    _country = field_validator("country")(_clean_country)
    _tz = field_validator("time_zone")(_clean_time_zone)


class PasswordChangeIn(InputSchema):
    current_password: PasswordInput
    new_password: PasswordInput


class SessionOut(CamelSchema):
    id: uuid.UUID
    created_at: datetime
    last_seen_at: datetime
    ip_address: str | None
    user_agent: str
    current: bool
