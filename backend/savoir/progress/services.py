"""Roll-ups written with each answer, inside the answer's transaction (docs/learning-model.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection, models
from django.db.models import Subquery

from .models import DailyActivity, LearnerStats, MasteryLevel, SubObjectiveMastery

DECAY = 0.8  # weight of an answer relative to the next one
FULL_EVIDENCE_ANSWERS = 5  # below this many answers, the score is scaled down


@dataclass(frozen=True)
class MasteryChange:
    sub_objective_id: int
    previous_score: int
    previous_level: str
    score: int
    level: str
    answered: int


def mastery_score(weighted_correct: float, weighted_total: float, answered: int) -> int:
    if answered == 0 or weighted_total == 0:
        return 0
    evidence = min(1.0, answered / FULL_EVIDENCE_ANSWERS)
    return round(100 * weighted_correct / weighted_total * evidence)


def mastery_level(score: int, answered: int) -> str:
    if answered == 0:
        return MasteryLevel.NOT_STARTED
    if score >= 90 and answered >= 8:
        return MasteryLevel.MASTERED
    if score >= 75 and answered >= 5:
        return MasteryLevel.PROFICIENT
    if score >= 50 and answered >= 3:
        return MasteryLevel.FAMILIAR
    return MasteryLevel.ATTEMPTED


def mastery_record_answer(
    *,
    user_id: int,
    sub_objective_id: int,
    correct: bool,
    answered_at: datetime,
    review_due_at: Subquery,
    only_card_due_at: datetime,
) -> MasteryChange:
    """Fold one answer into the learner's mastery of a sub-objective (2 queries).
    `review_due_at` is a subquery for the earliest due card, computed in the same UPDATE; a
    first answer in the sub-objective has exactly one card, due at `only_card_due_at`."""
    row = (
        SubObjectiveMastery.objects.select_for_update()
        .filter(user_id=user_id, sub_objective_id=sub_objective_id)
        .first()
    )
    previous_score, previous_level = (
        (row.score, row.level) if row else (0, MasteryLevel.NOT_STARTED)
    )
    weighted_correct = (row.weighted_correct if row else 0.0) * DECAY + (1.0 if correct else 0.0)
    weighted_total = (row.weighted_total if row else 0.0) * DECAY + 1.0
    answered = (row.answered if row else 0) + 1
    score = mastery_score(weighted_correct, weighted_total, answered)
    level = mastery_level(score, answered)
    values = {
        "answered": answered,
        "correct": (row.correct if row else 0) + int(correct),
        "weighted_correct": weighted_correct,
        "weighted_total": weighted_total,
        "score": score,
        "level": level,
        "last_activity_at": answered_at,
        "review_due_at": review_due_at,
    }
    if row is None:
        values["review_due_at"] = only_card_due_at
        SubObjectiveMastery.objects.create(
            user_id=user_id, sub_objective_id=sub_objective_id, **values
        )
    else:
        SubObjectiveMastery.objects.filter(pk=row.pk).update(**values)
    return MasteryChange(sub_objective_id, previous_score, previous_level, score, level, answered)


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def activity_record_answer(
    *, user_id: int, local_date: date, correct: bool, time_spent_ms: int
) -> None:
    """Per-day counters and the learner's totals and streak, each one atomic upsert (2 queries).

    The streak counts consecutive local days with at least one answer: the same day keeps it,
    the next day extends it, any gap restarts it at 1; the best streak is kept."""
    daily, stats = _table(DailyActivity), _table(LearnerStats)
    day, yesterday = local_date.isoformat(), (local_date - timedelta(days=1)).isoformat()
    right = int(correct)
    new_streak = (
        f"CASE WHEN {stats}.last_active_date = %s THEN {stats}.current_streak "
        f"WHEN {stats}.last_active_date = %s THEN {stats}.current_streak + 1 ELSE 1 END"
    )
    # Table names come from model metadata and every value is a bound parameter.
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {daily} (user_id, date, answered, correct, time_spent_ms) "  # noqa: S608
            f"VALUES (%s, %s, 1, %s, %s) ON CONFLICT (user_id, date) DO UPDATE SET "
            f"answered = {daily}.answered + 1, correct = {daily}.correct + EXCLUDED.correct, "
            f"time_spent_ms = {daily}.time_spent_ms + EXCLUDED.time_spent_ms",
            [user_id, day, right, time_spent_ms],
        )
        cursor.execute(
            f"INSERT INTO {stats} (user_id, answered, correct, time_spent_ms, current_streak, "  # noqa: S608
            f"best_streak, last_active_date) VALUES (%s, 1, %s, %s, 1, 1, %s) "
            f"ON CONFLICT (user_id) DO UPDATE SET "
            f"answered = {stats}.answered + 1, correct = {stats}.correct + EXCLUDED.correct, "
            f"time_spent_ms = {stats}.time_spent_ms + EXCLUDED.time_spent_ms, "
            f"best_streak = CASE WHEN ({new_streak}) > {stats}.best_streak THEN ({new_streak}) "
            f"ELSE {stats}.best_streak END, "
            f"current_streak = {new_streak}, "
            f"last_active_date = %s",
            [
                user_id,
                right,
                time_spent_ms,
                day,
                day,
                yesterday,
                day,
                yesterday,
                day,
                yesterday,
                day,
            ],
        )
