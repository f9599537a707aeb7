from ninja import Schema
from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class CamelSchema(Schema):
    """camelCase on the wire, snake_case in Python."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, str_strip_whitespace=True
    )


class CamelModel(BaseModel):
    """camelCase on the wire like CamelSchema, for payloads that are only ever dicts.

    Plain pydantic: ninja's Schema wraps every (nested) model in its Django object resolver,
    which made validating the answer's response about eight times slower. Use it where a
    request is hot (bench/answer_throughput.py); CamelSchema wherever objects are resolved."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, str_strip_whitespace=True
    )


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    error: ErrorBody


class DetailOut(Schema):
    detail: str
