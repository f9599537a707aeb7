from __future__ import annotations

import uuid
from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Router, Status
from pydantic import Field

from savoir.core.auth import request_user, session_auth
from savoir.core.schemas import CamelSchema, ErrorOut, InputSchema
from savoir.practice.api import present_question
from savoir.practice.schemas import QuestionOut
from savoir.practice.selectors import flagged_groups, shuffled_choices

from . import services
from .models import GenerationRun

router = Router(tags=["generation"], by_alias=True, auth=session_auth)
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut, 503: ErrorOut}


class GenerateIn(InputSchema):
    sub_objective_id: int = Field(ge=1)
    lang: Literal["fr", "en"]
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


class RunOut(CamelSchema):
    id: uuid.UUID
    status: Literal["queued", "running", "succeeded", "partial", "failed"]
    sub_objective_id: int
    language: str
    difficulty: int
    requested: int
    accepted: int
    rejected: int
    from_cache: bool
    error: RunErrorOut | None
    questions: list[QuestionOut]


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


@router.post("/generate", response={202: RunStartedOut, **ERRORS}, operation_id="qcm_generate")
def qcm_generate(request: HttpRequest, payload: GenerateIn):
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


@router.get("/runs/{run_id}", response={200: RunOut, **ERRORS}, operation_id="qcm_run_get")
def qcm_run_get(request: HttpRequest, run_id: uuid.UUID):
    """The run's status and the questions accepted so far (never their answers)."""
    user = request_user(request)
    run: GenerationRun = services.run_for_user(user=user, run_id=run_id)
    flagged = flagged_groups(user=user)
    questions = [
        item.question
        for item in run.items.select_related("question__sub_objective").prefetch_related(
            "question__choices"
        )
    ]
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
        "questions": [
            present_question(
                user, q, shuffled_choices(user, q, list(q.choices.all())), q.group_id in flagged
            )
            for q in questions
        ],
    }
