"""Catalog reads, localized with English fallback, in a bounded number of queries."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from savoir.core.errors import NotFound
from savoir.core.text import code_sort_key, fold

from .models import (
    CATALOG_REVISION_KEY,
    FALLBACK_LOCALE,
    LOCALES,
    Domain,
    Exam,
    GlossaryEntry,
    Objective,
    SearchDocument,
    StudyNote,
    StudyNoteSection,
    SubObjective,
    SubObjectiveTranslation,
    Topic,
    TopicTranslation,
)
from .note_format import note_names

SEARCH_LIMIT = 20
# Hits inside notes come on top of the titles' hits, one per note (its best section).
NOTE_SEARCH_LIMIT = 8
SNIPPET_WORDS = 24


def catalog_revision() -> str:
    """Changes whenever the catalog's content does; "" until the first change is published."""
    return cache.get(CATALOG_REVISION_KEY) or ""


_KIND_WEIGHT = {
    "sub_objective": 1.0,
    "objective": 0.9,
    "domain": 0.8,
    "topic": 0.7,
    "note_section": 0.5,
}


@dataclass(frozen=True)
class Localized:
    """One text field in the requested language, the official English, and whether we fell back."""

    text: str
    text_en: str
    fallback: bool


def _translations(locale: str) -> list[str]:
    return [locale] if locale == FALLBACK_LOCALE else [locale, FALLBACK_LOCALE]


def localize(entity: Any, locale: str, name: str = "title") -> Localized:
    """Reads the prefetched translations of `entity`; English when `locale` has none."""
    by_locale = {t.locale: getattr(t, name) for t in entity.translations.all()}
    english = by_locale.get(FALLBACK_LOCALE, "")
    wanted = by_locale.get(locale)
    if wanted:
        return Localized(wanted, english, False)
    return Localized(english, english, locale != FALLBACK_LOCALE)


def translations_prefetch(model: Any, locale: str) -> Prefetch[str]:
    """Prefetch an entity's translations in `locale` and the English fallback."""
    related = model._meta.get_field("translations").related_model
    return Prefetch(
        "translations", queryset=related._default_manager.filter(locale__in=_translations(locale))
    )


def _tr_path(path: str, model: Any, locale: str) -> Prefetch[str]:
    related = model._meta.get_field("translations").related_model
    return Prefetch(
        f"{path}__translations",
        queryset=related._default_manager.filter(locale__in=_translations(locale)),
    )


# --- Question counts (an extension point: the bank sits above the catalog) ----------------------


class QuestionCounter(Protocol):
    """Practisable questions per sub-objective id in one language, in one aggregate query."""

    def __call__(self, *, sub_objective_ids: Collection[int], language: str) -> dict[int, int]: ...


_question_counter: list[QuestionCounter] = []


def question_counter_register(counter: QuestionCounter) -> None:
    """Called from the questions app's AppConfig.ready(): the catalog never imports the bank."""
    _question_counter[:] = [counter]


def question_counts_attach(subs: Iterable[SubObjective], locale: str) -> None:
    """Sets `question_count` on each sub-objective: how many questions a learner reading
    `locale` can practise there (0 when none, or when no bank is installed)."""
    subs = list(subs)
    ids = {s.pk for s in subs}
    counts = (
        _question_counter[0](sub_objective_ids=ids, language=locale) if _question_counter else {}
    )
    for sub in subs:
        sub.question_count = counts.get(sub.pk, 0)  # type: ignore[attr-defined]


# --- Lookups by code ---------------------------------------------------------------------------


def exam_get(*, code: str) -> Exam:
    exam = Exam.objects.filter(code=code, retired_at__isnull=True).first()
    if exam is None:
        raise NotFound(_("Unknown exam %(code)s.") % {"code": code})
    return exam


def exam_list(*, locale: str) -> QuerySet[Exam]:
    return (
        Exam.objects.filter(retired_at__isnull=True)
        .annotate(domain_count=Count("domains", filter=Q(domains__retired_at__isnull=True)))
        .prefetch_related(translations_prefetch(Exam, locale))
        .order_by("position", "code")
    )


def domain_list(*, exam_code: str, locale: str) -> list[Domain]:
    exam = exam_get(code=exam_code)
    return list(
        Domain.objects.filter(exam=exam, retired_at__isnull=True)
        .annotate(
            objective_count=Count("objectives", filter=Q(objectives__retired_at__isnull=True))
        )
        .prefetch_related(translations_prefetch(Domain, locale))
        .order_by("position")
    )


