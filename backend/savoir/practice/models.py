from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from savoir.catalog.models import SubObjective
from savoir.questions.models import Choice, Question, QuestionGroup


class Confidence(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Mode(models.TextChoices):
    MIXED = "mixed", _("Mixed")
    DUE = "due", _("Due reviews")
    MISSED = "missed", _("Missed")
    UNSEEN = "unseen", _("Unseen")
    FLAGGED = "flagged", _("Flagged")


class PracticeSession(models.Model):
    """A run of questions on one scope. It remembers the question on screen, so an interrupted
    session resumes exactly where it stopped."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_sessions"
    )
    scope_key = models.CharField(
        max_length=80
    )  # "sub:12", "obj:3", "dom:SY0-701/2.0", "exam:SY0-701"
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.MIXED)
    language = models.CharField(max_length=2)
    target = models.PositiveSmallIntegerField(default=10)
    current_question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "scope_key", "mode", "language", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.scope_key} {self.mode}"


class UserAnswer(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers", db_index=False
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT, related_name="+", db_index=False)
    is_correct = models.BooleanField()
    confidence = models.CharField(max_length=6, choices=Confidence.choices, blank=True, default="")
    time_spent_ms = models.PositiveIntegerField()
    answered_at = models.DateTimeField()
    # The client's id for this answer: a retry (or a duplicate sent at the same time) records it once.
    client_answer_id = models.UUIDField()
    # Owner-scoped by user; deliberately not a foreign key so recording costs no lookup.
    session_id = models.UUIDField(null=True, blank=True)
    # What the first response said that the question itself cannot tell again (mastery change,
    # next review, misconception), so a retry gets the same response.
    result = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "client_answer_id"], name="practice_answer_idempotent"
            )
        ]
        indexes = [
            models.Index(fields=["user", "session_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} q{self.question_id}: {'ok' if self.is_correct else 'ko'}"


class ReviewCard(models.Model):
    """One FSRS card per learner and question (across its languages and versions)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_cards",
        db_index=False,
    )
    group = models.ForeignKey(
        QuestionGroup, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    sub_objective = models.ForeignKey(
        SubObjective, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    state = models.PositiveSmallIntegerField()
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due_at = models.DateTimeField()
    last_review_at = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    last_correct = models.BooleanField(default=False)
    # Answered wrong with high confidence and not yet put right: these come back first.
    misconception = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="practice_card_unique")
        ]
        # due_at changes on every answer and is deliberately in no index: PostgreSQL can then
        # update the card in place (a HOT update, helped by the table's fill factor) instead of
        # writing an entry in every index. A learner's cards are few enough to filter by date.
        indexes = [models.Index(fields=["user", "sub_objective"], name="practice_card_user_sub")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.group_id} due {self.due_at:%Y-%m-%d %H:%M}"


class Flag(models.Model):
    """ "Review later", per learner and question."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags", db_index=False
    )
    group = models.ForeignKey(QuestionGroup, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="practice_flag_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} flagged {self.group_id}"
