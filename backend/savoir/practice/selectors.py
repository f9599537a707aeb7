"""Practice reads: which question comes next, what learners may see of it, reviews, summaries."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.catalog.models import Domain, Objective, SubObjective
from savoir.core.errors import NotFound
from savoir.core.text import code_sort_key
from savoir.questions.models import PRACTICE_STATUSES, Choice, Question, Source, Status
from savoir.questions.selectors import AnswerKey, ChoiceKey, answer_key_get

from .models import Flag, PracticeSession, ReviewCard, UserAnswer


@dataclass(frozen=True)
class Scope:
    key: str
    sub_objective_ids: QuerySet[SubObjective, Any]
    label: str


def scope_resolve(
    *,
    sub_objective_id: int | None,
    objective_id: int | None,
    domain_code: str | None,
    exam_code: str,
) -> Scope:
    """What a session covers: one sub-objective, an objective, a domain or the whole exam."""
    active = SubObjective.objects.filter(retired_at__isnull=True)
    # An id names its exam already; a domain code needs the exam code.
    if sub_objective_id is not None:
        if not active.filter(pk=sub_objective_id).exists():
            raise NotFound(_("Unknown sub-objective."))
        return Scope(
            f"sub:{sub_objective_id}", active.filter(pk=sub_objective_id).values("pk"), "sub"
        )
    if objective_id is not None:
        if not Objective.objects.filter(pk=objective_id, retired_at__isnull=True).exists():
            raise NotFound(_("Unknown objective."))
        return Scope(
            f"obj:{objective_id}", active.filter(objective_id=objective_id).values("pk"), "obj"
        )
    subs = active.filter(exam__code=exam_code)
    if domain_code is not None:
        if not Domain.objects.filter(
            code=domain_code, exam__code=exam_code, retired_at__isnull=True
        ).exists():
            raise NotFound(_("Unknown domain %(code)s.") % {"code": domain_code})
        return Scope(
            f"dom:{exam_code}/{domain_code}",
            subs.filter(objective__domain__code=domain_code).values("pk"),
            "dom",
        )
    if not subs.exists():
        raise NotFound(_("Unknown exam %(code)s.") % {"code": exam_code})
    return Scope(f"exam:{exam_code}", subs.values("pk"), "exam")


def shuffled_choices(user: User, question: Question, choices: list[Choice]) -> list[Choice]:
    """A server-side shuffle, stable for a learner and question (a reload shows the same order),
    different between learners; over the bank the correct position is uniform."""

    def key(choice: Choice) -> str:
        return hashlib.sha256(
            f"{user.pk}:{question.group_id}:{choice.position}".encode()
        ).hexdigest()

    return sorted(choices, key=key)


def stable_rank(user: User, group_id: uuid.UUID) -> str:
    return hashlib.sha256(f"{user.pk}:order:{group_id}".encode()).hexdigest()


def question_list_for_learner(
    *, sub_objective_id: int, language: str, limit: int, offset: int
) -> tuple[int, list[Question]]:
    if not SubObjective.objects.filter(pk=sub_objective_id, retired_at__isnull=True).exists():
        raise NotFound(_("Unknown sub-objective."))
    questions = Question.objects.filter(
        sub_objective_id=sub_objective_id, language=language, status__in=PRACTICE_STATUSES
    ).order_by("pk")
    return questions.count(), list(
        questions.select_related("sub_objective").prefetch_related("choices")[
            offset : offset + limit
        ]
    )


def flagged_groups(*, user: User) -> set[uuid.UUID]:
    return set(Flag.objects.filter(user=user).values_list("group_id", flat=True))


def review_due_list(
    *, user: User, language: str, limit: int = 100
) -> tuple[int, list[dict[str, Any]]]:
    """Due cards, misconceptions first, with the question to show in the learner's language."""
    now = timezone.now()
    due = ReviewCard.objects.filter(user=user, due_at__lte=now).select_related("sub_objective")
    total = due.count()
    cards = list(due.order_by("-misconception", "due_at")[:limit])
    latest = {
        q.group_id: q.pk
        for q in Question.objects.filter(
            group_id__in=[c.group_id for c in cards],
            language=language,
            status__in=PRACTICE_STATUSES,
        ).only("pk", "group_id")
    }
    items = [
        {
            "question_id": latest.get(c.group_id),
            "sub_objective_id": c.sub_objective_id,
            "sub_objective_code": c.sub_objective.code,
            "due_at": c.due_at,
            "misconception": c.misconception,
            "lapses": c.lapses,
        }
        for c in cards
    ]
    return total, items


