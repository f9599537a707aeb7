"""Per-learner roll-ups, updated in the same transaction as each answer, so dashboards never
scan the answer history (see docs/learning-model.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from savoir.catalog.models import SubObjective


class MasteryLevel(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ATTEMPTED = "attempted", _("Attempted")
    FAMILIAR = "familiar", _("Familiar")
    PROFICIENT = "proficient", _("Proficient")
    MASTERED = "mastered", _("Mastered")


class SubObjectiveMastery(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="masteries", db_index=False
    )
    sub_objective = models.ForeignKey(
        SubObjective, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    answered = models.PositiveIntegerField(default=0)
    correct = models.PositiveIntegerField(default=0)
    # Recency-weighted correctness: each new answer counts 1, older ones decay by DECAY per answer.
    weighted_correct = models.FloatField(default=0)
    weighted_total = models.FloatField(default=0)
    score = models.PositiveSmallIntegerField(default=0)  # 0-100
    level = models.CharField(
        max_length=12, choices=MasteryLevel.choices, default=MasteryLevel.NOT_STARTED
    )
    last_activity_at = models.DateTimeField(null=True, blank=True)
    # Earliest due spaced-repetition card of this sub-objective.
    review_due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "sub_objective"], name="progress_mastery_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.sub_objective_id}: {self.score}"


class LearnerStats(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stats", primary_key=True
    )
    answered = models.PositiveIntegerField(default=0)
    correct = models.PositiveIntegerField(default=0)
    time_spent_ms = models.PositiveBigIntegerField(default=0)
    current_streak = models.PositiveIntegerField(default=0)
    best_streak = models.PositiveIntegerField(default=0)
    last_active_date = models.DateField(null=True, blank=True)  # in the learner's time zone

    class Meta:
        verbose_name_plural = "learner stats"

    def __str__(self) -> str:
        return f"{self.user_id}: {self.answered} answered"


class DailyActivity(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    date = models.DateField()  # in the learner's time zone
    answered = models.PositiveIntegerField(default=0)
    correct = models.PositiveIntegerField(default=0)
    time_spent_ms = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="progress_daily_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.date}: {self.answered}"


class TopicPractice(models.Model):
    """That a learner has answered a question on a topic (for coverage); written once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    topic = models.ForeignKey(
        "catalog.Topic", on_delete=models.PROTECT, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="progress_topic_practice_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.topic_id}"


class ExamGoal(models.Model):
    """The date a learner plans to sit an exam."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    exam = models.ForeignKey("catalog.Exam", on_delete=models.PROTECT, related_name="+")
    exam_date = models.DateField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "exam"], name="progress_exam_goal_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.exam_id} {self.exam_date}"
