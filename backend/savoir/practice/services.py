"""Practising: answering (idempotent, one transaction), flags, sessions."""

from __future__ import annotations

import uuid
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.core.errors import NotFound, ValidationFailed
from savoir.core.sql import SqlFragment, aware, db_value, for_update, read_then_write, table
from savoir.progress.models import SubObjectiveMastery
from savoir.progress.services import (
    activity_statements,
    learner_lock,
    mastery_fold,
    mastery_select,
    topic_practice_statement,
)
from savoir.questions.models import PRACTICE_STATUSES, Choice, Question, Status
from savoir.questions.selectors import AnswerKey, ChoiceKey, answer_key_get

from .models import Flag, Mode, PracticeSession, ReviewCard, UserAnswer
from .scheduling import card_from_row, card_review, rating_for, retrievability
from .selectors import Scope, shuffled_choices, stable_rank

# Statuses a learner may answer: what practice serves, plus versions retired while on screen.
ANSWERABLE = (Status.APPROVED, Status.PENDING_REVIEW, Status.RETIRED)
MAX_TIME_SPENT_MS = 3 * 60 * 60 * 1000  # beyond three hours on one question, the clock is wrong


@dataclass(frozen=True)
class AnswerInput:
    question_id: int
    choice_id: int
    time_spent_ms: int
    confidence: str | None
    client_answer_id: uuid.UUID
    session_id: uuid.UUID | None = None


def _local_date(user: User, when: Any) -> Any:
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    return timezone.localtime(when, zone).date()


def _answer_key(question_id: int, choice_id: int) -> tuple[AnswerKey, ChoiceKey]:
    key = answer_key_get(question_id=question_id, choice_id=choice_id)
    if key is None or key.status not in ANSWERABLE:
        raise NotFound(_("This question does not exist."))
    chosen = next((c for c in key.choices if c.id == choice_id), None)
    if chosen is None:
        if Choice.objects.filter(pk=choice_id).exists():
            raise ValidationFailed(
                fields={"choiceId": [_("This choice belongs to another question.")]}
            )
        raise NotFound(_("This choice does not exist."))
    return key, chosen


def answer_submit(*, user: User, data: AnswerInput) -> dict[str, Any]:
    """Record an answer and everything it changes, in one transaction of at most 8 queries.

    `client_answer_id` makes it idempotent: a retry, or the same request arriving twice at once,
    records one answer and gets the first response back."""
    if not 0 <= data.time_spent_ms <= MAX_TIME_SPENT_MS:
        raise ValidationFailed(fields={"timeSpentMs": [_("The time spent is not plausible.")]})
    try:
        return _answer_record(user=user, data=data)
    except IntegrityError:
        stored = UserAnswer.objects.filter(
            user=user, client_answer_id=data.client_answer_id
        ).first()
        if stored is None:
            raise
        if stored.question_id != data.question_id or stored.choice_id != data.choice_id:
            raise ValidationFailed(
                fields={
                    "clientAnswerId": [_("This answer id was already used for another answer.")]
                }
            ) from None
        question, chosen = _answer_key(stored.question_id, stored.choice_id)
        return _answer_response(question, chosen, stored.result)


_CARD_COLUMNS = (
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


def _card_select(user_id: int, group_id: str) -> SqlFragment:
    return (
        f"SELECT id, {', '.join(_CARD_COLUMNS)} FROM {table(ReviewCard)} "  # noqa: S608
        f"WHERE user_id = %s AND group_id = %s{for_update()}",
        [user_id, db_value(ReviewCard, "group", uuid.UUID(group_id))],
    )


def _card_upsert(values: dict[str, Any]) -> SqlFragment:
    columns = ["user_id", "group_id", "sub_objective_id", *_CARD_COLUMNS]
    prepared = {
        **values,
        "group_id": db_value(ReviewCard, "group", values["group_id"]),
        "due_at": db_value(ReviewCard, "due_at", values["due_at"]),
        "last_review_at": db_value(ReviewCard, "last_review_at", values["last_review_at"]),
    }
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in ["sub_objective_id", *_CARD_COLUMNS])
    return (
        f"INSERT INTO {table(ReviewCard)} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT (user_id, group_id) DO UPDATE SET {updates}",
        [prepared[c] for c in columns],
    )


