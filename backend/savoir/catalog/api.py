from __future__ import annotations

import hashlib
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Query, Router

from savoir.core.ratelimit import SharedRateThrottle
from savoir.core.schemas import ERROR_RESPONSES

from . import selectors
from .schemas import (
    DomainOut,
    DomainsQuery,
    ExamOut,
    ExamTreeOut,
    GlossaryEntryOut,
    GlossaryQuery,
    LangQuery,
    ObjectiveOut,
    ObjectivesQuery,
    SearchHitOut,
    SearchQueryIn,
    StudyNoteOut,
    SubObjectiveDetailOut,
    SubObjectiveOut,
    SubObjectivesQuery,
    TopicOut,
    TopicsQuery,
)

# Public, but rate-limited per client IP in the shared store.
router = Router(
    tags=["catalog"], by_alias=True, throttle=SharedRateThrottle("catalog", limit=300, window=60)
)


def _locale(request: HttpRequest, query: LangQuery) -> str:
    """The content language; an explicit `lang` also sets the language of error messages, so a
    page in French gets its 404 in French whatever the browser says."""
    if query.lang:
        translation.activate(query.lang)
        request.LANGUAGE_CODE = query.lang
        return query.lang
    return str(getattr(request, "LANGUAGE_CODE", "fr"))


# --- Presenters: prefetched objects -> wire dicts (no queries here) ----------------------------


def _base(entity: Any, locale: str) -> dict[str, Any]:
    title = selectors.localize(entity, locale)
    return {
        "id": entity.pk,
        "code": entity.code,
        "title": title.text,
        "title_en": title.text_en,
        "fallback": title.fallback,
    }


def _exam(exam: Any, locale: str, domain_count: int) -> dict[str, Any]:
    name = selectors.localize(exam, locale, "name")
    return {
        "id": exam.pk,
        "code": exam.code,
        "vendor": exam.vendor,
        "name": name.text,
        "name_en": name.text_en,
        "fallback": name.fallback,
        "objectives_document_version": exam.objectives_document_version,
        "max_questions": exam.max_questions,
        "duration_minutes": exam.duration_minutes,
        "passing_score": exam.passing_score,
        "score_min": exam.score_min,
        "score_max": exam.score_max,
        "domain_count": domain_count,
    }


def _objective_fields(objective: Any, locale: str) -> dict[str, Any]:
    verb = selectors.localize(objective, locale, "verb")
    return {
        **_base(objective, locale),
        "verb": verb.text,
        "verb_en": verb.text_en,
        "scenario_based": objective.scenario_based,
    }


# --- Operations ---------------------------------------------------------------------------------------


@router.get(
    "/exams", response={200: list[ExamOut], **ERROR_RESPONSES}, operation_id="catalog_list_exams"
)
def catalog_list_exams(request: HttpRequest, query: Query[LangQuery]) -> list[dict[str, Any]]:
    locale = _locale(request, query)
    return [_exam(e, locale, e.domain_count) for e in selectors.exam_list(locale=locale)]  # type: ignore[attr-defined]


@router.get(
    "/domains",
    response={200: list[DomainOut], **ERROR_RESPONSES},
    operation_id="catalog_list_domains",
)
def catalog_list_domains(request: HttpRequest, query: Query[DomainsQuery]) -> list[dict[str, Any]]:
    locale = _locale(request, query)
    return [
        {
            **_base(d, locale),
            "weight_percent": d.weight_percent,
            "objective_count": d.objective_count,  # type: ignore[attr-defined]
        }
        for d in selectors.domain_list(exam_code=query.exam_code, locale=locale)
    ]


