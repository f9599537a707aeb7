"""Request and response schemas of the progress API (camelCase on the wire)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from savoir.core.schemas import CamelSchema, InputSchema, Language

Level = Literal["not_started", "attempted", "familiar", "proficient", "mastered"]


Reason = Literal[
    "misconceptions", "due_reviews", "weak_mastery", "never_practised", "high_exam_weight"
]


class ExamQuery(InputSchema):
    exam_code: str = Field(default="SY0-701", max_length=20)
    lang: Language | None = None


class DomainFilter(ExamQuery):
    domain_code: str | None = Field(default=None, max_length=20)


class ObjectiveFilter(ExamQuery):
    objective_code: str | None = Field(default=None, max_length=20)


class ActivityQuery(InputSchema):
    from_: date = Field(alias="from")
    to: date


class MasteryOut(CamelSchema):
    sub_objective_id: int
    sub_objective_code: str
    score: int
    level: Level
    answered: int
    correct: int
    last_activity_at: datetime | None
    review_due_at: datetime | None


class NodeOut(CamelSchema):
    id: int
    code: str
    title: str
    title_en: str
    parent_code: str | None
    weight_percent: int | None
    mastery: int
    level: Level
    answered: int
    accuracy: float | None
    last_activity_at: datetime | None
    due_count: int
    sub_objectives_total: int
    sub_objectives_practised: int
    topics_total: int
    topics_practised: int
    question_count: int  # questions to practise there, in the requested language
    coverage: float  # share of its sub-objectives practised
    topic_coverage: float | None  # share of its topics practised (None when it has none)


class RecommendationOut(NodeOut):
    objective_code: str
    domain_code: str
    misconceptions: int
    reasons: list[Reason]


class DomainReadinessOut(CamelSchema):
    code: str
    title: str
    weight_percent: int | None
    mastery: int
    evidence: float
    contribution: float  # points of the scaled score this domain brings


class CodeTitleOut(CamelSchema):
    code: str
    title: str


class ReadinessOut(CamelSchema):
    estimate: int
    low: int
    high: int
    pass_line: int
    scale_min: int
    scale_max: int
    status: Literal["likely_pass", "borderline", "not_yet"]
    domains: list[DomainReadinessOut]
    objectives_without_evidence: list[CodeTitleOut]


class SummaryOut(CamelSchema):
    answered: int
    correct: int
    accuracy: float | None
    time_spent_ms: int
    current_streak: int
    best_streak: int
    average_mastery: int
    sub_objectives_practised: int
    sub_objectives_total: int
    due_now: int
    exam_date: date | None
    days_left: int | None
    readiness: ReadinessOut


class ActivityDayOut(CamelSchema):
    date: date
    answered: int
    correct: int
    minutes: float


class ExamDateIn(InputSchema):
    date: date
    exam_code: str = Field(default="SY0-701", max_length=20)


class PlanDayOut(CamelSchema):
    date: date
    new_questions: int
    reviews: int


class PlanOut(CamelSchema):
    exam_date: date
    days_left: int
    new_questions_total: int
    days: list[PlanDayOut]
