from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from savoir.core.schemas import CamelSchema, InputSchema, Language


class LocalizedOut(CamelSchema):
    id: int
    code: str
    title: str
    title_en: str
    fallback: bool  # true when `title` is English because the requested language had none


class ExamOut(CamelSchema):
    id: int
    code: str
    vendor: str
    name: str
    name_en: str
    fallback: bool
    objectives_document_version: str
    max_questions: int
    duration_minutes: int
    passing_score: int
    score_min: int
    score_max: int
    domain_count: int


class DomainOut(LocalizedOut):
    weight_percent: int
    objective_count: int


class ObjectiveOut(LocalizedOut):
    domain_code: str
    verb: str
    verb_en: str
    scenario_based: bool
    sub_objective_count: int


class SubObjectiveOut(LocalizedOut):
    objective_code: str
    domain_code: str
    topic_count: int
    # Questions a learner can practise there, in the requested language.
    question_count: int


class TopicOut(LocalizedOut):
    sub_objective_code: str


class TreeTopic(LocalizedOut):
    pass


class TreeSubObjective(LocalizedOut):
    question_count: int
    topics: list[TreeTopic]


class TreeObjective(LocalizedOut):
    verb: str
    verb_en: str
    scenario_based: bool
    sub_objectives: list[TreeSubObjective]


class TreeDomain(LocalizedOut):
    weight_percent: int
    objectives: list[TreeObjective]


class ExamTreeOut(CamelSchema):
    exam: ExamOut
    domains: list[TreeDomain]


class ObjectiveRef(LocalizedOut):
    verb: str
    verb_en: str
    scenario_based: bool


class DomainRef(LocalizedOut):
    weight_percent: int


class SubObjectiveDetailOut(LocalizedOut):
    exam_code: str
    question_count: int
    objective: ObjectiveRef
    domain: DomainRef
    topics: list[TopicOut]


class NoteSectionRef(CamelSchema):
    id: str  # the heading's id in the note's HTML: the study screen's URL fragment
    heading: str


class SearchHitOut(LocalizedOut):
    """A title, or a passage of a study note (`note`: the hit's id, code and title are its
    sub-objective's; `section` and `snippet` say where in the note the words are)."""

    kind: Literal["domain", "objective", "sub_objective", "topic", "note"]
    domain_code: str
    objective_code: str | None
    sub_objective_code: str | None
    # For a topic or a note: the sub-objective it belongs to, where the study screen lives.
    context_title: str | None
    # For a sub-objective or a topic: the questions of the study screen it leads to.
    question_count: int | None
    matched_locales: list[Language]
    section: NoteSectionRef | None = None
    snippet: str | None = None


class StudyNoteOut(CamelSchema):
    """A sub-objective's study note, the same for every reader."""

    exam_code: str
    sub_objective_code: str
    title: str
    title_en: str
    locale: Language
    fallback: bool  # true when the note is in English because the requested language had none
    html: str  # rendered and sanitized at load time
    sections: list[NoteSectionRef]
    version: int
    word_count: int
    updated_at: datetime


class GlossaryEntryOut(CamelSchema):
    id: int
    acronym: str
    expansion: str
    expansion_en: str
    explanation: str
    fallback: bool


Code = Field(min_length=1, max_length=20)


class LangQuery(InputSchema):
    lang: Language | None = None


class DomainsQuery(LangQuery):
    exam_code: str = Code


class ObjectivesQuery(LangQuery):
    exam_code: str = Code
    domain_code: str | None = Field(default=None, max_length=20)


class SubObjectivesQuery(LangQuery):
    exam_code: str = Code
    objective_code: str | None = Field(default=None, max_length=20)


class TopicsQuery(LangQuery):
    exam_code: str = Code
    sub_objective_code: str | None = Field(default=None, max_length=20)


class SearchQueryIn(LangQuery):
    exam_code: str = Field(default="SY0-701", min_length=1, max_length=20)
    q: str = Field(min_length=1, max_length=100)


class GlossaryQuery(LangQuery):
    exam_code: str = Field(default="SY0-701", min_length=1, max_length=20)
    q: str = Field(default="", max_length=100)