@router.get(
    "/objectives",
    response={200: list[ObjectiveOut], **ERROR_RESPONSES},
    operation_id="catalog_list_objectives",
)
def catalog_list_objectives(
    request: HttpRequest, query: Query[ObjectivesQuery]
) -> list[dict[str, Any]]:
    locale = _locale(request, query)
    objectives = selectors.objective_list(
        exam_code=query.exam_code, domain_code=query.domain_code, locale=locale
    )
    return [
        {
            **_objective_fields(o, locale),
            "domain_code": o.domain.code,
            "sub_objective_count": o.sub_objective_count,  # type: ignore[attr-defined]
        }
        for o in objectives
    ]


@router.get(
    "/sub-objectives",
    response={200: list[SubObjectiveOut], **ERROR_RESPONSES},
    operation_id="catalog_list_sub_objectives",
)
def catalog_list_sub_objectives(
    request: HttpRequest, query: Query[SubObjectivesQuery]
) -> list[dict[str, Any]]:
    locale = _locale(request, query)
    subs = selectors.sub_objective_list(
        exam_code=query.exam_code, objective_code=query.objective_code, locale=locale
    )
    return [
        {
            **_base(s, locale),
            "objective_code": s.objective.code,
            "domain_code": s.objective.domain.code,
            "topic_count": s.topic_count,  # type: ignore[attr-defined]
            "question_count": s.question_count,  # type: ignore[attr-defined]
        }
        for s in subs
    ]


@router.get(
    "/topics", response={200: list[TopicOut], **ERROR_RESPONSES}, operation_id="catalog_list_topics"
)
def catalog_list_topics(request: HttpRequest, query: Query[TopicsQuery]) -> list[dict[str, Any]]:
    locale = _locale(request, query)
    topics = selectors.topic_list(
        exam_code=query.exam_code, sub_objective_code=query.sub_objective_code, locale=locale
    )
    return [{**_base(t, locale), "sub_objective_code": t.sub_objective.code} for t in topics]


@router.get(
    "/exams/{code}/sub-objectives/{sub_code}",
    response={200: SubObjectiveDetailOut, **ERROR_RESPONSES},
    operation_id="catalog_get_sub_objective",
)
def catalog_get_sub_objective(
    request: HttpRequest, code: str, sub_code: str, query: Query[LangQuery]
) -> dict[str, Any]:
    """Everything the study screen shows for one sub-objective."""
    locale = _locale(request, query)
    sub = selectors.sub_objective_detail(exam_code=code, code=sub_code, locale=locale)
    objective, domain = sub.objective, sub.objective.domain
    return {
        **_base(sub, locale),
        "exam_code": code,
        "question_count": sub.question_count,  # type: ignore[attr-defined]
        "objective": _objective_fields(objective, locale),
        "domain": {**_base(domain, locale), "weight_percent": domain.weight_percent},
        "topics": [{**_base(t, locale), "sub_objective_code": sub.code} for t in sub.topics.all()],
    }


@router.get(
    "/exams/{code}/tree",
    response={200: ExamTreeOut, 304: None, **ERROR_RESPONSES},
    operation_id="catalog_get_tree",
)
def catalog_get_tree(request: HttpRequest, code: str, query: Query[LangQuery]) -> HttpResponse:
    """The whole blueprint in one response. Revalidate with If-None-Match: 304 when unchanged."""
    locale = _locale(request, query)
    exam = selectors.exam_tree(code=code, locale=locale)
    domains = list(exam.domains.all())
    tree = {
        "exam": _exam(exam, locale, len(domains)),
        "domains": [
            {
                **_base(d, locale),
                "weight_percent": d.weight_percent,
                "objectives": [
                    {
                        **_objective_fields(o, locale),
                        "sub_objectives": [
                            {
                                **_base(s, locale),
                                "question_count": s.question_count,  # type: ignore[attr-defined]
                                "topics": [_base(t, locale) for t in s.topics.all()],
                            }
                            for s in o.sub_objectives.all()
                        ],
                    }
                    for o in d.objectives.all()
                ],
            }
            for d in domains
        ],
    }
    body = json.dumps(
        ExamTreeOut.model_validate(tree).model_dump(by_alias=True), ensure_ascii=False
    ).encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