def _answer_record(*, user: User, data: AnswerInput) -> dict[str, Any]:
    """The hot path of the product (bench/answer_throughput.py): the answer key comes from
    memory, then one transaction (the learner's lock, two reads, five writes), which PostgreSQL
    receives in two round trips."""
    question, chosen = _answer_key(data.question_id, data.choice_id)
    now = timezone.now()
    outcome: dict[str, Any] = {}

    lock = learner_lock(user_id=user.pk)
    session_check = (
        [
            (
                f"SELECT id FROM {table(PracticeSession)} WHERE id = %s AND user_id = %s",  # noqa: S608
                [db_value(PracticeSession, "id", data.session_id), user.pk],
            )
        ]
        if data.session_id
        else []
    )

    def decide(rows: list[dict[str, Any] | None]) -> list[SqlFragment]:
        card_row, mastery_row, *session_row = rows[len(lock) :]
        if session_check and session_row[0] is None:
            # Someone else's session, or none: the transaction is rolled back, nothing written.
            raise NotFound(_("This practice session does not exist."))
        outcome.update(_answer_outcome(user, data, question, chosen, now, card_row, mastery_row))
        return outcome.pop("_writes")

    read_then_write(
        [
            *lock,
            _card_select(user.pk, question.group_id),
            mastery_select(user_id=user.pk, sub_objective_id=question.sub_objective_id),
            *session_check,
        ],
        decide,
    )
    return _answer_response(question, chosen, outcome)


def _answer_outcome(
    user: User,
    data: AnswerInput,
    question: AnswerKey,
    chosen: ChoiceKey,
    now: datetime,
    card_row: dict[str, Any] | None,
    mastery_row: dict[str, Any] | None,
) -> dict[str, Any]:
    """The response's outcome part, plus under "_writes" the statements that record it."""
    correct = chosen.is_correct
    if card_row is not None:
        card_row["due_at"], card_row["last_review_at"] = (
            aware(card_row["due_at"]),
            aware(card_row["last_review_at"]),
        )
    card = card_review(
        card_from_row(card_row, now), rating_for(correct=correct, confidence=data.confidence), now
    )
    was_misconception = bool(card_row["misconception"]) if card_row else False
    misconception = (not correct and data.confidence == "high") or (
        was_misconception and not correct
    )
    card_write = _card_upsert(
        {
            "user_id": user.pk,
            "group_id": uuid.UUID(question.group_id),
            "sub_objective_id": question.sub_objective_id,
            "state": card.state.value,
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due_at": card.due,
            "last_review_at": card.last_review,
            "reps": (card_row["reps"] if card_row else 0) + 1,
            "lapses": (card_row["lapses"] if card_row else 0) + (0 if correct else 1),
            "last_correct": correct,
            "misconception": misconception,
        }
    )
    mastery, mastery_write = mastery_fold(
        row=mastery_row,
        user_id=user.pk,
        sub_objective_id=question.sub_objective_id,
        correct=correct,
        answered_at=now,
        earliest_due=(
            f"SELECT MIN(due_at) FROM {table(ReviewCard)} WHERE user_id = %s AND sub_objective_id = %s",  # noqa: S608
            [user.pk, question.sub_objective_id],
        ),
    )
    outcome = {
        "mastery": {
            "sub_objective_id": question.sub_objective_id,
            "sub_objective_code": question.sub_objective_code,
            "score": mastery.score,
            "level": mastery.level,
            "previous_score": mastery.previous_score,
            "previous_level": mastery.previous_level,
        },
        "misconception": misconception,
        "next_review_at": card.due.isoformat(),
        "answered_at": now.isoformat(),
    }
    columns = [
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
    ]
    # The answer row goes last: a duplicate clientAnswerId fails here and undoes the whole batch.
    answer_insert = (
        f"INSERT INTO {table(UserAnswer)} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})",  # noqa: S608
        [
            user.pk,
            question.question_id,
            chosen.id,
            correct,
            data.confidence or "",
            data.time_spent_ms,
            db_value(UserAnswer, "answered_at", now),
            db_value(UserAnswer, "client_answer_id", data.client_answer_id),
            db_value(UserAnswer, "session_id", data.session_id),
            db_value(UserAnswer, "result", outcome),
        ],
    )
    activity = activity_statements(
        user_id=user.pk,
        local_date=_local_date(user, now),
        correct=correct,
        time_spent_ms=data.time_spent_ms,
    )
    writes = [card_write, mastery_write, *activity]
    if question.topic_id is not None:
        writes.append(topic_practice_statement(user_id=user.pk, topic_id=question.topic_id))
    return {**outcome, "_writes": [*writes, answer_insert]}