def session_summary_get(
    *, user: User, session_id: uuid.UUID, language: str | None = None
) -> dict[str, Any]:
    """Score, time, mastery changes and every question answered, in `language` (the session's
    by default) through each question's translation group."""
    session = PracticeSession.objects.filter(pk=session_id, user=user).first()
    if session is None:
        raise NotFound(_("This practice session does not exist."))
    answers = UserAnswer.objects.filter(user=user, session_id=session.pk)
    totals = answers.aggregate(
        answered=Count("pk"),
        correct=Count("pk", filter=Q(is_correct=True)),
        time=Sum("time_spent_ms"),
    )
    # Mastery before and after, per sub-objective, from what the session's answers recorded:
    # the first answer's previous mastery and the last answer's new one.
    changes: dict[int, dict[str, Any]] = {}
    for result in answers.order_by("answered_at", "pk").values_list("result", flat=True):
        mastery = result["mastery"]
        change = changes.setdefault(
            mastery["sub_objective_id"],
            {
                "sub_objective_id": mastery["sub_objective_id"],
                "sub_objective_code": mastery["sub_objective_code"],
                "score_before": mastery["previous_score"],
                "level_before": mastery["previous_level"],
            },
        )
        change.update(score_after=mastery["score"], level_after=mastery["level"])
    return {
        "id": session.pk,
        "mode": session.mode,
        "language": session.language,
        "target": session.target,
        "started_at": session.started_at,
        "finished_at": session.finished_at,
        "answered": totals["answered"],
        "correct": totals["correct"],
        "time_spent_ms": totals["time"] or 0,
        "mastery_changes": sorted(
            changes.values(), key=lambda c: code_sort_key(c["sub_objective_code"])
        ),
        "questions": _session_questions(
            user=user,
            answers=list(answers.select_related("choice").order_by("answered_at", "pk")),
            language=language or session.language,
        ),
    }


def _session_questions(
    *, user: User, answers: list[UserAnswer], language: str
) -> list[dict[str, Any]]:
    """Each answered question with the learner's answer, the right one and every explanation,
    by sub-objective code in natural order (2.2.6 before 2.2.10), then in the order answered."""
    answered = {
        q.pk: q
        for q in Question.objects.filter(pk__in=[a.question_id for a in answers]).only(
            "pk", "group_id", "language"
        )
    }
    shown = questions_in_language(questions=list(answered.values()), language=language)
    items = []
    for answer in answers:
        question = shown[answer.question_id]
        feedback = answer_feedback(answer=answer, question=question)
        items.append(
            {
                "question_id": question.pk,
                "sub_objective_id": question.sub_objective_id,
                "sub_objective_code": question.sub_objective.code,
                "language": question.language,
                "stem": question.stem,
                "choices": [
                    {"id": c.pk, "text": c.text}
                    for c in shuffled_choices(user, question, list(question.choices.all()))
                ],
                "confidence": answer.confidence or None,
                "answered_at": answer.answered_at,
                **{
                    k: feedback[k]
                    for k in (
                        "choice_id",
                        "is_correct",
                        "correct_choice_id",
                        "explanation",
                        "choice_explanations",
                    )
                },
            }
        )
    return sorted(items, key=lambda item: code_sort_key(item["sub_objective_code"]))


