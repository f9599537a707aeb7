"""The starter-bank file format (v1): one item per question key, English and French side by side.
The mechanical quality rules of docs/content (4 choices, one key, same key position in both
languages) are checked here; the full item-writing rules are the authors' job."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, model_validator

from savoir.core.content import ContentError, StrictContent, parse
from savoir.core.text import french_typography

__all__ = ["BankFile", "ContentError", "parse"]


class ChoiceIn(StrictContent):
    text: Annotated[str, Field(min_length=1, max_length=500)]
    correct: bool
    explanation: Annotated[str, Field(min_length=1)]


class QuestionText(StrictContent):
    stem: Annotated[str, Field(min_length=10)]
    explanation: Annotated[str, Field(min_length=10)]
    choices: list[ChoiceIn] = Field(min_length=3, max_length=5)

    @model_validator(mode="after")
    def _one_key(self) -> QuestionText:
        if sum(c.correct for c in self.choices) != 1:
            raise ValueError("exactly one choice must be correct")
        return self


def _french(text: QuestionText) -> QuestionText:
    return text.model_copy(
        update={
            "stem": french_typography(text.stem),
            "explanation": french_typography(text.explanation),
            "choices": [
                c.model_copy(
                    update={
                        "text": french_typography(c.text),
                        "explanation": french_typography(c.explanation),
                    }
                )
                for c in text.choices
            ],
        }
    )


class QuestionIn(StrictContent):
    key: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.\-]{2,79}$")]
    sub_objective: str
    topic: str | None = None
    difficulty: int = Field(ge=1, le=5)
    en: QuestionText
    fr: QuestionText

    @model_validator(mode="after")
    def _translations_agree(self) -> QuestionIn:
        self.fr = _french(self.fr)
        if [c.correct for c in self.en.choices] != [c.correct for c in self.fr.choices]:
            raise ValueError("the French and English versions must have the same choices and key")
        if self.topic is not None and not re.fullmatch(
            rf"{re.escape(self.sub_objective)}\.\d+", self.topic
        ):
            raise ValueError(f"topic {self.topic} is not under {self.sub_objective}")
        return self


class BankFile(StrictContent):
    format_version: int
    exam_code: str
    questions: list[QuestionIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_keys(self) -> BankFile:
        keys = [q.key for q in self.questions]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"duplicate keys: {', '.join(duplicates)}")
        return self