def _answer_response(
    question: AnswerKey, chosen: ChoiceKey, outcome: dict[str, Any]
) -> dict[str, Any]:
    correct_choice = next(c for c in question.choices if c.is_correct)
    return {
        "question_id": question.question_id,
        "choice_id": chosen.id,
        "is_correct": chosen.is_correct,
        "correct_choice_id": correct_choice.id,
        "explanation": question.explanation,
        "choice_explanations": [
            {"choice_id": c.id, "is_correct": c.is_correct, "explanation": c.explanation}
            for c in question.choices
        ],
        **outcome,
    }


# --- Flags ("review later") -------------------------------------------------------------------------


def _practice_question(question_id: int) -> Question:
    question = (
        Question.objects.filter(pk=question_id, status__in=ANSWERABLE)
        .only("id", "group_id")
        .first()
    )
    if question is None:
        raise NotFound(_("This question does not exist."))
    return question


def flag_add(*, user: User, question_id: int) -> bool:
    """Returns True when the flag is new. Flags follow the question across languages."""
    question = _practice_question(question_id)
    _flag, created = Flag.objects.get_or_create(user=user, group_id=question.group_id)
    return created


def flag_remove(*, user: User, question_id: int) -> None:
    question = _practice_question(question_id)
    Flag.objects.filter(user=user, group_id=question.group_id).delete()


# --- Sessions -------------------------------------------------------------------------------------------


def session_open(
    *,
    user: User,
    scope_key: str,
    mode: str,
    language: str,
    mastery_snapshot: Callable[[], dict[str, Any]],
) -> PracticeSession:
    """The learner's open session on this scope, or a new one remembering mastery at its start."""
    session = (
        PracticeSession.objects.filter(
            user=user, scope_key=scope_key, mode=mode, language=language, finished_at__isnull=True
        )
        .order_by("-started_at")
        .first()
    )
    if session is None:
        session = PracticeSession.objects.create(
            user=user,
            scope_key=scope_key,
            mode=mode,
            language=language,
            mastery_at_start=mastery_snapshot(),
        )
    return session


def session_set_current(*, session: PracticeSession, question: Question | None) -> None:
    PracticeSession.objects.filter(pk=session.pk).update(current_question=question)
    session.current_question = question


def session_finish(*, user: User, session_id: uuid.UUID) -> PracticeSession:
    session = PracticeSession.objects.filter(pk=session_id, user=user).first()
    if session is None:
        raise NotFound(_("This practice session does not exist."))
    if session.finished_at is None:
        session.finished_at = timezone.now()
        session.current_question = None
        session.save(update_fields=["finished_at", "current_question"])
    return session


# --- What comes next ---------------------------------------------------------------------------


@dataclass
class NextResult:
    session: PracticeSession
    question: Question | None
    choices: list[Choice] = field(default_factory=list)
    flagged: bool = False
    reason: str = "question"  # question | resumed | session_complete | nothing_left
    answered: int = 0
    correct: int = 0


