"""Question reads shared by practice, quizzes and exams."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from savoir.catalog.selectors import catalog_revision
from savoir.core.errors import NotFound

from .models import Choice, Question, QuestionReport, Source, Status

# Answer keys are kept in process memory: answering is the hot path and even a shared-cache
# round trip per answer shows in its throughput. Any change to a question or its choices
# publishes a new catalog revision (signals.py); each process looks at the revision at most once
# a second and drops every key when it changed. Edits cannot grade anyone wrongly meanwhile: an
# edited question that learners answered becomes a new question id, and an in-place edit gives
# new choice ids, which miss this cache and reload from the database. The TTL is a safety net
# for when the shared cache is unreachable.
_TTL_SECONDS = 60.0
_REVISION_CHECK_SECONDS = 1.0
_MAX_ENTRIES = 5000
_local: dict[int, tuple[float, AnswerKey]] = {}
_revision = {"seen": "", "next_check": 0.0}


def _local_keys_current() -> None:
    now = time.monotonic()
    if now < _revision["next_check"]:  # type: ignore[operator]
        return
    _revision["next_check"] = now + _REVISION_CHECK_SECONDS
    revision = catalog_revision()
    if revision != _revision["seen"]:
        _local.clear()
        _revision["seen"] = revision


@dataclass(frozen=True)
class ChoiceKey:
    id: int
    position: int
    is_correct: bool
    explanation: str


@dataclass(frozen=True)
class AnswerKey:
    """What grading a question needs, kept in each process's memory (see _local above)."""

    question_id: int
    group_id: str
    sub_objective_id: int
    sub_objective_code: str
    topic_id: int | None
    status: str
    explanation: str
    choices: tuple[ChoiceKey, ...]


def answer_key_get(*, question_id: int, choice_id: int | None = None) -> AnswerKey | None:
    """The answer key of a question; `choice_id` forces a reload when the cached key lacks it."""
    _local_keys_current()
    hit = _local.get(question_id)
    if hit is not None and hit[0] > time.monotonic():
        key = hit[1]
        if choice_id is None or any(c.id == choice_id for c in key.choices):
            return key
    choices = list(
        Choice.objects.filter(question_id=question_id)
        .select_related("question__sub_objective")
        .order_by("position")
    )
    if not choices:
        return None
    question = choices[0].question
    key = AnswerKey(
        question_id=question.pk,
        group_id=str(question.group_id),
        sub_objective_id=question.sub_objective_id,
        sub_objective_code=question.sub_objective.code,
        topic_id=question.topic_id,
        status=question.status,
        explanation=question.explanation,
        choices=tuple(ChoiceKey(c.pk, c.position, c.is_correct, c.explanation) for c in choices),
    )
    if len(_local) >= _MAX_ENTRIES:
        _local.clear()
    _local[question_id] = (time.monotonic() + _TTL_SECONDS, key)
    return key


def question_cache_invalidate(question_id: int) -> None:
    """Drop this process's copy (the others follow the catalog revision)."""
    _local.pop(question_id, None)


def answer_key_cache_clear() -> None:
    _local.clear()
    _revision.update(seen="", next_check=0.0)


def moderation_queue(
    *, queue: str, language: str | None, limit: int, offset: int
) -> tuple[int, list[Any]]:
    """Pending AI questions (oldest first), or questions with open reports (most reported first)."""
    questions = Question.objects.all()
    if language:
        questions = questions.filter(language=language)
    if queue == "pending":
        questions = questions.filter(
            status=Status.PENDING_REVIEW, source=Source.GENERATED
        ).order_by("created_at", "pk")
    else:
        questions = (
            questions.annotate(
                open_reports=Count("reports", filter=Q(reports__state=QuestionReport.State.OPEN))
            )
            .filter(open_reports__gt=0)
            .order_by("-open_reports", "pk")
        )
    page = (
        questions.select_related("sub_objective").prefetch_related(
            "choices", Prefetch("reports", queryset=QuestionReport.objects.order_by("-created_at"))
        )
    )[offset : offset + limit]
    return questions.count(), list(page)


def moderation_question_get(*, question_id: int) -> Any:
    question = (
        Question.objects.filter(pk=question_id)
        .select_related("sub_objective")
        .prefetch_related(
            "choices", Prefetch("reports", queryset=QuestionReport.objects.order_by("-created_at"))
        )
        .first()
    )
    if question is None:
        raise NotFound(_("This question does not exist."))
    return question


def moderation_report_get(*, report_id: int) -> Any:
    report = QuestionReport.objects.filter(pk=report_id).first()
    if report is None:
        raise NotFound(_("This report does not exist."))
    return report
