"""Test data built through the domain services."""

from __future__ import annotations

from typing import Any

from savoir.catalog.models import SubObjective
from savoir.catalog.services import catalog_import
from savoir.questions.models import Question, QuestionGroup, Status
from savoir.questions.services import ChoiceData, question_create

MINI_EXAM = {
    "format_version": 1,
    "exam": {
        "code": "MINI-1",
        "vendor": "Savoir",
        "name": {"en": "Mini", "fr": "Mini"},
        "max_questions": 10,
        "duration_minutes": 10,
        "passing_score": 70,
        "score_scale": [0, 100],
    },
    "domains": [
        {
            "code": "1.0",
            "weight_percent": 40,
            "title": {"en": "Alpha", "fr": "Alpha"},
            "objectives": [
                {
                    "code": "1.1",
                    "verb": {"en": "Explain", "fr": "Expliquer"},
                    "scenario_based": False,
                    "title": {"en": "Explain alpha.", "fr": "Expliquer alpha."},
                    "sub_objectives": [
                        {"code": "1.1.1", "title": {"en": "First", "fr": "Premier"}, "topics": []},
                        {"code": "1.1.2", "title": {"en": "Second", "fr": "Second"}, "topics": []},
                    ],
                }
            ],
        },
        {
            "code": "2.0",
            "weight_percent": 60,
            "title": {"en": "Beta", "fr": "Bêta"},
            "objectives": [
                {
                    "code": "2.1",
                    "verb": {"en": "Given a scenario", "fr": "À partir d'un scénario"},
                    "scenario_based": True,
                    "title": {
                        "en": "Given a scenario, do beta.",
                        "fr": "À partir d'un scénario, faire bêta.",
                    },
                    "sub_objectives": [
                        {"code": "2.1.1", "title": {"en": "Third", "fr": "Troisième"}, "topics": []}
                    ],
                }
            ],
        },
    ],
}


def mini_catalog() -> dict[str, SubObjective]:
    catalog_import(data=MINI_EXAM)
    return {s.code: s for s in SubObjective.objects.filter(exam__code="MINI-1")}


def make_question(
    sub_objective: SubObjective,
    *,
    language: str = "en",
    correct: int = 0,
    n_choices: int = 4,
    status: str = Status.APPROVED,
    group: QuestionGroup | None = None,
    difficulty: int = 2,
    label: str = "",
    **extra: Any,
) -> Question:
    tag = label or f"{sub_objective.code}-{QuestionGroup.objects.count()}"
    return question_create(
        sub_objective=sub_objective,
        language=language,
        stem=f"Question {tag}: which option is right?",
        explanation=f"Because option {correct} of {tag} is right.",
        difficulty=difficulty,
        choices=[
            ChoiceData(
                f"Option {n} of {tag}",
                n == correct,
                f"Why option {n} of {tag} is {'right' if n == correct else 'wrong'}.",
            )
            for n in range(n_choices)
        ],
        status=status,
        group=group,
        **extra,
    )
