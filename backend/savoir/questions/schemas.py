"""Request and response schemas of the questions API (camelCase on the wire)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field

from savoir.core.schemas import CamelSchema, InputSchema, Language, Offset


class QueueQuery(InputSchema):
    queue: Literal["pending", "reported"] = "pending"
    lang: Language | None = None
    limit: int = Field(default=20, ge=1, le=100)
    offset: Offset = 0


class ModerationChoice(CamelSchema):
    id: int
    text: str
    is_correct: bool
    explanation: str


class ModerationReport(CamelSchema):
    id: int
    reason: str
    comment: str
    created_at: datetime
    answered_before_report: bool
    state: str


class ModerationItem(CamelSchema):
    id: int
    group_id: uuid.UUID
    language: str
    sub_objective_id: int
    sub_objective_code: str
    stem: str
    explanation: str
    difficulty: int
    source: str
    status: str
    version: int
    created_at: datetime
    generation_run_id: uuid.UUID | None
    choices: list[ModerationChoice]
    reports: list[ModerationReport]


class ModerationPage(CamelSchema):
    count: int
    items: list[ModerationItem]


class RejectIn(InputSchema):
    note: str = Field(min_length=1, max_length=1000)


class ChoiceIn(InputSchema):
    text: str = Field(min_length=1, max_length=500)
    is_correct: bool
    explanation: str = Field(min_length=1, max_length=2000)


class EditIn(InputSchema):
    stem: str = Field(min_length=1, max_length=4000)
    explanation: str = Field(min_length=1, max_length=4000)
    difficulty: int = Field(ge=1, le=5)
    choices: list[ChoiceIn] = Field(min_length=1, max_length=8)


class ResolveIn(InputSchema):
    dismiss: bool = False


class ReportStateOut(CamelSchema):
    id: int
    state: str
