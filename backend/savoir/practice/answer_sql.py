"""The answer's hot path (bench/answer_throughput.py): one transaction, its statements named here.

Order of the transaction, the same for every answer, so that concurrent answers of one learner
neither deadlock nor lose an update:

1. reads, in one round trip with BEGIN on PostgreSQL: the learner's lock (their user row, FOR NO
   KEY UPDATE), the review card of the question's translation group (FOR UPDATE), the reads of
   every registered roll-up (progress: the mastery row), the session's owner when one is given;
2. writes, in one round trip with COMMIT: the card upsert, every roll-up's writes, then the
   answer row last (a duplicate clientAnswerId fails there and undoes the whole batch).

Other apps add their part through `answer_rollup_register` (progress does, from its
AppConfig.ready()), so practice never imports them: a roll-up reads with the same round trip and
returns its part of the response and its writes as an `AnswerOutcome`.

The `on_commit` trap: outside tests this transaction is sent as raw BEGIN/COMMIT
(core/sql.read_then_write), not through transaction.atomic(), so Django does not know a
transaction is open: `transaction.on_commit` callbacks registered inside `decide` would run at
once, before COMMIT. Do nothing but build statements inside `decide`; enqueue work after
`answer_record` returns. (Inside a test's wrapping transaction the atomic() fallback runs, where
on_commit would wait: tests on PostgreSQL that use `django_db(transaction=True)` exercise the
real path.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.accounts.selectors import user_local_date
from savoir.core.errors import NotFound
from savoir.core.sql import SqlFragment, aware, db_value, for_update, read_then_write, table
from savoir.questions.selectors import AnswerKey, ChoiceKey

from .models import PracticeSession, ReviewCard, UserAnswer
from .scheduling import card_from_row, card_review, rating_for


@dataclass(frozen=True)
class AnswerFacts:
    """What every part of an answer may use: plain values, never another app's models."""

    user_id: int
    sub_objective_id: int
    sub_objective_code: str
    topic_id: int | None
    correct: bool
    time_spent_ms: int
    answered_at: datetime
    local_date: date  # in the learner's time zone
    # The earliest due card of the sub-objective, evaluated inside a write (after the card's).
    earliest_due: SqlFragment


@dataclass(frozen=True)
class AnswerOutcome:
    response: dict[str, Any]
    writes: list[SqlFragment]


class AnswerRollup(Protocol):
    """Another app's part of every answer, inside its transaction."""

    def reads(self, facts: AnswerFacts) -> list[SqlFragment]: ...

    def fold(self, facts: AnswerFacts, rows: list[dict[str, Any] | None]) -> AnswerOutcome: ...


_rollups: list[AnswerRollup] = []


def answer_rollup_register(rollup: AnswerRollup) -> None:
    _rollups.append(rollup)


# --- Named statements ------------------------------------------------------------------------

CARD_COLUMNS = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due_at",
    "last_review_at",
    "reps",
    "lapses",
    "last_correct",
    "misconception",
)
ANSWER_COLUMNS = (
    "user_id",
    "question_id",
    "choice_id",
    "is_correct",
    "confidence",
    "time_spent_ms",
    "answered_at",
    "client_answer_id",
    "session_id",
    "result",
)


def learner_lock(*, user_id: int) -> list[SqlFragment]:
    """The learner's user row, locked first by every answer. SQLite needs nothing: its
    transactions here are IMMEDIATE, so the database serializes writers itself. FOR NO KEY
    UPDATE does not block the foreign-key checks of the rows the answer inserts."""
    if not connection.features.has_select_for_update:
        return []
    return [
        (
            f"SELECT id FROM {table(User)} WHERE id = %s FOR NO KEY UPDATE",  # noqa: S608
            [user_id],
        )
    ]


def card_select(*, user_id: int, group_id: str) -> SqlFragment:
    return (
        f"SELECT id, {', '.join(CARD_COLUMNS)} FROM {table(ReviewCard)} "  # noqa: S608
        f"WHERE user_id = %s AND group_id = %s{for_update()}",
        [user_id, db_value(ReviewCard, "group", uuid.UUID(group_id))],
    )


def card_upsert(values: dict[str, Any]) -> SqlFragment:
    columns = ["user_id", "group_id", "sub_objective_id", *CARD_COLUMNS]
    prepared = {
        **values,
        "group_id": db_value(ReviewCard, "group", values["group_id"]),
        "due_at": db_value(ReviewCard, "due_at", values["due_at"]),
        "last_review_at": db_value(ReviewCard, "last_review_at", values["last_review_at"]),
    }
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in ["sub_objective_id", *CARD_COLUMNS])
    return (
        f"INSERT INTO {table(ReviewCard)} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT (user_id, group_id) DO UPDATE SET {updates}",
        [prepared[c] for c in columns],
    )


