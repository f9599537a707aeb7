"""The review queue for teachers and admins: pending AI questions and reported questions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import Field

from savoir.accounts.models import Role, User
from savoir.core.auth import request_user, session_auth
from savoir.core.errors import PermissionDenied
from savoir.core.schemas import CamelSchema, DbId, ErrorOut, InputSchema, Offset

from . import selectors, services
from .models import Question, Status

router = Router(tags=["review"], by_alias=True, auth=session_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _reviewer(request: HttpRequest) -> User:
    user = request_user(request)
    if user.role not in {Role.TEACHER, Role.ADMIN}:
        raise PermissionDenied(_("Only teachers and administrators can review questions."))
    return user


class QueueQuery(InputSchema):
    queue: Literal["pending", "reported"] = "pending"
    lang: Literal["fr", "en"] | None = None
    limit: int = Field(default=20, ge=1, le=100)
    offset: Offset = 0


class ReviewChoice(CamelSchema):
    id: int
    text: str
    is_correct: bool
    explanation: str


class ReviewReport(CamelSchema):
    id: int
    reason: str
    comment: str
    created_at: datetime
    answered_before_report: bool
    state: str


class ReviewItem(CamelSchema):
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
    choices: list[ReviewChoice]
    reports: list[ReviewReport]


class ReviewPage(CamelSchema):
    count: int
    items: list[ReviewItem]


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


def _item(question: Question) -> dict:
    return {
        "id": question.pk,
        "group_id": question.group_id,
        "language": question.language,
        "sub_objective_id": question.sub_objective_id,
        "sub_objective_code": question.sub_objective.code,
        "stem": question.stem,
        "explanation": question.explanation,
        "difficulty": question.difficulty,
        "source": question.source,
        "status": question.status,
        "version": question.version,
        "created_at": question.created_at,
        "generation_run_id": question.generation_run_id,
        "choices": list(question.choices.all()),
        "reports": list(question.reports.all()),
    }


@router.get("/questions", response={200: ReviewPage, **ERRORS}, operation_id="review_list")
def review_list(request: HttpRequest, query: Query[QueueQuery]):
    _reviewer(request)
    total, questions = selectors.review_queue(
        queue=query.queue, language=query.lang, limit=query.limit, offset=query.offset
    )
    return {"count": total, "items": [_item(q) for q in questions]}


def _status_set(request: HttpRequest, question_id: int, status: str, note: str = "") -> dict:
    # The role first: someone who may not moderate learns nothing, not even whether an id exists.
    reviewer = _reviewer(request)
    question = services.question_set_status(
        question=selectors.review_question(question_id=question_id),
        editor=reviewer,
        status=status,
        note=note,
    )
    return _item(selectors.review_question(question_id=question.pk))


@router.post(
    "/questions/{question_id}/approve",
    response={200: ReviewItem, **ERRORS},
    operation_id="review_approve",
)
def review_approve(request: HttpRequest, question_id: DbId):
    return _status_set(request, question_id, Status.APPROVED)


@router.post(
    "/questions/{question_id}/reject",
    response={200: ReviewItem, **ERRORS},
    operation_id="review_reject",
)
def review_reject(request: HttpRequest, question_id: DbId, payload: RejectIn):
    return _status_set(request, question_id, Status.REJECTED, payload.note)


@router.post(
    "/questions/{question_id}/retire",
    response={200: ReviewItem, **ERRORS},
    operation_id="review_retire",
)
def review_retire(request: HttpRequest, question_id: DbId):
    return _status_set(request, question_id, Status.RETIRED)


@router.put(
    "/questions/{question_id}", response={200: ReviewItem, **ERRORS}, operation_id="review_edit"
)
def review_edit(request: HttpRequest, question_id: DbId, payload: EditIn):
    """An edit of a question learners answered becomes its next version (a new id)."""
    reviewer = _reviewer(request)
    question = services.question_revise(
        question=selectors.review_question(question_id=question_id),
        editor=reviewer,
        stem=payload.stem,
        explanation=payload.explanation,
        difficulty=payload.difficulty,
        choices=[services.ChoiceData(c.text, c.is_correct, c.explanation) for c in payload.choices],
    )
    return _item(selectors.review_question(question_id=question.pk))


@router.post(
    "/reports/{report_id}/resolve",
    response={200: ReportStateOut, **ERRORS},
    operation_id="review_resolve_report",
)
def review_resolve_report(request: HttpRequest, report_id: DbId, payload: ResolveIn):
    reviewer = _reviewer(request)
    report = selectors.review_report(report_id=report_id)
    report = services.report_resolve(report=report, editor=reviewer, dismissed=payload.dismiss)
    return {"id": report.pk, "state": report.state}
