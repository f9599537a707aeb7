"""Practising: answering (idempotent, one transaction), flags, sessions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.core.errors import NotFound, ValidationFailed
from savoir.questions.models import PRACTICE_STATUSES, Choice, Question, Status
from savoir.questions.selectors import AnswerKey, ChoiceKey, answer_key_get

from .answer_sql import AnswerRequest, answer_record
from .models import Flag, Mode, PracticeSession, ReviewCard, UserAnswer
from .scheduling import retrievability
from .selectors import (
    Scope,
    answer_feedback,
    answer_response,
    questions_in_language,
    shuffled_choices,
    stable_rank,
)

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
    """Record an answer and everything it changes, in one transaction (answer_sql.py).

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
        return answer_response(question, chosen, stored.result)


def _answer_record(*, user: User, data: AnswerInput) -> dict[str, Any]:
    question, chosen = _answer_key(data.question_id, data.choice_id)
    outcome = answer_record(
        AnswerRequest(
            user=user,
            question=question,
            chosen=chosen,
            confidence=data.confidence,
            time_spent_ms=data.time_spent_ms,
            client_answer_id=data.client_answer_id,
            session_id=data.session_id,
        )
    )
    return answer_response(question, chosen, outcome)


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
) -> PracticeSession:
    """The learner's open session on this scope and mode, or a new one. One session whatever
    the language: switching language in the middle carries on with it, in the new language."""
    session = (
        PracticeSession.objects.filter(
            user=user, scope_key=scope_key, mode=mode, finished_at__isnull=True
        )
        .order_by("-started_at")
        .first()
    )
    if session is not None and session.language != language:
        PracticeSession.objects.filter(pk=session.pk).update(language=language)
        session.language = language
    elif session is None:
        session = PracticeSession.objects.create(
            user=user,
            scope_key=scope_key,
            mode=mode,
            language=language,
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
    # question | resumed | answered | session_complete | nothing_left | no_questions
    reason: str = "question"
    answered: int = 0
    correct: int = 0
    size: int = 0  # how many questions this session can really serve: the target or fewer
    answer: dict[str, Any] | None = None  # the feedback, when the question on screen is answered


def practice_next(
    *, user: User, scope: Scope, mode: str, language: str, advance: bool = False
) -> NextResult:
    """The question on screen, or the next one. The one on screen comes back as long as it is
    not answered ("resumed"), and once answered with its feedback ("answered") until the learner
    asks to `advance`; in another language it comes back as its translation. The next one is
    chosen in priority order: due reviews (misconceptions first), then unseen questions, then
    the weakest seen ones; never one already answered in this session."""
    now = timezone.now()
    session = session_open(user=user, scope_key=scope.key, mode=mode, language=language)
    given_in_session = list(
        UserAnswer.objects.filter(user=user, session_id=session.pk)
        .select_related("question", "choice")
        .order_by("answered_at", "pk")
    )
    answered = len(given_in_session)
    correct = sum(1 for a in given_in_session if a.is_correct)
    answers = {a.question.group_id: a for a in given_in_session}  # by translation group
    flagged_groups = set(Flag.objects.filter(user=user).values_list("group_id", flat=True))

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
        if c.group_id in by_group and c.group_id not in answers
    }
    fresh = [g for g in by_group if g not in answers]
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

    def result(
        question: Question | None,
        reason: str,
        *,
        pending: uuid.UUID | None = None,
        answer: dict[str, Any] | None = None,
    ) -> NextResult:
        # What the session can serve: what is answered, plus what is left to answer (the one on
        # screen included even when it no longer matches the mode), up to the target.
        left = len(order) + (1 if pending is not None and pending not in order else 0)
        size = min(session.target, answered + left)
        if question is None:
            session_set_current(session=session, question=None)
            return NextResult(
                session, None, reason=reason, answered=answered, correct=correct, size=size
            )
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
            size,
            answer,
        )

    current = None
    if session.current_question_id is not None:
        current = (
            Question.objects.filter(pk=session.current_question_id)
            .only("pk", "group_id", "language")
            .first()
        )
    if current is not None:
        shown = questions_in_language(questions=[current], language=language)[current.pk]
        given = answers.get(current.group_id)
        if given is None:
            return result(shown, "resumed", pending=current.group_id)
        if not advance:
            return result(shown, "answered", answer=answer_feedback(answer=given, question=shown))
    if answered >= session.target:
        return result(None, "session_complete")
    if not order:
        return result(None, "nothing_left" if candidates else "no_questions")
    question = (
        Question.objects.filter(pk=by_group[order[0]][0])
        .select_related("sub_objective")
        .prefetch_related("choices")
        .get()
    )
    return result(question, "question")
