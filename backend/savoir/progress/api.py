from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from savoir.accounts.auth import request_user, session_auth
from savoir.accounts.selectors import user_local_date
from savoir.catalog.selectors import exam_get
from savoir.core.errors import NotFound
from savoir.core.schemas import ERROR_RESPONSES

from . import selectors, services
from .schemas import (
    ActivityDayOut,
    ActivityQuery,
    DomainFilter,
    ExamDateIn,
    ExamQuery,
    MasteryOut,
    NodeOut,
    ObjectiveFilter,
    PlanOut,
    ReadinessOut,
    RecommendationOut,
    SummaryOut,
)

router = Router(tags=["progress"], by_alias=True, auth=session_auth)


def _locale(request: HttpRequest, query: ExamQuery) -> str:
    return query.lang or request_user(request).language


def _snapshot(request: HttpRequest, query: ExamQuery) -> selectors.Snapshot:
    return selectors.snapshot_get(
        user=request_user(request), exam_code=query.exam_code, locale=_locale(request, query)
    )


@router.get(
    "/mastery", response={200: list[MasteryOut], **ERROR_RESPONSES}, operation_id="progress_mastery"
)
def progress_mastery(request: HttpRequest, query: Query[ExamQuery]) -> list[dict[str, Any]]:
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
        for m in selectors.mastery_list(user=request_user(request), exam_code=query.exam_code)
    ]


@router.get(
    "/summary", response={200: SummaryOut, **ERROR_RESPONSES}, operation_id="progress_summary"
)
def progress_summary(request: HttpRequest, query: Query[ExamQuery]) -> dict[str, Any]:
    snapshot = _snapshot(request, query)
    return selectors.summary_get(
        user=request_user(request), snapshot=snapshot, locale=_locale(request, query)
    )


@router.get(
    "/readiness", response={200: ReadinessOut, **ERROR_RESPONSES}, operation_id="progress_readiness"
)
def progress_readiness(request: HttpRequest, query: Query[ExamQuery]) -> dict[str, Any]:
    """Estimated scaled score with its range (method and limits: docs/readiness.md)."""
    return selectors.readiness_estimate(_snapshot(request, query), _locale(request, query))


@router.get(
    "/by-domain",
    response={200: list[NodeOut], **ERROR_RESPONSES},
    operation_id="progress_by_domain",
)
def progress_by_domain(request: HttpRequest, query: Query[ExamQuery]) -> list[dict[str, Any]]:
    snapshot, locale = _snapshot(request, query), _locale(request, query)
    return [selectors.node_present(n, locale) for n in snapshot.domains.values()]


@router.get(
    "/by-objective",
    response={200: list[NodeOut], **ERROR_RESPONSES},
    operation_id="progress_by_objective",
)
def progress_by_objective(request: HttpRequest, query: Query[DomainFilter]) -> list[dict[str, Any]]:
    return selectors.node_children_list(
        snapshot=_snapshot(request, query),
        level="objective",
        parent_code=query.domain_code,
        locale=_locale(request, query),
    )


@router.get(
    "/by-subobjective",
    response={200: list[NodeOut], **ERROR_RESPONSES},
    operation_id="progress_by_sub_objective",
)
def progress_by_sub_objective(
    request: HttpRequest, query: Query[ObjectiveFilter]
) -> list[dict[str, Any]]:
    return selectors.node_children_list(
        snapshot=_snapshot(request, query),
        level="sub_objective",
        parent_code=query.objective_code,
        locale=_locale(request, query),
    )


@router.get(
    "/activity",
    response={200: list[ActivityDayOut], **ERROR_RESPONSES},
    operation_id="progress_activity",
)
def progress_activity(request: HttpRequest, query: Query[ActivityQuery]) -> list[dict[str, Any]]:
    """Answers and minutes per day in the learner's time zone (366 days at most)."""
    return selectors.activity_list(user=request_user(request), start=query.from_, end=query.to)


@router.get(
    "/recommendations",
    response={200: list[RecommendationOut], **ERROR_RESPONSES},
    operation_id="progress_recommendations",
)
def progress_recommendations(request: HttpRequest, query: Query[ExamQuery]) -> list[dict[str, Any]]:
    return selectors.recommendation_list(
        snapshot=_snapshot(request, query), locale=_locale(request, query)
    )


@router.put(
    "/exam-date", response={200: PlanOut, **ERROR_RESPONSES}, operation_id="progress_set_exam_date"
)
def progress_set_exam_date(request: HttpRequest, payload: ExamDateIn) -> dict[str, Any] | None:
    user = request_user(request)
    services.exam_goal_set(
        user=user,
        exam=exam_get(code=payload.exam_code),
        exam_date=payload.date,
        today=user_local_date(user),
    )
    snapshot = selectors.snapshot_get(user=user, exam_code=payload.exam_code, locale=user.language)
    return selectors.study_plan_get(user=user, snapshot=snapshot)


@router.get("/plan", response={200: PlanOut, **ERROR_RESPONSES}, operation_id="progress_plan")
def progress_plan(request: HttpRequest, query: Query[ExamQuery]) -> dict[str, Any]:
    user = request_user(request)
    plan = selectors.study_plan_get(user=user, snapshot=_snapshot(request, query))
    if plan is None:
        raise NotFound()
    return plan