def objective_list(*, exam_code: str, domain_code: str | None, locale: str) -> list[Objective]:
    exam = exam_get(code=exam_code)
    objectives = Objective.objects.filter(exam=exam, retired_at__isnull=True)
    if domain_code is not None:
        domain = Domain.objects.filter(exam=exam, code=domain_code, retired_at__isnull=True).first()
        if domain is None:
            raise NotFound(_("Unknown domain %(code)s.") % {"code": domain_code})
        objectives = objectives.filter(domain=domain)
    return list(
        objectives.select_related("domain")
        .annotate(
            sub_objective_count=Count(
                "sub_objectives", filter=Q(sub_objectives__retired_at__isnull=True)
            )
        )
        .prefetch_related(translations_prefetch(Objective, locale))
        .order_by("domain__position", "position")
    )


def sub_objective_list(
    *, exam_code: str, objective_code: str | None, locale: str
) -> list[SubObjective]:
    exam = exam_get(code=exam_code)
    subs = SubObjective.objects.filter(exam=exam, retired_at__isnull=True)
    if objective_code is not None:
        objective = Objective.objects.filter(
            exam=exam, code=objective_code, retired_at__isnull=True
        ).first()
        if objective is None:
            raise NotFound(_("Unknown objective %(code)s.") % {"code": objective_code})
        subs = subs.filter(objective=objective)
    found: list[SubObjective] = list(
        subs.select_related("objective__domain")
        .annotate(topic_count=Count("topics", filter=Q(topics__retired_at__isnull=True)))
        .prefetch_related(translations_prefetch(SubObjective, locale))
        .order_by("objective__domain__position", "objective__position", "position")
    )
    question_counts_attach(found, locale)
    return found


def topic_list(*, exam_code: str, sub_objective_code: str | None, locale: str) -> list[Topic]:
    exam = exam_get(code=exam_code)
    topics = Topic.objects.filter(exam=exam, retired_at__isnull=True)
    if sub_objective_code is not None:
        sub = SubObjective.objects.filter(
            exam=exam, code=sub_objective_code, retired_at__isnull=True
        ).first()
        if sub is None:
            raise NotFound(_("Unknown sub-objective %(code)s.") % {"code": sub_objective_code})
        topics = topics.filter(sub_objective=sub)
    return list(
        topics.select_related("sub_objective")
        .prefetch_related(translations_prefetch(Topic, locale))
        .order_by(
            "sub_objective__objective__domain__position",
            "sub_objective__objective__position",
            "sub_objective__position",
            "position",
        )
    )


def sub_objective_detail(*, exam_code: str, code: str, locale: str) -> SubObjective:
    """A sub-objective with its objective, domain and topics, for the study screen."""
    exam = exam_get(code=exam_code)
    active_topics = Topic.objects.filter(retired_at__isnull=True).order_by("position")
    sub = (
        SubObjective.objects.filter(exam=exam, code=code, retired_at__isnull=True)
        .select_related("objective__domain")
        .prefetch_related(
            translations_prefetch(SubObjective, locale),
            _tr_path("objective", Objective, locale),
            _tr_path("objective__domain", Domain, locale),
            Prefetch("topics", queryset=active_topics),
            _tr_path("topics", Topic, locale),
        )
        .first()
    )
    if sub is None:
        raise NotFound(_("Unknown sub-objective %(code)s.") % {"code": code})
    question_counts_attach([sub], locale)
    return sub


def exam_tree(*, code: str, locale: str) -> Exam:
    """The whole exam in five levels with translations, and the question count of each
    sub-objective: a fixed number of queries (1 + 2 per level + 1)."""
    exam = exam_get(code=code)
    domains = Domain.objects.filter(retired_at__isnull=True).order_by("position")
    objectives = Objective.objects.filter(retired_at__isnull=True).order_by("position")
    subs = SubObjective.objects.filter(retired_at__isnull=True).order_by("position")
    topics = Topic.objects.filter(retired_at__isnull=True).order_by("position")
    tree = (
        Exam.objects.filter(pk=exam.pk)
        .prefetch_related(
            translations_prefetch(Exam, locale),
            Prefetch("domains", queryset=domains),
            _tr_path("domains", Domain, locale),
            Prefetch("domains__objectives", queryset=objectives),
            _tr_path("domains__objectives", Objective, locale),
            Prefetch("domains__objectives__sub_objectives", queryset=subs),
            _tr_path("domains__objectives__sub_objectives", SubObjective, locale),
            Prefetch("domains__objectives__sub_objectives__topics", queryset=topics),
            _tr_path("domains__objectives__sub_objectives__topics", Topic, locale),
        )
        .get()
    )
    question_counts_attach(
        (s for d in tree.domains.all() for o in d.objectives.all() for s in o.sub_objectives.all()),
        locale,
    )
    return tree


