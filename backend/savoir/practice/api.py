from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from savoir.accounts.auth import request_user, session_auth
from savoir.core.ratelimit import rate_limit_hit
from savoir.core.schemas import ERROR_RESPONSES, DbId
from savoir.questions import services as question_services
from savoir.questions.models import QuestionReport

from . import selectors, services
from .schemas import (
    AnswerIn,
    AnswerOut,
    DueOut,
    FlagIn,
    FlagOut,
    LangQuery,
    NextOut,
    QuestionPageOut,
    QuestionsQuery,
    ReportIn,
    ReportOut,
    SessionOpenIn,
    SessionSummaryOut,
    SummaryQuery,
)

practice_router = Router(tags=["practice"], by_alias=True, auth=session_auth)
reviews_router = Router(tags=["reviews"], by_alias=True, auth=session_auth)


@practice_router.post(
    "/sessions", response={200: NextOut, **ERROR_RESPONSES}, operation_id="practice_session_open"
)
def practice_session_open(request: HttpRequest, payload: SessionOpenIn) -> dict[str, Any]:
    """Opens the learner's session on this scope and mode, or resumes the open one (in whatever
    language it was), and gives the question on screen: unanswered ("resumed"), or answered with
    its feedback ("answered") until `advance` asks for the next one in priority.
    A POST: it creates the session and records which question is on screen."""
    user = request_user(request)
    scope = selectors.scope_resolve(
        sub_objective_id=payload.sub_objective_id,
        objective_id=payload.objective_id,
        domain_code=payload.domain_code,
        exam_code=payload.exam_code,
    )
    result = services.practice_next(
        user=user, scope=scope, mode=payload.mode, language=payload.lang, advance=payload.advance
    )
    session = result.session
    return {
        "session": {
            "id": session.pk,
            "mode": session.mode,
            "answered": result.answered,
            "correct": result.correct,
            "target": session.target,
            "size": result.size,
        },
        "question": selectors.question_present(
            question=result.question, choices=result.choices, flagged=result.flagged
        )
        if result.question is not None
        else None,
        "status": result.reason,
        "answer": result.answer,
    }


@practice_router.post(
    "/sessions/{session_id}/finish",
    response={200: SessionSummaryOut, **ERROR_RESPONSES},
    operation_id="practice_session_finish",
)
def practice_session_finish(request: HttpRequest, session_id: uuid.UUID) -> dict[str, Any]:
    user = request_user(request)
    services.session_finish(user=user, session_id=session_id)
    return selectors.session_summary_get(user=user, session_id=session_id)


@practice_router.get(
    "/sessions/{session_id}",
    response={200: SessionSummaryOut, **ERROR_RESPONSES},
    operation_id="practice_session_get",
)
def practice_session_get(
    request: HttpRequest, session_id: uuid.UUID, query: Query[SummaryQuery]
) -> dict[str, Any]:
    return selectors.session_summary_get(
        user=request_user(request), session_id=session_id, language=query.lang
    )


@practice_router.post(
    "/flags",
    response={200: FlagOut, 201: FlagOut, **ERROR_RESPONSES},
    operation_id="practice_flag_add",
)
def practice_flag_add(request: HttpRequest, payload: FlagIn) -> Status[dict[str, Any]]:
    """ "Review later". Adding an existing flag answers 200."""
    created = services.flag_add(user=request_user(request), question_id=payload.question_id)
    return Status(201 if created else 200, {"question_id": payload.question_id, "flagged": True})


@practice_router.delete(
    "/flags/{question_id}",
    response={204: None, **ERROR_RESPONSES},
    operation_id="practice_flag_remove",
)
def practice_flag_remove(request: HttpRequest, question_id: DbId) -> Status[None]:
    services.flag_remove(user=request_user(request), question_id=question_id)
    return Status(204, None)


@practice_router.get(
    "/questions",
    response={200: QuestionPageOut, **ERROR_RESPONSES},
    operation_id="practice_list_questions",
)
def practice_list_questions(request: HttpRequest, query: Query[QuestionsQuery]) -> dict[str, Any]:
    """Questions of a sub-objective as learners see them: shuffled choices, no answers."""
    user = request_user(request)
    total, questions = selectors.question_list_for_learner(
        sub_objective_id=query.sub_objective_id,
        language=query.lang,
        limit=query.limit,
        offset=query.offset,
    )
    return {
        "count": total,
        "items": selectors.questions_present(user=user, questions=questions),
    }


@practice_router.post(
    "/answers", response={200: AnswerOut, **ERROR_RESPONSES}, operation_id="practice_answer"
)
def practice_answer(request: HttpRequest, payload: AnswerIn) -> dict[str, Any]:
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


@practice_router.post(
    "/questions/{question_id}/reports",
    response={201: ReportOut, **ERROR_RESPONSES},
    operation_id="practice_report_question",
)
def practice_report_question(
    request: HttpRequest, question_id: DbId, payload: ReportIn
) -> Status[QuestionReport]:
    user = request_user(request)
    rate_limit_hit("question-report", str(user.pk), limit=20, window=3600)
    report = question_services.report_create(
        user=user, question_id=question_id, reason=payload.reason, comment=payload.comment
    )
    return Status(201, report)


@reviews_router.get("/due", response={200: DueOut, **ERROR_RESPONSES}, operation_id="reviews_due")
def reviews_due(request: HttpRequest, query: Query[LangQuery]) -> dict[str, Any]:
    total, items = selectors.review_due_list(user=request_user(request), language=query.lang)
    return {"count": total, "items": items}