def earliest_due(*, user_id: int, sub_objective_id: int) -> SqlFragment:
    return (
        f"SELECT MIN(due_at) FROM {table(ReviewCard)} WHERE user_id = %s AND sub_objective_id = %s",  # noqa: S608
        [user_id, sub_objective_id],
    )


def session_owned(*, user_id: int, session_id: uuid.UUID) -> SqlFragment:
    return (
        f"SELECT id FROM {table(PracticeSession)} WHERE id = %s AND user_id = %s",  # noqa: S608
        [db_value(PracticeSession, "id", session_id), user_id],
    )


def answer_insert(values: dict[str, Any]) -> SqlFragment:
    return (
        f"INSERT INTO {table(UserAnswer)} ({', '.join(ANSWER_COLUMNS)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(ANSWER_COLUMNS))})",
        [db_value(UserAnswer, column, values[column]) for column in ANSWER_COLUMNS],
    )


# --- The transaction ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerRequest:
    user: User
    question: AnswerKey
    chosen: ChoiceKey
    confidence: str | None
    time_spent_ms: int
    client_answer_id: uuid.UUID
    session_id: uuid.UUID | None


def answer_record(request: AnswerRequest) -> dict[str, Any]:
    """Record one answer and everything it changes; returns the outcome part of the response
    (what the card and the roll-ups computed), which is also stored with the answer for replays."""
    user, question, chosen = request.user, request.question, request.chosen
    now = timezone.now()
    facts = AnswerFacts(
        user_id=user.pk,
        sub_objective_id=question.sub_objective_id,
        sub_objective_code=question.sub_objective_code,
        topic_id=question.topic_id,
        correct=chosen.is_correct,
        time_spent_ms=request.time_spent_ms,
        answered_at=now,
        local_date=user_local_date(user, now),
        earliest_due=earliest_due(user_id=user.pk, sub_objective_id=question.sub_objective_id),
    )
    lock = learner_lock(user_id=user.pk)
    rollup_reads = [rollup.reads(facts) for rollup in _rollups]
    session_check = (
        [session_owned(user_id=user.pk, session_id=request.session_id)]
        if request.session_id
        else []
    )
    outcome: dict[str, Any] = {}

    def decide(rows: list[dict[str, Any] | None]) -> list[SqlFragment]:
        rows = rows[len(lock) :]
        card_row, rows = rows[0], rows[1:]
        if session_check and rows[-1] is None:
            # Someone else's session, or none: the transaction is rolled back, nothing written.
            raise NotFound(_("This practice session does not exist."))
        card = _card_outcome(request, facts, card_row)
        writes = list(card.writes)
        outcome.update(card.response)
        for rollup, reads in zip(_rollups, rollup_reads, strict=True):
            part = rollup.fold(facts, rows[: len(reads)])
            rows = rows[len(reads) :]
            outcome.update(part.response)
            writes.extend(part.writes)
        outcome["answered_at"] = now.isoformat()
        writes.append(
            answer_insert(
                {
                    "user_id": user.pk,
                    "question_id": question.question_id,
                    "choice_id": chosen.id,
                    "is_correct": chosen.is_correct,
                    "confidence": request.confidence or "",
                    "time_spent_ms": request.time_spent_ms,
                    "answered_at": now,
                    "client_answer_id": request.client_answer_id,
                    "session_id": request.session_id,
                    "result": outcome,
                }
            )
        )
        return writes

    read_then_write(
        [
            *lock,
            card_select(user_id=user.pk, group_id=question.group_id),
            *(statement for reads in rollup_reads for statement in reads),
            *session_check,
        ],
        decide,
    )
    return outcome


def _card_outcome(
    request: AnswerRequest, facts: AnswerFacts, row: dict[str, Any] | None
) -> AnswerOutcome:
    """FSRS on the translation group's card; a confident wrong answer marks a misconception,
    which lasts until the learner answers right."""
    correct = facts.correct
    if row is not None:
        row["due_at"], row["last_review_at"] = aware(row["due_at"]), aware(row["last_review_at"])
    card = card_review(
        card_from_row(row, facts.answered_at),
        rating_for(correct=correct, confidence=request.confidence),
        facts.answered_at,
    )
    was_misconception = bool(row["misconception"]) if row else False
    misconception = (not correct and request.confidence == "high") or (
        was_misconception and not correct
    )
    write = card_upsert(
        {
            "user_id": facts.user_id,
            "group_id": uuid.UUID(request.question.group_id),
            "sub_objective_id": facts.sub_objective_id,
            "state": card.state.value,
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due_at": card.due,
            "last_review_at": card.last_review,
            "reps": (row["reps"] if row else 0) + 1,
            "lapses": (row["lapses"] if row else 0) + (0 if correct else 1),
            "last_correct": correct,
            "misconception": misconception,
        }
    )
    return AnswerOutcome(
        response={"misconception": misconception, "next_review_at": card.due.isoformat()},
        writes=[write],
    )
