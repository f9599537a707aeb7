"""Roll-ups written with each answer, inside the answer's transaction (docs/learning-model.md)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.catalog.models import Exam
from savoir.core.errors import ValidationFailed
from savoir.core.sql import SqlFragment, db_value, for_update, table
from savoir.practice.answer_sql import AnswerFacts, AnswerOutcome

from .mastery import DECAY, MasteryChange, mastery_level, mastery_score
from .models import (
    DailyActivity,
    ExamGoal,
    LearnerStats,
    MasteryLevel,
    SubObjectiveMastery,
    TopicPractice,
)


def mastery_select(*, user_id: int, sub_objective_id: int) -> SqlFragment:
    """The learner's mastery row of a sub-objective, locked for the answer's transaction."""
    return (
        f"SELECT id, answered, correct, weighted_correct, weighted_total, score, level "  # noqa: S608
        f"FROM {table(SubObjectiveMastery)} WHERE user_id = %s AND sub_objective_id = %s{for_update()}",
        [user_id, sub_objective_id],
    )


def mastery_fold(
    *,
    row: dict[str, Any] | None,
    user_id: int,
    sub_objective_id: int,
    correct: bool,
    answered_at: datetime,
    earliest_due: SqlFragment,
) -> tuple[MasteryChange, SqlFragment]:
    """Fold one answer into the mastery `row` read with mastery_select(); returns the change and
    the statement that writes it. `earliest_due` is the SQL of the earliest due card of the
    sub-objective, evaluated inside that write."""
    previous_score, previous_level = (
        (row["score"], row["level"]) if row else (0, MasteryLevel.NOT_STARTED)
    )
    weighted_correct = (row["weighted_correct"] if row else 0.0) * DECAY + (1.0 if correct else 0.0)
    weighted_total = (row["weighted_total"] if row else 0.0) * DECAY + 1.0
    answered = (row["answered"] if row else 0) + 1
    right = (row["correct"] if row else 0) + int(correct)
    score = mastery_score(weighted_correct, weighted_total, answered)
    level = mastery_level(score, answered)
    when = db_value(SubObjectiveMastery, "last_activity_at", answered_at)
    due_sql, due_params = earliest_due
    values = [answered, right, weighted_correct, weighted_total, score, str(level), when]
    change = MasteryChange(
        sub_objective_id, previous_score, str(previous_level), score, str(level), answered
    )
    if row is None:
        return change, (
            f"INSERT INTO {table(SubObjectiveMastery)} (user_id, sub_objective_id, answered, correct, "  # noqa: S608
            f"weighted_correct, weighted_total, score, level, last_activity_at, review_due_at) "
            f"VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, ({due_sql}))",
            [user_id, sub_objective_id, *values, *due_params],
        )
    return change, (
        f"UPDATE {table(SubObjectiveMastery)} SET answered = %s, correct = %s, "  # noqa: S608
        f"weighted_correct = %s, weighted_total = %s, score = %s, level = %s, "
        f"last_activity_at = %s, review_due_at = ({due_sql}) WHERE id = %s",
        [*values, *due_params, row["id"]],
    )


def activity_statements(
    *, user_id: int, local_date: date, correct: bool, time_spent_ms: int
) -> list[SqlFragment]:
    """Per-day counters and the learner's totals and streak: two atomic upserts.

    The streak counts consecutive local days with at least one answer: the same day keeps it,
    the next day extends it, any gap restarts it at 1; the best streak is kept."""
    daily, stats = table(DailyActivity), table(LearnerStats)
    day, yesterday = local_date.isoformat(), (local_date - timedelta(days=1)).isoformat()
    right = int(correct)
    new_streak = (
        f"CASE WHEN {stats}.last_active_date = %s THEN {stats}.current_streak "
        f"WHEN {stats}.last_active_date = %s THEN {stats}.current_streak + 1 ELSE 1 END"
    )
    # Table names come from model metadata and every value is a bound parameter.
    return [
        (
            f"INSERT INTO {daily} (user_id, date, answered, correct, time_spent_ms) "  # noqa: S608
            f"VALUES (%s, %s, 1, %s, %s) ON CONFLICT (user_id, date) DO UPDATE SET "
            f"answered = {daily}.answered + 1, correct = {daily}.correct + EXCLUDED.correct, "
            f"time_spent_ms = {daily}.time_spent_ms + EXCLUDED.time_spent_ms",
            [user_id, day, right, time_spent_ms],
        ),
        (
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
        ),
    ]


def topic_practice_statement(*, user_id: int, topic_id: int) -> SqlFragment:
    """Remember that the learner has practised this topic (coverage); a no-op the second time."""
    return (
        f"INSERT INTO {table(TopicPractice)} (user_id, topic_id) VALUES (%s, %s) "  # noqa: S608
        "ON CONFLICT (user_id, topic_id) DO NOTHING",
        [user_id, topic_id],
    )


class AnswerRollups:
    """Progress's part of every answer, inside the answer's transaction (practice/answer_sql.py):
    the mastery of the sub-objective, the day's activity, the learner's totals and streak, and
    topic coverage. Registered from ProgressConfig.ready()."""

    def reads(self, facts: AnswerFacts) -> list[SqlFragment]:
        return [mastery_select(user_id=facts.user_id, sub_objective_id=facts.sub_objective_id)]

    def fold(self, facts: AnswerFacts, rows: list[dict[str, Any] | None]) -> AnswerOutcome:
        (mastery_row,) = rows
        mastery, mastery_write = mastery_fold(
            row=mastery_row,
            user_id=facts.user_id,
            sub_objective_id=facts.sub_objective_id,
            correct=facts.correct,
            answered_at=facts.answered_at,
            earliest_due=facts.earliest_due,
        )
        writes = [
            mastery_write,
            *activity_statements(
                user_id=facts.user_id,
                local_date=facts.local_date,
                correct=facts.correct,
                time_spent_ms=facts.time_spent_ms,
            ),
        ]
        if facts.topic_id is not None:
            writes.append(topic_practice_statement(user_id=facts.user_id, topic_id=facts.topic_id))
        response = {
            "mastery": {
                "sub_objective_id": facts.sub_objective_id,
                "sub_objective_code": facts.sub_objective_code,
                "score": mastery.score,
                "level": mastery.level,
                "previous_score": mastery.previous_score,
                "previous_level": mastery.previous_level,
            }
        }
        return AnswerOutcome(response=response, writes=writes)


def _years_later(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def exam_goal_set(*, user: User, exam: Exam, exam_date: date, today: date) -> ExamGoal:
    """Only a future date (at most three years ahead) makes a plan."""
    if exam_date <= today:
        raise ValidationFailed(fields={"date": [_("Choose a date in the future.")]})
    if exam_date > _years_later(today, 3):
        raise ValidationFailed(fields={"date": [_("Choose a date within three years.")]})
    goal, _created = ExamGoal.objects.update_or_create(
        user=user, exam=exam, defaults={"exam_date": exam_date}
    )
    return goal
