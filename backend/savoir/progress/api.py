from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router
from pydantic import Field

from savoir.core.auth import request_user, session_auth
from savoir.core.schemas import CamelSchema, ErrorOut

from . import selectors

router = Router(tags=["progress"], by_alias=True, auth=session_auth)


class MasteryQuery(CamelSchema):
    exam_code: str = Field(default="SY0-701", max_length=20)


class MasteryOut(CamelSchema):
    sub_objective_id: int
    sub_objective_code: str
    score: int
    level: Literal["not_started", "attempted", "familiar", "proficient", "mastered"]
    answered: int
    correct: int
    last_activity_at: datetime | None
    review_due_at: datetime | None


@router.get(
    "/mastery",
    response={200: list[MasteryOut], 401: ErrorOut, 422: ErrorOut},
    operation_id="progress_mastery",
)
def progress_mastery(request: HttpRequest, query: Query[MasteryQuery]):
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
