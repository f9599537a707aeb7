"""Request and response schemas of the generation API (camelCase on the wire)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field

from savoir.core.schemas import CamelSchema, InputSchema, Language, Offset
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


class RejectionOut(CamelSchema):
    """How many questions were left out for one reason, and the reason in plain words."""

    reason: str
    count: int
    message: str


class RunOut(CamelSchema):
    id: uuid.UUID
    status: Literal["queued", "running", "succeeded", "partial", "failed", "cancelled"]
    # What an unfinished run is doing; null once it ended.
    stage: Literal["queued", "waiting", "writing", "checking", "saving", "retrying"] | None
    # Since the request, measured by the server (until the end for a finished run).
    elapsed_ms: int
    sub_objective_id: int
    language: str
    difficulty: int
    requested: int
    accepted: int
    rejected: int
    from_cache: bool
    error: RunErrorOut | None
    rejections: list[RejectionOut]
    questions: list[QuestionOut]


class RejectedQuery(InputSchema):
    lang: Language | None = None
    limit: int = Field(default=20, ge=1, le=100)
    offset: Offset = 0


class RejectedChoiceOut(CamelSchema):
    text: str
    is_correct: bool
    explanation: str


class RejectedItemOut(CamelSchema):
    """A question the quality gate refused, as the model wrote it (parts may be missing when
    the reason is a malformed item)."""

    id: int
    run_id: uuid.UUID
    created_at: datetime
    language: str
    difficulty: int
    sub_objective_id: int
    sub_objective_code: str
    reason: str
    reason_message: str
    stem: str
    explanation: str
    choices: list[RejectedChoiceOut]


class RejectedPage(CamelSchema):
    count: int
    items: list[RejectedItemOut]


class AvailabilityOut(CamelSchema):
    # False when no AI model is configured on the server: screens then offer nothing to generate.
    available: bool