# --- Search ----------------------------------------------------------------------------------------


@dataclass
class SearchHit:
    kind: str
    entity: Any
    rank: float
    matched_locales: set[str] = field(default_factory=set)
    snippet: str = ""


def _candidates(
    exam: Exam, terms: list[str], locale: str
) -> list[tuple[str, int, str, str, float]]:
    """(kind, entity id, code, locale, rank) of matching documents: titles in every language, notes in
    the reader's (the hit shows a passage of the note they will read)."""
    documents = SearchDocument.objects.filter(exam=exam).filter(
        ~Q(kind=SearchDocument.Kind.NOTE_SECTION) | Q(locale=locale)
    )
    if connection.vendor == "postgresql":
        # Same expression as the GIN index of migration 0002, so the index serves the query.
        vector = RawSQL("to_tsvector('simple', text)", [], output_field=SearchVectorField())
        query = SearchQuery(" & ".join(f"{t}:*" for t in terms), search_type="raw", config="simple")
        ranked = (
            documents.annotate(vector=vector, rank=SearchRank(vector, query))
            .filter(vector=query)
            .values_list("kind", "entity_id", "code", "locale", "rank", "text")
        )
        return [
            (k, e, c, loc, float(r) + _phrase_bonus(text, terms))
            for k, e, c, loc, r, text in ranked
        ]
    for term in terms:
        documents = documents.filter(text__contains=term)
    matched = documents.values_list("kind", "entity_id", "code", "locale", "text")
    return [(k, e, c, loc, _python_rank(text, terms)) for k, e, c, loc, text in matched]


def _phrase_bonus(text: str, terms: list[str]) -> float:
    phrase = " ".join(terms)
    if text == phrase:
        return 1.0
    return 0.5 if phrase in text else 0.0


def _python_rank(text: str, terms: list[str]) -> float:
    words = text.split()
    starts = sum(1 for t in terms if any(w.startswith(t) for w in words))
    return starts / len(terms) * 0.1 + _phrase_bonus(text, terms) + 1 / (10 + len(words))


def catalog_search(
    *, exam_code: str, q: str, locale: str, limit: int = SEARCH_LIMIT
) -> list[SearchHit]:
    """Titles and topics in both languages, case- and accent-insensitive, best first."""
    exam = exam_get(code=exam_code)
    terms = fold(q).split()[:8]
    if not terms:
        return []
    best: dict[tuple[str, int], SearchHit] = {}
    best_section: dict[str, tuple[float, int]] = {}  # a note's best section: (score, id)
    for kind, entity_id, code, doc_locale, rank in _candidates(exam, terms, locale):
        if kind == "note_section":
            score = rank * _KIND_WEIGHT[kind]
            kept = best_section.get(code)
            # The best section; on a tie the first (lower id: sections are created in order).
            if kept is None or (score, -entity_id) > (kept[0], -kept[1]):
                best_section[code] = (score, entity_id)
            continue
        score = rank * _KIND_WEIGHT[kind] * (1.1 if doc_locale == locale else 1.0)
        hit = best.get((kind, entity_id))
        if hit is None:
            best[(kind, entity_id)] = hit = SearchHit(kind, None, score)
        hit.rank = max(hit.rank, score)
        hit.matched_locales.add(doc_locale)
    ranked = sorted(best.items(), key=lambda item: (-item[1].rank, item[0][0], item[0][1]))[:limit]
    sections = sorted(best_section.values(), key=lambda pair: (-pair[0], pair[1]))
    ranked += [
        (("note_section", section_id), SearchHit("note_section", None, score, {locale}))
        for score, section_id in sections[:NOTE_SEARCH_LIMIT]
    ]
    ids_by_kind: dict[str, list[int]] = {}
    for (kind, entity_id), _hit in ranked:
        ids_by_kind.setdefault(kind, []).append(entity_id)
    loaders = {
        "domain": Domain.objects.prefetch_related(translations_prefetch(Domain, locale)),
        "objective": Objective.objects.select_related("domain").prefetch_related(
            translations_prefetch(Objective, locale)
        ),
        "sub_objective": SubObjective.objects.select_related("objective__domain").prefetch_related(
            translations_prefetch(SubObjective, locale)
        ),
        "topic": Topic.objects.select_related("sub_objective__objective__domain").prefetch_related(
            translations_prefetch(Topic, locale), _tr_path("sub_objective", SubObjective, locale)
        ),
        "note_section": StudyNoteSection.objects.select_related(
            "note__sub_objective__objective__domain"
        ).prefetch_related(_tr_path("note__sub_objective", SubObjective, locale)),
    }
    entities = {
        (kind, obj.pk): obj
        for kind, ids in ids_by_kind.items()
        for obj in loaders[kind].filter(pk__in=ids)
    }
    hits = []
    for key, hit in ranked:
        hit.entity = entities.get(key)
        if hit.entity is not None:
            if hit.kind == "note_section":
                hit.snippet = note_snippet(hit.entity.text, terms)
            hits.append(hit)
    # A sub-objective, topic or note hit leads to a study screen: it says how many questions
    # wait there.
    question_counts_attach(
        [_hit_sub_objective(hit) for hit in hits if hit.kind not in ("domain", "objective")],
        locale,
    )
    # Equal ranks in the blueprint's natural order (2.2.6 before 2.2.10).
    hits.sort(key=lambda h: (-h.rank, h.kind, code_sort_key(_hit_code(h))))
    return hits


