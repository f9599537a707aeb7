from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field

from savoir.core.schemas import CamelModel, CamelSchema, InputModel, InputSchema, Language, Offset

from .models import Mode

ConfidenceIn = Literal["low", "medium", "high"]
LevelOut = Literal["not_started", "attempted", "familiar", "proficient", "mastered"]


class ChoiceOut(CamelSchema):
    """What a learner sees of a choice before answering: never whether it is correct."""

    id: int
    text: str


class QuestionOut(CamelSchema):
    id: int
    group_id: uuid.UUID
    sub_objective_id: int
    sub_objective_code: str
    language: Language
    stem: str
    difficulty: int
    source: Literal["manual", "generated", "imported"]
    ai_unreviewed: bool  # shown as "AI · not yet reviewed"
    flagged: bool
    choices: list[ChoiceOut]


class SessionProgressOut(CamelSchema):
    id: uuid.UUID
    mode: str
    answered: int
    correct: int
    target: int
    # How many questions this session can really serve: the target, or fewer when fewer match
    # its scope and mode ("Question 1 of 1").
    size: int


class QuestionPageOut(CamelSchema):
    count: int
    items: list[QuestionOut]


class AnswerIn(InputModel):
    question_id: int = Field(ge=1)
    choice_id: int = Field(ge=1)
    time_spent_ms: int = Field(ge=0, le=3 * 60 * 60 * 1000)
    confidence: ConfidenceIn | None = None
    client_answer_id: uuid.UUID
    session_id: uuid.UUID | None = None


class ChoiceExplanationOut(CamelModel):
    choice_id: int
    is_correct: bool
    explanation: str


class MasteryDeltaOut(CamelModel):
    sub_objective_id: int
    sub_objective_code: str
    score: int
    level: LevelOut
    previous_score: int
    previous_level: LevelOut


class AnswerOut(CamelModel):
    question_id: int
    choice_id: int
    is_correct: bool
    correct_choice_id: int
    explanation: str
    choice_explanations: list[ChoiceExplanationOut]
    mastery: MasteryDeltaOut
    misconception: bool
    next_review_at: datetime
    answered_at: datetime


class NextOut(CamelSchema):
    session: SessionProgressOut
    question: QuestionOut | None
    # question: a new question; resumed: the one left on screen, not answered yet; answered: the
    # one on screen, answered (its feedback in `answer`) until the learner asks for the next;
    # session_complete: the target is reached; nothing_left: no question matches this scope and
    # mode right now; no_questions: the bank has no question on this scope in this language.
    status: Literal[
        "question", "resumed", "answered", "session_complete", "nothing_left", "no_questions"
    ]
    answer: AnswerOut | None = None


class FlagIn(InputSchema):
    question_id: int = Field(ge=1)


class FlagOut(CamelSchema):
    question_id: int
    flagged: bool


class ReportIn(InputSchema):
    reason: Literal["wrong_key", "ambiguous", "several_correct", "outdated", "translation", "other"]
    comment: str = Field(default="", max_length=1000)


class ReportOut(CamelSchema):
    id: int
    reason: str
    created_at: datetime


class DueItemOut(CamelSchema):
    question_id: int | None
    sub_objective_id: int
    sub_objective_code: str
    due_at: datetime
    misconception: bool
    lapses: int


class DueOut(CamelSchema):
    count: int
    items: list[DueItemOut]


class MasteryChangeOut(CamelSchema):
    sub_objective_id: int
    sub_objective_code: str
    score_before: int
    level_before: LevelOut
    score_after: int
    level_after: LevelOut


class SessionQuestionOut(CamelSchema):
    """A question of a finished session: the learner's answer, the right one, every reason."""

    question_id: int
    sub_objective_id: int
    sub_objective_code: str
    language: Language
    stem: str
    choices: list[ChoiceOut]
    choice_id: int
    is_correct: bool
    correct_choice_id: int
    confidence: ConfidenceIn | None
    explanation: str
    choice_explanations: list[ChoiceExplanationOut]
    answered_at: datetime


class SessionSummaryOut(CamelSchema):
    id: uuid.UUID
    mode: str
    language: Language
    target: int
    started_at: datetime
    finished_at: datetime | None
    answered: int
    correct: int
    time_spent_ms: int
    mastery_changes: list[MasteryChangeOut]
    # By sub-objective code in natural order (2.2.6 before 2.2.10), then as answered.
    questions: list[SessionQuestionOut]


class SessionOpenIn(InputSchema):
    sub_objective_id: int | None = Field(default=None, ge=1)
    objective_id: int | None = Field(default=None, ge=1)
    domain_code: str | None = Field(default=None, max_length=20)
    exam_code: str = Field(default="SY0-701", max_length=20)
    lang: Language
    mode: Mode = Mode.MIXED
    # The learner asks for the next question: the answered one on screen is left behind.
    advance: bool = False


class QuestionsQuery(InputSchema):
    sub_objective_id: int = Field(ge=1)
    lang: Language
    limit: int = Field(default=20, ge=1, le=100)
    offset: Offset = 0


class LangQuery(InputSchema):
    lang: Language


class SummaryQuery(InputSchema):
    lang: Language | None = None  # the session's language by default