@router.get(
    "/search", response={200: list[SearchHitOut], **ERROR_RESPONSES}, operation_id="catalog_search"
)
def catalog_search(request: HttpRequest, query: Query[SearchQueryIn]) -> list[dict[str, Any]]:
    locale = _locale(request, query)
    results = []
    for hit in selectors.catalog_search(exam_code=query.exam_code, q=query.q, locale=locale):
        entity = hit.entity
        if hit.kind == "note_section":
            results.append(_note_hit(hit, locale))
            continue
        item = {
            **_base(entity, locale),
            "kind": hit.kind,
            "matched_locales": sorted(hit.matched_locales),
            "context_title": None,
            "objective_code": None,
            "sub_objective_code": None,
            "question_count": None,
        }
        if hit.kind == "domain":
            item["domain_code"] = entity.code
        elif hit.kind == "objective":
            item.update(domain_code=entity.domain.code, objective_code=entity.code)
        elif hit.kind == "sub_objective":
            item.update(
                domain_code=entity.objective.domain.code,
                objective_code=entity.objective.code,
                sub_objective_code=entity.code,
                question_count=entity.question_count,
            )
        else:
            sub = entity.sub_objective
            item.update(
                domain_code=sub.objective.domain.code,
                objective_code=sub.objective.code,
                sub_objective_code=sub.code,
                context_title=selectors.localize(sub, locale).text,
                question_count=sub.question_count,
            )
        results.append(item)
    return results


def _note_hit(hit: Any, locale: str) -> dict[str, Any]:
    section = hit.entity
    sub = section.note.sub_objective
    return {
        **_base(sub, locale),
        "kind": "note",
        "domain_code": sub.objective.domain.code,
        "objective_code": sub.objective.code,
        "sub_objective_code": sub.code,
        "context_title": selectors.localize(sub, locale).text,
        "matched_locales": [section.note.locale],
        "section": {"id": section.anchor, "heading": section.heading},
        "snippet": hit.snippet,
        "question_count": sub.question_count,
    }


@router.get(
    "/exams/{code}/sub-objectives/{sub_code}/note",
    response={200: StudyNoteOut, **ERROR_RESPONSES},
    operation_id="catalog_get_note",
)
def catalog_get_note(
    request: HttpRequest, code: str, sub_code: str, query: Query[LangQuery]
) -> dict[str, Any]:
    """A sub-objective's study note in the requested language (English when it has none)."""
    locale = _locale(request, query)
    sub, note = selectors.study_note_get(exam_code=code, code=sub_code, locale=locale)
    title = selectors.localize(sub, locale)
    return {
        "exam_code": code,
        "sub_objective_code": sub.code,
        "title": title.text,
        "title_en": title.text_en,
        "locale": note.locale,
        "fallback": note.locale != locale,
        "html": note.html,
        "sections": [
            {"id": section.anchor, "heading": section.heading}
            for section in note.sections.all()
            if section.heading
        ],
        "version": note.version,
        "word_count": note.word_count,
        "updated_at": note.updated_at,
    }


@router.get(
    "/glossary",
    response={200: list[GlossaryEntryOut], **ERROR_RESPONSES},
    operation_id="catalog_glossary",
)
def catalog_glossary(request: HttpRequest, query: Query[GlossaryQuery]) -> list[dict[str, Any]]:
    locale = _locale(request, query)
    results = []
    for entry, _tier in selectors.glossary_search(
        exam_code=query.exam_code, q=query.q, locale=locale
    ):
        expansion = selectors.localize(entry, locale, "expansion")
        explanation = selectors.localize(entry, locale, "explanation")
        results.append(
            {
                "id": entry.pk,
                "acronym": entry.acronym,
                "expansion": expansion.text,
                "expansion_en": entry.expansion_en,
                "explanation": explanation.text,
                "fallback": expansion.fallback or explanation.fallback,
            }
        )
    return results
