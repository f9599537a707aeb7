"""Reads of the generation app."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.core.errors import NotFound
from savoir.questions.models import Question

from . import llm
from .models import GenerationRun, RejectedItem
from .rejections import NOT_DELIVERED


def run_get_for_user(*, user: User, run_id: Any) -> GenerationRun:
    """The learner's own run; anyone else's id is a 404."""
    run = GenerationRun.objects.select_related("user").filter(pk=run_id, user=user).first()
    if run is None:
        raise NotFound(_("This generation does not exist."))
    return run


def run_questions(*, run: GenerationRun) -> list[Question]:
    """The questions the run stored so far, in the order they passed the gate."""
    return [
        item.question
        for item in run.items.order_by("position")
        .select_related("question__sub_objective")
        .prefetch_related("question__choices")
    ]


def run_rejections(*, run: GenerationRun) -> list[tuple[str, int]]:
    """How many of the run's questions were left out, by reason, most frequent first. The
    questions asked for and never written (counted as rejected when the run ended) come last."""
    counts = list(
        run.rejected_items.values("reason")
        .annotate(count=Count("pk"))
        .order_by("-count", "reason")
        .values_list("reason", "count")
    )
    not_delivered = run.rejected - sum(count for _reason, count in counts)
    if not_delivered > 0:
        counts.append((NOT_DELIVERED, not_delivered))
    return counts


def rejected_items_page(
    *, language: str | None, limit: int, offset: int
) -> tuple[int, list[RejectedItem]]:
    """Generated questions the quality gate refused, newest first, for moderators."""
    items = RejectedItem.objects.all()
    if language:
        items = items.filter(run__language=language)
    page = items.select_related("run__sub_objective").order_by("-created_at", "-pk")[
        offset : offset + limit
    ]
    return items.count(), list(page)


def generation_available() -> bool:
    """Whether an AI model is configured, so that generating questions can work at all."""
    return llm.generation_available()
