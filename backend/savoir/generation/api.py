from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Router, Status

from savoir.accounts.auth import request_user, session_auth
from savoir.core.schemas import ERROR_RESPONSES
from savoir.practice.selectors import questions_present

from . import selectors, services
from .schemas import (
    AvailabilityOut,
    GenerateIn,
    RunOut,
    RunStartedOut,
)

router = Router(tags=["generation"], by_alias=True, auth=session_auth)


def _error_message(code: str, *, kept: int) -> str:
    # Learners never see model-side details; a 401 from the model server is a configuration
    # problem for admins (the run keeps error_detail for them).
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


@router.get(
    "/runs/{run_id}", response={200: RunOut, **ERROR_RESPONSES}, operation_id="generation_run_get"
)
def generation_run_get(request: HttpRequest, run_id: uuid.UUID) -> dict[str, Any]:
    """The run's status and the questions accepted so far (never their answers)."""
    user = request_user(request)
    run = services.run_settle(run=selectors.run_get_for_user(user=user, run_id=run_id))
    questions = selectors.run_questions(run=run)
    return {
        "id": run.pk,
        "status": run.status,
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
        "questions": questions_present(user=user, questions=questions),
    }


@router.get(
    "/availability",
    response={200: AvailabilityOut, **ERROR_RESPONSES},
    operation_id="generation_availability",
)
def generation_availability(request: HttpRequest) -> dict[str, Any]:
    """Whether questions can be generated here (an AI model is configured)."""
    return {"available": selectors.generation_available()}