def _hit_sub_objective(hit: SearchHit) -> Any:
    if hit.kind == "sub_objective":
        return hit.entity
    if hit.kind == "note_section":
        return hit.entity.note.sub_objective
    return hit.entity.sub_objective


def _hit_code(hit: SearchHit) -> str:
    return str(_hit_sub_objective(hit).code if hit.kind == "note_section" else hit.entity.code)


_WORD = re.compile(r"\w+")


def note_snippet(text: str, terms: list[str], words: int = SNIPPET_WORDS) -> str:
    """The passage of a note's section around the first word that matches a search term,
    about `words` words long, with "…" where it was cut."""
    spans = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    first = next(
        (n for n, (_, _, word) in enumerate(spans) if any(t in word for t in terms)),
        0,
    )
    start = max(0, first - words // 3)
    end = min(len(spans), start + words)
    start = max(0, min(start, end - words))
    if not spans:
        return ""
    begin = 0 if start == 0 else spans[start][0]
    finish = len(text) if end == len(spans) else spans[end - 1][1]
    snippet = text[begin:finish].strip()
    return ("…" if begin else "") + snippet + ("…" if finish < len(text) else "")


def glossary_search(*, exam_code: str, q: str, locale: str) -> list[tuple[GlossaryEntry, int]]:
    """The glossary, filtered by acronym, expansion or explanation in either language.
    Exact acronym first, then acronym prefix, then other matches, then alphabetical."""
    exam = exam_get(code=exam_code)
    entries = list(
        GlossaryEntry.objects.filter(exam=exam, retired_at__isnull=True)
        .prefetch_related("translations")
        .order_by("position")
    )
    terms = fold(q).split()
    if not terms:
        return [(e, 3) for e in entries]
    results = []
    for entry in entries:
        acronym = fold(entry.acronym)
        haystack = " ".join(
            [acronym, fold(entry.expansion_en)]
            + [fold(f"{t.expansion} {t.explanation}") for t in entry.translations.all()]
        )
        if not all(t in haystack for t in terms):
            continue
        phrase = " ".join(terms)
        if acronym == phrase or acronym.replace(" ", "") == phrase.replace(" ", ""):
            tier = 0
        elif acronym.startswith(phrase):
            tier = 1
        elif any(w.startswith(terms[0]) for w in fold(entry.expansion_en).split()):
            tier = 2
        else:
            tier = 3
        results.append((entry, tier))
    results.sort(key=lambda pair: (pair[1], pair[0].position))
    return results


# --- Study notes --------------------------------------------------------------------------------


def study_note_get(*, exam_code: str, code: str, locale: str) -> tuple[SubObjective, StudyNote]:
    """A sub-objective's note in `locale`, else in English, with its sections; the same for every
    reader. Five queries: the exam, the sub-objective, its titles, its notes, their sections."""
    exam = exam_get(code=exam_code)
    sub = (
        SubObjective.objects.filter(exam=exam, code=code, retired_at__isnull=True)
        .prefetch_related(translations_prefetch(SubObjective, locale))
        .first()
    )
    if sub is None:
        raise NotFound(_("Unknown sub-objective %(code)s.") % {"code": code})
    notes = {
        note.locale: note
        for note in StudyNote.objects.filter(
            sub_objective=sub, locale__in=_translations(locale), retired_at__isnull=True
        ).prefetch_related("sections")
    }
    note = notes.get(locale) or notes.get(FALLBACK_LOCALE)
    if note is None:
        raise NotFound(_("Sub-objective %(code)s has no study note yet.") % {"code": code})
    return sub, note


@dataclass
class NotesReport:
    """What the study notes cover, per language."""

    sub_objectives: int
    topics: int
    notes: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    topics_named: Counter[str] = field(default_factory=Counter)
    untitled_named: Counter[str] = field(default_factory=Counter)
    untitled: int = 0
    glossary_links: Counter[str] = field(default_factory=Counter)
    glossary_acronyms: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)
    topics_not_named: list[str] = field(default_factory=list)

    @property
    def total_notes(self) -> int:
        return sum(self.notes.values())

    @property
    def average_words(self) -> int:
        return round(sum(self.words.values()) / self.total_notes) if self.total_notes else 0

    def lines(self) -> list[str]:
        lines = [
            f"notes written: {self.total_notes} "
            f"({', '.join(f'{loc} {self.notes[loc]}' for loc in LOCALES)}) "
            f"for {self.sub_objectives} sub-objectives",
            f"average length: {self.average_words} words",
        ]
        for loc in LOCALES:
            lines.append(
                f"topics covered ({loc}): {self.topics_named[loc]}/{self.topics}"
                + (
                    f", sub-objectives without topics naming their title: "
                    f"{self.untitled_named[loc]}/{self.untitled}"
                    if self.untitled
                    else ""
                )
            )
        lines.append(
            f"glossary links: {sum(self.glossary_links.values())} "
            f"({', '.join(f'{loc} {self.glossary_links[loc]}' for loc in LOCALES)}), "
            f"{len(self.glossary_acronyms)} distinct acronyms"
        )
        lines += [f"missing: {m}" for m in self.missing]
        lines += [f"topic not named: {t}" for t in self.topics_not_named]
        return lines


