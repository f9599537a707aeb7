from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Query, Router, Status

from savoir.accounts.auth import request_user, session_auth
from savoir.accounts.models import Role, User
from savoir.core.errors import PermissionDenied
from savoir.core.schemas import ERROR_RESPONSES
from savoir.practice.selectors import questions_present

from . import selectors, services
from .models import FINISHED, GenerationRun, RejectedItem
from .rejections import rejection_message
from .schemas import (
    AvailabilityOut,
    GenerateIn,
    RejectedPage,
    RejectedQuery,
    RunOut,
    RunStartedOut,
)

router = Router(tags=["generation"], by_alias=True, auth=session_auth)
# Mounted under /api/moderation: the moderation queue's tab of questions the gate refused.
moderation_router = Router(tags=["moderation"], by_alias=True, auth=session_auth)


def _error_message(code: str, *, kept: int) -> str:
    # Learners never see model-side details; a 401 from the model server is a configuration
    # problem for admins (the run keeps error_detail for them).
    if code == "cancelled":
        if not kept:
            return _("You cancelled the generation.")
        return ngettext(
            "You cancelled the generation. The %(count)d question already written is kept.",
            "You cancelled the generation. The %(count)d questions already written are kept.",
            kept,
        ) % {"count": kept}
    if kept and code != "some_rejected":
        # The run failed part-way: say what was kept rather than a message about the failure
        # that would contradict the questions on screen.
        return ngettext(
            "The AI stopped before the end. The %(count)d question that passed our checks is kept.",
            "The AI stopped before the end. The %(count)d questions that passed our checks are kept.",
            kept,
        ) % {"count": kept}
    messages = {
        "configuration": _(
            "Question generation is misconfigured on the server; an administrator has been told."
        ),
        "quota_exhausted": _(
            "The AI service has no credit left. Practice from the question bank still works."
        ),
        "rate_limited": _("The AI service is busy. Try again in a minute."),
        "timeout": _("The AI service took too long to answer. Try again."),
        "unreachable": _("The AI service cannot be reached right now. Try again later."),
        "model_error": _("The AI service had a problem. Try again later."),
        "invalid_output": _(
            "The AI answer was incomplete or malformed, so nothing was kept. Try again."
        ),
        "refused": _(
            "The AI declined to write these questions. Try another sub-objective or difficulty."
        ),
        "all_rejected": _(
            "None of the generated questions passed our quality checks, so none were kept. Try again."
        ),
        "some_rejected": _(
            "Some generated questions did not pass our quality checks and were left out."
        ),
        "interrupted": _("The generation was interrupted. Try again."),
    }
    return messages.get(code, _("The generation failed. Try again."))


@router.post(
    "/runs", response={202: RunStartedOut, **ERROR_RESPONSES}, operation_id="generation_start"
)
def generation_start(request: HttpRequest, payload: GenerateIn) -> Status[dict[str, Any]]:
    """Starts a generation and answers at once (202); poll the run for its questions."""
    run = services.generation_request(
        user=request_user(request),
        sub_objective_id=payload.sub_objective_id,
        language=payload.lang,
        difficulty=payload.difficulty,
        count=payload.count,
        force=payload.force,
    )
    return Status(202, {"run_id": run.pk, "status": run.status, "from_cache": run.from_cache})


def _run_out(user: User, run: GenerationRun) -> dict[str, Any]:
    finished = run.status in FINISHED
    elapsed = (run.finished_at if finished and run.finished_at else timezone.now()) - run.created_at
    questions = selectors.run_questions(run=run)
    return {
        "id": run.pk,
        "status": run.status,
        "stage": None if finished else run.stage,
        "elapsed_ms": max(0, int(elapsed.total_seconds() * 1000)),
        "sub_objective_id": run.sub_objective_id,
        "language": run.language,
        "difficulty": run.difficulty,
        "requested": run.requested,
        "accepted": run.accepted,
        "rejected": run.rejected,
        "from_cache": run.from_cache,
        "error": {
            "code": run.error_code,
            "message": _error_message(run.error_code, kept=run.accepted),
        }
        if run.error_code
        else None,
        "rejections": [
            {"reason": reason, "count": count, "message": rejection_message(reason)}
            for reason, count in selectors.run_rejections(run=run)
        ],
        "questions": questions_present(user=user, questions=questions),
    }


@router.get(
    "/runs/{run_id}", response={200: RunOut, **ERROR_RESPONSES}, operation_id="generation_run_get"
)
def generation_run_get(request: HttpRequest, run_id: uuid.UUID) -> dict[str, Any]:
    """The run's status, what it is doing and the questions accepted so far (never their
    answers)."""
    user = request_user(request)
    run = services.run_settle(run=selectors.run_get_for_user(user=user, run_id=run_id))
    return _run_out(user, run)


@router.post(
    "/runs/{run_id}/cancel",
    response={200: RunOut, **ERROR_RESPONSES},
    operation_id="generation_run_cancel",
)
def generation_run_cancel(request: HttpRequest, run_id: uuid.UUID) -> dict[str, Any]:
    """Stops the learner's run: the questions already written stay, the unused quota comes
    back. 409 when the run had already ended."""
    user = request_user(request)
    return _run_out(user, services.run_cancel(user=user, run_id=run_id))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _rejected_item(item: RejectedItem) -> dict[str, Any]:
    # The payload is what the model sent; a malformed one may lack any part of it.
    payload = item.payload if isinstance(item.payload, dict) else {}
    distractors = payload.get("distractors")
    choices = [(payload.get("correct"), True)] + [
        (choice, False) for choice in (distractors if isinstance(distractors, list) else [])
    ]
    return {
        "id": item.pk,
        "run_id": item.run_id,
        "created_at": item.created_at,
        "language": item.run.language,
        "difficulty": item.run.difficulty,
        "sub_objective_id": item.run.sub_objective_id,
        "sub_objective_code": item.run.sub_objective.code,
        "reason": item.reason,
        "reason_message": rejection_message(item.reason),
        "stem": _text(payload.get("stem")),
        "explanation": _text(payload.get("explanation")),
        "choices": [
            {
                "text": _text(choice.get("text")),
                "is_correct": is_correct,
                "explanation": _text(choice.get("explanation")),
            }
            for choice, is_correct in choices
            if isinstance(choice, dict)
        ],
    }


@moderation_router.get(
    "/rejected-items",
    response={200: RejectedPage, **ERROR_RESPONSES},
    operation_id="moderation_rejected_list",
)
def moderation_rejected_list(request: HttpRequest, query: Query[RejectedQuery]) -> dict[str, Any]:
    """Generated questions the quality gate refused, newest first, with the reason in the
    reader's language: for teachers and admins."""
    if request_user(request).role not in {Role.TEACHER, Role.ADMIN}:
        raise PermissionDenied(_("Only teachers and administrators can moderate questions."))
    total, items = selectors.rejected_items_page(
        language=query.lang, limit=query.limit, offset=query.offset
    )
    return {"count": total, "items": [_rejected_item(item) for item in items]}


@router.get(
    "/availability",
    response={200: AvailabilityOut, **ERROR_RESPONSES},
    operation_id="generation_availability",
)
def generation_availability(request: HttpRequest) -> dict[str, Any]:
    """Whether questions can be generated here (an AI model is configured)."""
    return {"available": selectors.generation_available()}
