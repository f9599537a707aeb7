"""The mastery model (docs/learning-model.md): pure functions, shared by the answer's roll-ups
(services) and the dashboard (selectors)."""

from __future__ import annotations

from dataclasses import dataclass

from .models import MasteryLevel

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