def questions_in_language(*, questions: list[Question], language: str) -> dict[int, Question]:
    """For each question (by id), the same question in `language`: its translation group's
    version in that language when one can be practised and its choices line up with the
    original's (same positions, same right one), else the question itself. Choices and the
    sub-objective come loaded."""
    wanted = [q for q in questions if q.language != language]
    translations: dict[uuid.UUID, Question] = {}
    for candidate in (
        Question.objects.filter(
            group_id__in=[q.group_id for q in wanted],
            language=language,
            status__in=PRACTICE_STATUSES,
        )
        .select_related("sub_objective")
        .prefetch_related("choices")
        .order_by("version", "pk")
    ):
        translations[candidate.group_id] = candidate  # the latest version wins
    originals = {
        q.pk: q
        for q in Question.objects.filter(pk__in=[q.pk for q in questions])
        .select_related("sub_objective")
        .prefetch_related("choices")
    }
    shown: dict[int, Question] = {}
    for question in questions:
        original = originals[question.pk]
        translation = translations.get(question.group_id)
        aligned = translation is not None and _choice_layout(translation) == _choice_layout(
            original
        )
        shown[question.pk] = translation if aligned and translation is not None else original
    return shown


def _choice_layout(question: Question) -> list[tuple[int, bool]]:
    return sorted((c.position, c.is_correct) for c in question.choices.all())


def answer_response(key: AnswerKey, chosen: ChoiceKey, outcome: dict[str, Any]) -> dict[str, Any]:
    """The feedback on an answer (AnswerOut): every choice explained, and what the recorded
    answer changed (`outcome`, kept with the answer so that it can be told again)."""
    correct_choice = next(c for c in key.choices if c.is_correct)
    return {
        "question_id": key.question_id,
        "choice_id": chosen.id,
        "is_correct": chosen.is_correct,
        "correct_choice_id": correct_choice.id,
        "explanation": key.explanation,
        "choice_explanations": [
            {"choice_id": c.id, "is_correct": c.is_correct, "explanation": c.explanation}
            for c in key.choices
        ],
        **outcome,
    }


def answer_feedback(*, answer: UserAnswer, question: Question) -> dict[str, Any]:
    """The feedback on a recorded answer, told on `question`: the answered question itself or
    its translation (from questions_in_language), the chosen choice found by its position.
    The answer comes with its choice loaded (select_related("choice"))."""
    if question.pk == answer.question_id:
        chosen_id = answer.choice_id
    else:  # choices line up by position across translations (questions_in_language checks it)
        chosen_id = next(
            c.pk for c in question.choices.all() if c.position == answer.choice.position
        )
    key = answer_key_get(question_id=question.pk, choice_id=chosen_id)
    if key is None:
        raise NotFound(_("This question does not exist."))
    chosen = next(c for c in key.choices if c.id == chosen_id)
    return answer_response(key, chosen, answer.result)


def is_ai_unreviewed(question: Question) -> bool:
    return question.source == Source.GENERATED and question.status == Status.PENDING_REVIEW


def question_present(*, question: Question, choices: list[Choice], flagged: bool) -> dict[str, Any]:
    """A question as learners see it: choices in their order, never which one is right."""
    return {
        "id": question.pk,
        "group_id": question.group_id,
        "sub_objective_id": question.sub_objective_id,
        "sub_objective_code": question.sub_objective.code,
        "language": question.language,
        "stem": question.stem,
        "difficulty": question.difficulty,
        "source": question.source,
        "ai_unreviewed": is_ai_unreviewed(question),
        "flagged": flagged,
        "choices": [{"id": c.pk, "text": c.text} for c in choices],
    }


def questions_present(*, user: User, questions: list[Question]) -> list[dict[str, Any]]:
    """Questions (with their sub-objective and choices prefetched) as `user` sees them."""
    flagged = flagged_groups(user=user)
    return [
        question_present(
            question=q,
            choices=shuffled_choices(user, q, list(q.choices.all())),
            flagged=q.group_id in flagged,
        )
        for q in questions
    ]
