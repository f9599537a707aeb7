"""The catalog and glossary file formats (v1), as strict Pydantic models.

Validation happens on the whole file before anything is written; every error names the entry
(by code) and the field. See savoir/catalog/content/README.md for the format itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from savoir.core.content import ContentError, StrictContent, parse

__all__ = ["CatalogFile", "ContentError", "GlossaryFile", "parse"]

NonEmpty = Annotated[str, Field(min_length=1, max_length=300)]


class Bilingual(StrictContent):
    en: NonEmpty
    fr: NonEmpty


class TopicIn(StrictContent):
    code: str
    en: NonEmpty
    fr: NonEmpty


class SubObjectiveIn(StrictContent):
    code: str
    title: Bilingual
    topics: list[TopicIn]

    @model_validator(mode="after")
    def _topic_codes(self) -> SubObjectiveIn:
        for n, topic in enumerate(self.topics, 1):
            if topic.code != f"{self.code}.{n}":
                raise ValueError(
                    f"topic {n} of {self.code} must have code {self.code}.{n}, not {topic.code}"
                )
        return self


class ObjectiveIn(StrictContent):
    code: str
    verb: Bilingual
    scenario_based: bool
    title: Bilingual
    sub_objectives: list[SubObjectiveIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _codes(self) -> ObjectiveIn:
        for n, sub in enumerate(self.sub_objectives, 1):
            if sub.code != f"{self.code}.{n}":
                raise ValueError(
                    f"sub-objective {n} of {self.code} must have code {self.code}.{n}, not {sub.code}"
                )
        return self


class DomainIn(StrictContent):
    code: str
    weight_percent: int = Field(ge=1, le=100)
    title: Bilingual
    objectives: list[ObjectiveIn] = Field(min_length=1)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not re.fullmatch(r"\d+\.0", value):
            raise ValueError("a domain code looks like 1.0")
        return value

    @model_validator(mode="after")
    def _objective_codes(self) -> DomainIn:
        major = self.code.split(".")[0]
        for objective in self.objectives:
            if not re.fullmatch(rf"{major}\.\d+", objective.code):
                raise ValueError(
                    f"objective {objective.code} does not belong to domain {self.code}"
                )
        return self


class ExamIn(StrictContent):
    code: Annotated[str, Field(pattern=r"^[A-Z0-9][A-Z0-9-]{1,19}$")]
    vendor: NonEmpty
    name: Bilingual
    objectives_document_version: str = ""
    max_questions: int = Field(ge=1, le=500)
    duration_minutes: int = Field(ge=1, le=600)
    passing_score: int
    score_scale: tuple[int, int]


class CatalogFile(StrictContent):
    format_version: int
    exam: ExamIn
    domains: list[DomainIn] = Field(min_length=1)

    @field_validator("format_version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != 1:
            raise ValueError("only format_version 1 is supported")
        return value

    @model_validator(mode="after")
    def _whole_exam(self) -> CatalogFile:
        total = sum(d.weight_percent for d in self.domains)
        if total != 100:
            raise ValueError(f"domain weights add up to {total}, not 100")
        seen: set[str] = set()
        for code in _all_codes(self):
            if code in seen:
                raise ValueError(f"code {code} appears twice")
            seen.add(code)
        low, high = self.exam.score_scale
        if not low < self.exam.passing_score <= high:
            raise ValueError("passing_score must lie within score_scale")
        return self


def _all_codes(catalog: CatalogFile) -> Iterator[str]:
    for domain in catalog.domains:
        yield domain.code
        for objective in domain.objectives:
            yield objective.code
            for sub in objective.sub_objectives:
                yield sub.code
                for topic in sub.topics:
                    yield topic.code


class GlossaryEntryIn(StrictContent):
    acronym: Annotated[str, Field(min_length=1, max_length=30)]
    expansion_en: NonEmpty
    expansion_fr: NonEmpty
    explanation_en: Annotated[str, Field(min_length=1, max_length=600)]
    explanation_fr: Annotated[str, Field(min_length=1, max_length=600)]


class GlossaryFile(StrictContent):
    format_version: int
    exam_code: str
    entries: list[GlossaryEntryIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> GlossaryFile:
        seen: set[tuple[str, str]] = set()
        for entry in self.entries:
            key = (entry.acronym, entry.expansion_en)
            if key in seen:
                raise ValueError(f"{entry.acronym} ({entry.expansion_en}) appears twice")
            seen.add(key)
        return self