def _session_counts(user: User, session: PracticeSession) -> tuple[int, int, set[uuid.UUID]]:
    rows = list(
        UserAnswer.objects.filter(user=user, session_id=session.pk).values_list(
            "question__group_id", "is_correct"
        )
    )
    return len(rows), sum(1 for _g, ok in rows if ok), {g for g, _ok in rows}


def practice_next(*, user: User, scope: Scope, mode: str, language: str) -> NextResult:
    """The next question, in priority order: due reviews (misconceptions first), then unseen
    questions, then the weakest seen ones. Never one already answered in this session."""
    now = timezone.now()
    masteries = SubObjectiveMastery.objects.filter(
        user=user, sub_objective_id__in=scope.sub_objective_ids
    )
    session = session_open(
        user=user,
        scope_key=scope.key,
        mode=mode,
        language=language,
        mastery_snapshot=lambda: {str(m.sub_objective_id): [m.score, m.level] for m in masteries},
    )
    answered, correct, seen_in_session = _session_counts(user, session)
    flagged_groups = set(Flag.objects.filter(user=user).values_list("group_id", flat=True))

    def result(question: Question | None, reason: str) -> NextResult:
        if question is None:
            session_set_current(session=session, question=None)
            return NextResult(session, None, reason=reason, answered=answered, correct=correct)
        choices = shuffled_choices(user, question, list(question.choices.all()))
        if session.current_question_id != question.pk:
            session_set_current(session=session, question=question)
        return NextResult(
            session,
            question,
            choices,
            question.group_id in flagged_groups,
            reason,
            answered,
            correct,
        )

    current = session.current_question_id
    if (
        current is not None
        and not UserAnswer.objects.filter(
            user=user, session_id=session.pk, question_id=current
        ).exists()
    ):
        question = (
            Question.objects.filter(pk=current)
            .select_related("sub_objective")
            .prefetch_related("choices")
            .first()
        )
        if question is not None:
            return result(question, "resumed")
    if answered >= session.target:
        return result(None, "session_complete")

    candidates = list(
        Question.objects.filter(
            sub_objective_id__in=scope.sub_objective_ids,
            language=language,
            status__in=PRACTICE_STATUSES,
        ).values_list("pk", "group_id", "difficulty")
    )
    by_group = {group: (pk, difficulty) for pk, group, difficulty in candidates}
    cards = {
        c.group_id: c
        for c in ReviewCard.objects.filter(user=user, sub_objective_id__in=scope.sub_objective_ids)
        if c.group_id in by_group and c.group_id not in seen_in_session
    }
    fresh = [g for g in by_group if g not in seen_in_session]

    due = sorted(
        (c for c in cards.values() if c.due_at <= now),
        key=lambda c: (not c.misconception, c.due_at),
    )
    unseen = sorted(
        (g for g in fresh if g not in cards), key=lambda g: (by_group[g][1], stable_rank(user, g))
    )
    weakest = sorted(
        (c for c in cards.values() if c.due_at > now),
        key=lambda c: (c.last_correct, retrievability(c, now)),
    )
    if mode == Mode.DUE:
        order = [c.group_id for c in due]
    elif mode == Mode.UNSEEN:
        order = unseen
    elif mode == Mode.MISSED:
        missed = [c for c in cards.values() if not c.last_correct]
        order = [c.group_id for c in sorted(missed, key=lambda c: (not c.misconception, c.due_at))]
    elif mode == Mode.FLAGGED:
        order = sorted(
            (g for g in fresh if g in flagged_groups), key=lambda g: stable_rank(user, g)
        )
    else:
        order = [c.group_id for c in due] + unseen + [c.group_id for c in weakest]
    if not order:
        return result(None, "nothing_left")
    question = (
        Question.objects.filter(pk=by_group[order[0]][0])
        .select_related("sub_objective")
        .prefetch_related("choices")
        .get()
    )
    return result(question, "question")
