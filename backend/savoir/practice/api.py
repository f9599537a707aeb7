from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status
from pydantic import Field

from savoir.accounts.models import User
from savoir.core.auth import request_user, session_auth
from savoir.core.ratelimit import rate_limit_hit
from savoir.core.schemas import DbId, ErrorOut, InputSchema, Offset
from savoir.questions import services as question_services
from savoir.questions.models import Choice, Question

from . import selectors, services
from .models import Mode
from .schemas import (
    AnswerIn,
    AnswerOut,
    DueOut,
    FlagIn,
    FlagOut,
    Lang,
    NextOut,
    QuestionPageOut,
    ReportIn,
    ReportOut,
    SessionSummaryOut,
)

practice_router = Router(tags=["practice"], by_alias=True, auth=session_auth)
qcm_router = Router(tags=["qcm"], by_alias=True, auth=session_auth)
reviews_router = Router(tags=["reviews"], by_alias=True, auth=session_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class NextQuery(InputSchema):
    sub_objective_id: int | None = Field(default=None, ge=1)
    objective_id: int | None = Field(default=None, ge=1)
    domain_code: str | None = Field(default=None, max_length=20)
    exam_code: str = Field(default="SY0-701", max_length=20)
    lang: Lang
    mode: Mode = Mode.MIXED


class QuestionsQuery(InputSchema):
    sub_objective_id: int = Field(ge=1)
    lang: Lang
    limit: int = Field(default=20, ge=1, le=100)
    offset: Offset = 0


class LangQuery(InputSchema):
    lang: Lang


def present_question(
    user: User, question: Question, choices: list[Choice], flagged: bool
) -> dict[str, Any]:
    return {
        "id": question.pk,
        "group_id": question.group_id,
        "sub_objective_id": question.sub_objective_id,
        "sub_objective_code": question.sub_objective.code,
        "language": question.language,
        "stem": question.stem,
        "difficulty": question.difficulty,
        "source": question.source,
        "ai_unreviewed": selectors.is_ai_unreviewed(question),
        "flagged": flagged,
        "choices": [{"id": c.pk, "text": c.text} for c in choices],
    }


@practice_router.get("/next", response={200: NextOut, **ERRORS}, operation_id="practice_next")
def practice_next(request: HttpRequest, query: Query[NextQuery]):
    """The next question of the learner's session on this scope (resumes an interrupted one)."""
    user = request_user(request)
    scope = selectors.scope_resolve(
        sub_objective_id=query.sub_objective_id,
        objective_id=query.objective_id,
        domain_code=query.domain_code,
        exam_code=query.exam_code,
    )
    result = services.practice_next(user=user, scope=scope, mode=query.mode, language=query.lang)
    session = result.session
    return {
        "session": {
            "id": session.pk,
            "mode": session.mode,
            "answered": result.answered,
            "correct": result.correct,
            "target": session.target,
        },
        "question": present_question(user, result.question, result.choices, result.flagged)
        if result.question is not None
        else None,
        "status": result.reason,
    }


@practice_router.post(
    "/sessions/{session_id}/finish",
    response={200: SessionSummaryOut, **ERRORS},
    operation_id="practice_session_finish",
)
def practice_session_finish(request: HttpRequest, session_id: uuid.UUID):
    user = request_user(request)
    services.session_finish(user=user, session_id=session_id)
    return selectors.session_summary(user=user, session_id=session_id)


@practice_router.get(
    "/sessions/{session_id}",
    response={200: SessionSummaryOut, **ERRORS},
    operation_id="practice_session_get",
)
def practice_session_get(request: HttpRequest, session_id: uuid.UUID):
    return selectors.session_summary(user=request_user(request), session_id=session_id)


@practice_router.post(
    "/flags", response={200: FlagOut, 201: FlagOut, **ERRORS}, operation_id="practice_flag_add"
)
def practice_flag_add(request: HttpRequest, payload: FlagIn):
    """ "Review later". Adding an existing flag answers 200."""
    created = services.flag_add(user=request_user(request), question_id=payload.question_id)
    return Status(201 if created else 200, {"question_id": payload.question_id, "flagged": True})


@practice_router.delete(
    "/flags/{question_id}", response={204: None, **ERRORS}, operation_id="practice_flag_remove"
)
def practice_flag_remove(request: HttpRequest, question_id: DbId):
    services.flag_remove(user=request_user(request), question_id=question_id)
    return Status(204, None)


@qcm_router.get(
    "/questions", response={200: QuestionPageOut, **ERRORS}, operation_id="qcm_list_questions"
)
def qcm_list_questions(request: HttpRequest, query: Query[QuestionsQuery]):
    """Questions of a sub-objective as learners see them: shuffled choices, no answers."""
    user = request_user(request)
    total, questions = selectors.questions_for_learner(
        sub_objective_id=query.sub_objective_id,
        language=query.lang,
        limit=query.limit,
        offset=query.offset,
    )
    flagged = selectors.flagged_groups(user=user)
    return {
        "count": total,
        "items": [
            present_question(
                user,
                q,
                selectors.shuffled_choices(user, q, list(q.choices.all())),
                q.group_id in flagged,
            )
            for q in questions
        ],
    }


@qcm_router.post("/answer", response={200: AnswerOut, **ERRORS}, operation_id="qcm_answer")
def qcm_answer(request: HttpRequest, payload: AnswerIn):
    """Idempotent on clientAnswerId: a retry returns the first result and records nothing new."""
    return services.answer_submit(
        user=request_user(request),
        data=services.AnswerInput(
            question_id=payload.question_id,
            choice_id=payload.choice_id,
            time_spent_ms=payload.time_spent_ms,
            confidence=payload.confidence,
            client_answer_id=payload.client_answer_id,
            session_id=payload.session_id,
        ),
    )


@qcm_router.post(
    "/questions/{question_id}/reports",
    response={201: ReportOut, **ERRORS},
    operation_id="qcm_report_question",
)
def qcm_report_question(request: HttpRequest, question_id: DbId, payload: ReportIn):
    user = request_user(request)
    rate_limit_hit("question-report", str(user.pk), limit=20, window=3600)
    report = question_services.report_create(
        user=user, question_id=question_id, reason=payload.reason, comment=payload.comment
    )
    return Status(201, report)


@reviews_router.get("/due", response={200: DueOut, **ERRORS}, operation_id="reviews_due")
def reviews_due(request: HttpRequest, query: Query[LangQuery]):
    total, items = selectors.reviews_due(user=request_user(request), language=query.lang)
    return {"count": total, "items": items}
