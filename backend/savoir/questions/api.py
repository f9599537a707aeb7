"""The review queue for teachers and admins: pending AI questions and reported questions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from savoir.accounts.auth import request_user, session_auth
from savoir.accounts.models import Role, User
from savoir.core.errors import PermissionDenied
from savoir.core.schemas import ERROR_RESPONSES, DbId

from . import selectors, services
from .models import Question, Status
from .schemas import (
    EditIn,
    ModerationItem,
    ModerationPage,
    QueueQuery,
    RejectIn,
    ReportStateOut,
    ResolveIn,
)

router = Router(tags=["moderation"], by_alias=True, auth=session_auth)


def _moderator(request: HttpRequest) -> User:
    user = request_user(request)
    if user.role not in {Role.TEACHER, Role.ADMIN}:
        raise PermissionDenied(_("Only teachers and administrators can moderate questions."))
    return user


def _item(question: Question) -> dict[str, Any]:
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


@router.get(
    "/questions", response={200: ModerationPage, **ERROR_RESPONSES}, operation_id="moderation_list"
)
def moderation_list(request: HttpRequest, query: Query[QueueQuery]) -> dict[str, Any]:
    _moderator(request)
    total, questions = selectors.moderation_queue(
        queue=query.queue, language=query.lang, limit=query.limit, offset=query.offset
    )
    return {"count": total, "items": [_item(q) for q in questions]}


def _status_set(
    request: HttpRequest, question_id: int, status: str, note: str = ""
) -> dict[str, Any]:
    # The role first: someone who may not moderate learns nothing, not even whether an id exists.
    reviewer = _moderator(request)
    question = services.question_set_status(
        question=selectors.moderation_question_get(question_id=question_id),
        editor=reviewer,
        status=status,
        note=note,
    )
    return _item(selectors.moderation_question_get(question_id=question.pk))


@router.post(
    "/questions/{question_id}/approve",
    response={200: ModerationItem, **ERROR_RESPONSES},
    operation_id="moderation_approve",
)
def moderation_approve(request: HttpRequest, question_id: DbId) -> dict[str, Any]:
    return _status_set(request, question_id, Status.APPROVED)


@router.post(
    "/questions/{question_id}/reject",
    response={200: ModerationItem, **ERROR_RESPONSES},
    operation_id="moderation_reject",
)
def moderation_reject(request: HttpRequest, question_id: DbId, payload: RejectIn) -> dict[str, Any]:
    return _status_set(request, question_id, Status.REJECTED, payload.note)


@router.post(
    "/questions/{question_id}/retire",
    response={200: ModerationItem, **ERROR_RESPONSES},
    operation_id="moderation_retire",
)
def moderation_retire(request: HttpRequest, question_id: DbId) -> dict[str, Any]:
    return _status_set(request, question_id, Status.RETIRED)


@router.put(
    "/questions/{question_id}",
    response={200: ModerationItem, **ERROR_RESPONSES},
    operation_id="moderation_edit",
)
def moderation_edit(request: HttpRequest, question_id: DbId, payload: EditIn) -> dict[str, Any]:
    """An edit of a question learners answered becomes its next version (a new id)."""
    reviewer = _moderator(request)
    question = services.question_revise(
        question=selectors.moderation_question_get(question_id=question_id),
        editor=reviewer,
        stem=payload.stem,
        explanation=payload.explanation,
        difficulty=payload.difficulty,
        choices=[services.ChoiceData(c.text, c.is_correct, c.explanation) for c in payload.choices],
    )
    return _item(selectors.moderation_question_get(question_id=question.pk))


@router.post(
    "/reports/{report_id}/resolve",
    response={200: ReportStateOut, **ERROR_RESPONSES},
    operation_id="moderation_resolve_report",
)
def moderation_resolve_report(
    request: HttpRequest, report_id: DbId, payload: ResolveIn
) -> dict[str, Any]:
    reviewer = _moderator(request)
    report = selectors.moderation_report_get(report_id=report_id)
    report = services.report_resolve(report=report, editor=reviewer, dismissed=payload.dismiss)
    return {"id": report.pk, "state": report.state}
