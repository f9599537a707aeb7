from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router
from pydantic import Field

from savoir.catalog.selectors import exam_get
from savoir.core.auth import request_user, session_auth
from savoir.core.errors import NotFound
from savoir.core.schemas import CamelSchema, ErrorOut, InputSchema

from . import selectors, services

router = Router(tags=["progress"], by_alias=True, auth=session_auth)
ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
Level = Literal["not_started", "attempted", "familiar", "proficient", "mastered"]
Reason = Literal[
    "misconceptions", "due_reviews", "weak_mastery", "never_practised", "high_exam_weight"
]


class ExamQuery(InputSchema):
    exam_code: str = Field(default="SY0-701", max_length=20)
    lang: Literal["fr", "en"] | None = None


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


def _locale(request: HttpRequest, query: ExamQuery) -> str:
    return query.lang or request_user(request).language


def _snapshot(request: HttpRequest, query: ExamQuery) -> selectors.Snapshot:
    return selectors.learner_snapshot(
        user=request_user(request), exam_code=query.exam_code, locale=_locale(request, query)
    )


@router.get("/mastery", response={200: list[MasteryOut], **ERRORS}, operation_id="progress_mastery")
def progress_mastery(request: HttpRequest, query: Query[ExamQuery]):
    """The learner's mastery of each sub-objective practised (others are not started)."""
    return [
        {
            "sub_objective_id": m.sub_objective_id,
            "sub_objective_code": m.sub_objective.code,
            "score": m.score,
            "level": m.level,
            "answered": m.answered,
            "correct": m.correct,
            "last_activity_at": m.last_activity_at,
            "review_due_at": m.review_due_at,
        }
        for m in selectors.mastery_for_user(user=request_user(request), exam_code=query.exam_code)
    ]


@router.get("/summary", response={200: SummaryOut, **ERRORS}, operation_id="progress_summary")
def progress_summary(request: HttpRequest, query: Query[ExamQuery]):
    snapshot = _snapshot(request, query)
    return selectors.summary(
        user=request_user(request), snapshot=snapshot, locale=_locale(request, query)
    )


@router.get("/readiness", response={200: ReadinessOut, **ERRORS}, operation_id="progress_readiness")
def progress_readiness(request: HttpRequest, query: Query[ExamQuery]):
    """Estimated scaled score with its range (method and limits: docs/readiness.md)."""
    return selectors.readiness(_snapshot(request, query), _locale(request, query))


@router.get(
    "/by-domain", response={200: list[NodeOut], **ERRORS}, operation_id="progress_by_domain"
)
def progress_by_domain(request: HttpRequest, query: Query[ExamQuery]):
    snapshot, locale = _snapshot(request, query), _locale(request, query)
    return [selectors.node_view(n, locale) for n in snapshot.domains.values()]


@router.get(
    "/by-objective", response={200: list[NodeOut], **ERRORS}, operation_id="progress_by_objective"
)
def progress_by_objective(request: HttpRequest, query: Query[DomainFilter]):
    snapshot, locale = _snapshot(request, query), _locale(request, query)
    if query.domain_code is not None and query.domain_code not in snapshot.domains:
        raise NotFound()
    return [
        selectors.node_view(n, locale)
        for n in snapshot.objectives.values()
        if query.domain_code is None or n.parent_code == query.domain_code
    ]


@router.get(
    "/by-subobjective",
    response={200: list[NodeOut], **ERRORS},
    operation_id="progress_by_sub_objective",
)
def progress_by_sub_objective(request: HttpRequest, query: Query[ObjectiveFilter]):
    snapshot, locale = _snapshot(request, query), _locale(request, query)
    if query.objective_code is not None and query.objective_code not in snapshot.objectives:
        raise NotFound()
    return [
        selectors.node_view(n, locale)
        for n in snapshot.subs.values()
        if query.objective_code is None or n.parent_code == query.objective_code
    ]


@router.get(
    "/activity", response={200: list[ActivityDayOut], **ERRORS}, operation_id="progress_activity"
)
def progress_activity(request: HttpRequest, query: Query[ActivityQuery]):
    """Answers and minutes per day in the learner's time zone (366 days at most)."""
    return selectors.activity(user=request_user(request), start=query.from_, end=query.to)


@router.get(
    "/recommendations",
    response={200: list[RecommendationOut], **ERRORS},
    operation_id="progress_recommendations",
)
def progress_recommendations(request: HttpRequest, query: Query[ExamQuery]):
    return selectors.recommendations(
        snapshot=_snapshot(request, query), locale=_locale(request, query)
    )


@router.put("/exam-date", response={200: PlanOut, **ERRORS}, operation_id="progress_set_exam_date")
def progress_set_exam_date(request: HttpRequest, payload: ExamDateIn):
    user = request_user(request)
    services.exam_goal_set(
        user=user,
        exam=exam_get(code=payload.exam_code),
        exam_date=payload.date,
        today=selectors.today_for(user),
    )
    snapshot = selectors.learner_snapshot(
        user=user, exam_code=payload.exam_code, locale=user.language
    )
    return selectors.study_plan(user=user, snapshot=snapshot)


@router.get("/plan", response={200: PlanOut, **ERRORS}, operation_id="progress_plan")
def progress_plan(request: HttpRequest, query: Query[ExamQuery]):
    user = request_user(request)
    plan = selectors.study_plan(user=user, snapshot=_snapshot(request, query))
    if plan is None:
        raise NotFound()
    return plan
