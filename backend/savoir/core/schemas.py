from __future__ import annotations

from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_camel

# The languages Savoir speaks, everywhere a language is an input or an output.
Language = Literal["fr", "en"]

# What PostgreSQL's bigint holds: an id or a count beyond it cannot exist, and sending it to the
# database would be an error there (a 500) instead of a 422 here.
MAX_BIGINT = 2**63 - 1
# A database id, for path parameters (schemas' own int fields are bounded by _bounded below).
DbId = Annotated[int, Field(ge=1, le=MAX_BIGINT)]
# An offset into a paginated list: far beyond any real list, well inside the database's range.
Offset = Annotated[int, Field(default=0, ge=0, le=1_000_000)]


def _bounded(value: Any) -> Any:
    """Every input string without NUL (PostgreSQL cannot store it) and every integer within
    bigint, however deeply nested in lists and dicts."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(_("Text must not contain NUL characters."))
    elif isinstance(value, int) and not isinstance(value, bool):
        if not -MAX_BIGINT - 1 <= value <= MAX_BIGINT:
            raise ValueError(_("This number is too large."))
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _bounded(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _bounded(key)
            _bounded(item)
    return value


class CamelSchema(Schema):
    """camelCase on the wire, snake_case in Python."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, str_strip_whitespace=True
    )


class InputSchema(CamelSchema):
    """Every request body and query schema derives from this (or InputModel), so that every
    input string and integer is bounded; a test walks the API to check it."""

    @field_validator("*", mode="after")
    @classmethod
    def _bounded_input(cls, value: Any) -> Any:
        return _bounded(value)


class CamelModel(BaseModel):
    """camelCase on the wire like CamelSchema, for payloads that are only ever dicts.

    Plain pydantic: ninja's Schema wraps every (nested) model in its Django object resolver,
    which made validating the answer's response about eight times slower. Use it where a
    request is hot (bench/answer_throughput.py); CamelSchema wherever objects are resolved."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, str_strip_whitespace=True
    )


class InputModel(CamelModel):
    """InputSchema's bounds for plain-pydantic request payloads."""

    @field_validator("*", mode="after")
    @classmethod
    def _bounded_input(cls, value: Any) -> Any:
        return _bounded(value)


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    error: ErrorBody


# Every status an operation may answer with the error envelope, declared on every operation
# (schemathesis fails on any status the schema does not declare). 400: Django's own refusals
# (host, malformed request); 413: a body over the limit; 503: a required store is unreachable
# (limits fail closed) or the database stayed contended.
ERROR_RESPONSES: dict[int, type[Schema]] = {
    status: ErrorOut for status in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}


class DetailOut(Schema):
    detail: str
