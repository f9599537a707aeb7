"""Request and response schemas of the generation API (camelCase on the wire)."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from savoir.core.schemas import CamelSchema, InputSchema, Language
from savoir.practice.schemas import QuestionOut


class GenerateIn(InputSchema):
    sub_objective_id: int = Field(ge=1)
    lang: Language
    difficulty: int = Field(ge=1, le=5)
    count: int = Field(ge=1, le=20)
    force: bool = False  # teachers and admins: call the model even when the bank could answer


class RunStartedOut(CamelSchema):
    run_id: uuid.UUID
    status: str
    from_cache: bool


class RunErrorOut(CamelSchema):
    code: str
    message: str


class RunOut(CamelSchema):
    id: uuid.UUID
    status: Literal["queued", "running", "succeeded", "partial", "failed"]
    sub_objective_id: int
    language: str
    difficulty: int
    requested: int
    accepted: int
    rejected: int
    from_cache: bool
    error: RunErrorOut | None
    questions: list[QuestionOut]


class AvailabilityOut(CamelSchema):
    # False when no AI model is configured on the server: screens then offer nothing to generate.
    available: bool
