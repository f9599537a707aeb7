"""Practising: answering (idempotent, one transaction), flags, sessions."""

from __future__ import annotations

import uuid
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Min, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.core.errors import NotFound, ValidationFailed
from savoir.progress.models import SubObjectiveMastery
from savoir.progress.services import activity_record_answer, mastery_record_answer
from savoir.questions.models import PRACTICE_STATUSES, Choice, Question, Status

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


def _load_question(question_id: int, choice_id: int) -> tuple[Question, list[Choice], Choice]:
    # One query: every choice of the question, with the question and its sub-objective joined.
    choices = list(
        Choice.objects.filter(question_id=question_id, question__status__in=ANSWERABLE)
        .select_related("question__sub_objective")
        .order_by("position")
    )
    if not choices:
        raise NotFound(_("This question does not exist."))
    chosen = next((c for c in choices if c.pk == choice_id), None)
    if chosen is None:
        if Choice.objects.filter(pk=choice_id).exists():
            raise ValidationFailed(
                fields={"choiceId": [_("This choice belongs to another question.")]}
            )
        raise NotFound(_("This choice does not exist."))
    return choices[0].question, choices, chosen


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
        return stored.result


@transaction.atomic
def _answer_record(*, user: User, data: AnswerInput) -> dict[str, Any]:
    question, choices, chosen = _load_question(data.question_id, data.choice_id)
    now = timezone.now()
    correct = chosen.is_correct
    card_row = (
        ReviewCard.objects.select_for_update().filter(user=user, group_id=question.group_id).first()
    )
    card = card_review(
        card_from_row(card_row, now), rating_for(correct=correct, confidence=data.confidence), now
    )
    was_misconception = card_row.misconception if card_row else False
    misconception = (not correct and data.confidence == "high") or (
        was_misconception and not correct
    )
    ReviewCard.objects.bulk_create(
        [
            ReviewCard(
                user=user,
                group_id=question.group_id,
                sub_objective_id=question.sub_objective_id,
                state=card.state.value,
                step=card.step,
                stability=card.stability,
                difficulty=card.difficulty,
                due_at=card.due,
                last_review_at=card.last_review,
                reps=(card_row.reps if card_row else 0) + 1,
                lapses=(card_row.lapses if card_row else 0) + (0 if correct else 1),
                last_correct=correct,
                misconception=misconception,
            )
        ],
        update_conflicts=True,
        unique_fields=["user", "group"],
        update_fields=[
            "sub_objective",
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
        ],
    )
    earliest_due = Subquery(
        ReviewCard.objects.filter(user=user, sub_objective_id=question.sub_objective_id)
        .values("sub_objective_id")
        .annotate(earliest=Min("due_at"))
        .values("earliest")[:1]
    )
    mastery = mastery_record_answer(
        user_id=user.pk,
        sub_objective_id=question.sub_objective_id,
        correct=correct,
        answered_at=now,
        review_due_at=earliest_due,
        only_card_due_at=card.due,
    )
    activity_record_answer(
        user_id=user.pk,
        local_date=_local_date(user, now),
        correct=correct,
        time_spent_ms=data.time_spent_ms,
    )
    correct_choice = next(c for c in choices if c.is_correct)
    result = {
        "question_id": question.pk,
        "choice_id": chosen.pk,
        "is_correct": correct,
        "correct_choice_id": correct_choice.pk,
        "explanation": question.explanation,
        "choice_explanations": [
            {"choice_id": c.pk, "is_correct": c.is_correct, "explanation": c.explanation}
            for c in choices
        ],
        "mastery": {
            "sub_objective_id": question.sub_objective_id,
            "sub_objective_code": question.sub_objective.code,
            "score": mastery.score,
            "level": mastery.level,
            "previous_score": mastery.previous_score,
            "previous_level": mastery.previous_level,
        },
        "misconception": misconception,
        "next_review_at": card.due.isoformat(),
        "answered_at": now.isoformat(),
    }
    UserAnswer.objects.create(
        user=user,
        question=question,
        choice=chosen,
        is_correct=correct,
        confidence=data.confidence or "",
        time_spent_ms=data.time_spent_ms,
        answered_at=now,
        client_answer_id=data.client_answer_id,
        session_id=data.session_id,
        result=result,
    )
    return result


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
