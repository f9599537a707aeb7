"""Spaced repetition with the `fsrs` package: one card per learner and question.

The rating comes from the answer itself: wrong -> Again; right with low confidence -> Hard;
right -> Good; right with high confidence -> Easy.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from django.conf import settings
from fsrs import Card, Rating, Scheduler, State

from .models import ReviewCard


@lru_cache(maxsize=1)
def scheduler() -> Scheduler:
    return Scheduler(desired_retention=0.9, enable_fuzzing=settings.FSRS_ENABLE_FUZZING)


def rating_for(*, correct: bool, confidence: str | None) -> Rating:
    if not correct:
        return Rating.Again
    if confidence == "low":
        return Rating.Hard
    if confidence == "high":
        return Rating.Easy
    return Rating.Good


def card_from_row(row: ReviewCard | dict[str, Any] | None, now: datetime) -> Card:
    """An fsrs Card from a ReviewCard or its raw row (a dict of the same columns)."""
    # An explicit card_id: without one, fsrs sleeps 1 ms to make its timestamp id unique.
    if row is None:
        return Card(card_id=0, due=now)
    values: dict[str, Any] = row if isinstance(row, dict) else vars(row)
    return Card(
        card_id=values["id"],
        state=State(values["state"]),
        step=values["step"],
        stability=values["stability"],
        difficulty=values["difficulty"],
        due=values["due_at"],
        last_review=values["last_review_at"],
    )


def card_review(card: Card, rating: Rating, when: datetime) -> Card:
    reviewed, _log = scheduler().review_card(card, rating, when)
    return reviewed


def retrievability(row: ReviewCard, now: datetime) -> float:
    return float(scheduler().get_card_retrievability(card_from_row(row, now), now))