def notes_report(*, exam_code: str) -> NotesReport:
    """The figures of the loaded notes (the same rule as the notes' tests: a topic counts when
    its catalog wording appears in its note, case- and accent-insensitive). Four queries."""
    exam = exam_get(code=exam_code)
    subs = dict(
        SubObjective.objects.filter(exam=exam, retired_at__isnull=True).values_list("pk", "code")
    )
    topics: dict[int, list[tuple[str, str, str]]] = {pk: [] for pk in subs}
    for sub_id, topic_code, loc, title in TopicTranslation.objects.filter(
        topic__sub_objective_id__in=subs, topic__retired_at__isnull=True, locale__in=LOCALES
    ).values_list("topic__sub_objective_id", "topic__code", "locale", "title"):
        topics[sub_id].append((topic_code, loc, title))
    titles = {
        (sub_id, loc): title
        for sub_id, loc, title in SubObjectiveTranslation.objects.filter(
            sub_objective_id__in=subs
        ).values_list("sub_objective_id", "locale", "title")
    }
    notes = {
        (sub_id, loc): (markdown, words, links)
        for sub_id, loc, markdown, words, links in StudyNote.objects.filter(
            sub_objective_id__in=subs, retired_at__isnull=True
        ).values_list("sub_objective_id", "locale", "markdown", "word_count", "glossary_links")
    }
    report = NotesReport(
        sub_objectives=len(subs), topics=sum(len(t) for t in topics.values()) // len(LOCALES)
    )
    report.untitled = sum(1 for t in topics.values() if not t)
    for sub_id, code in sorted(subs.items(), key=lambda item: code_sort_key(item[1])):
        for loc in LOCALES:
            note = notes.get((sub_id, loc))
            if note is None:
                report.missing.append(f"{loc}/{code}.md")
                continue
            markdown, words, links = note
            report.notes[loc] += 1
            report.words[loc] += words
            report.glossary_links[loc] += len(links)
            report.glossary_acronyms.update(links)
            for topic_code, topic_loc, title in topics[sub_id]:
                if topic_loc != loc:
                    continue
                if note_names(markdown, title):
                    report.topics_named[loc] += 1
                else:
                    report.topics_not_named.append(f"{loc} {topic_code} {title!r}")
            title = titles.get((sub_id, loc), "").split(" (")[0]
            if not topics[sub_id] and note_names(markdown, title):
                report.untitled_named[loc] += 1
    return report
