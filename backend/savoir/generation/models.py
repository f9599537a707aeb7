from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from savoir.catalog.models import SubObjective
from savoir.questions.models import Question


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    PARTIAL = "partial", _("Partly succeeded")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class RunStage(models.TextChoices):
    """What an unfinished run is doing, for the learner watching it."""

    QUEUED = "queued", _("Waiting for a worker")
    WAITING = "waiting", _("Waiting for the model's first words")
    WRITING = "writing", _("The model is writing")
    CHECKING = "checking", _("Checking a question's quality")
    SAVING = "saving", _("Saving a question")
    RETRYING = "retrying", _("Waiting to try the model again")


FINISHED = (RunStatus.SUCCEEDED, RunStatus.PARTIAL, RunStatus.FAILED, RunStatus.CANCELLED)
UNFINISHED = (RunStatus.QUEUED, RunStatus.RUNNING)


class GenerationRun(models.Model):
    """One learner's request for new questions, and everything it cost and produced."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="generation_runs"
    )
    sub_objective = models.ForeignKey(SubObjective, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=2)
    difficulty = models.PositiveSmallIntegerField()
    requested = models.PositiveSmallIntegerField()
    accepted = models.PositiveSmallIntegerField(default=0)
    rejected = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    # Kept once the run ends: where a failed or cancelled run stopped.
    stage = models.CharField(max_length=10, choices=RunStage.choices, default=RunStage.QUEUED)
    from_cache = models.BooleanField(default=False)  # served from the bank, no model call
    forced = models.BooleanField(default=False)
    model = models.CharField(max_length=100, blank=True, default="")
    prompt_version = models.CharField(max_length=40, blank=True, default="")
    input_tokens = models.PositiveIntegerField(default=0)
    output_tokens = models.PositiveIntegerField(default=0)
    cost_estimate_usd = models.DecimalField(max_digits=10, decimal_places=6, default=0)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error_code = models.CharField(max_length=40, blank=True, default="")
    error_detail = models.TextField(blank=True, default="")  # for admins; never sent to learners
    quota_reserved = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "started_at"]),
            models.Index(fields=["user", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.id} {self.status}"


class RunQuestion(models.Model):
    """The questions a run hands to the learner, generated or taken from the bank, in order."""

    run = models.ForeignKey(GenerationRun, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ("position",)
        constraints = [
            models.UniqueConstraint(
                fields=["run", "position"], name="generation_item_position_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.run_id} #{self.position}"


class RejectedItem(models.Model):
    """A generated question the quality gate refused, kept with its reason for moderators."""

    run = models.ForeignKey(GenerationRun, on_delete=models.CASCADE, related_name="rejected_items")
    reason = models.CharField(max_length=40)
    detail = models.CharField(max_length=300, blank=True, default="")
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self) -> str:
        return f"{self.run_id}: {self.reason}"
