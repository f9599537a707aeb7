"""Reads of the generation app."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.core.errors import NotFound
from savoir.questions.models import Question

from . import llm
from .models import GenerationRun


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


def generation_available() -> bool:
    """Whether an AI model is configured, so that generating questions can work at all."""
    return llm.generation_available()
