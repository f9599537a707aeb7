"""Catalog writes: importing the blueprint and the glossary from their content files."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone

from savoir.core.text import fold

from .content_format import CatalogFile, ContentError, GlossaryFile, parse
from .models import (
    CATALOG_REVISION_KEY,
    Domain,
    DomainTranslation,
    Exam,
    ExamTranslation,
    GlossaryEntry,
    GlossaryTranslation,
    Objective,
    ObjectiveTranslation,
    SearchDocument,
    StudyNote,
    StudyNoteSection,
    SubObjective,
    SubObjectiveTranslation,
    Topic,
    TopicTranslation,
)
from .note_format import ParsedNote, note_files, note_source_hash, parse_note


@dataclass
class ImportSummary:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    retired: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)

    def lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.retired))
        if not kinds:
            return ["no changes"]
        return [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, {self.retired[kind]} retired"
            for kind in kinds
        ]


class _Sync:
    """Upserts one kind of entity by key, counting what changed, in a few bulk queries."""

    def __init__(
        self,
        summary: ImportSummary,
        kind: str,
        queryset: models.QuerySet[Any],
        key: Callable[[Any], Any] = attrgetter("code"),
    ) -> None:
        self.summary = summary
        self.kind = kind
        self.model = queryset.model
        self.existing = {key(obj): obj for obj in queryset}
        self.seen: set[Any] = set()
        self.pending: list[models.Model] = []

    def flush(self) -> None:
        self.model.objects.bulk_create(self.pending)  # sets primary keys on SQLite and PostgreSQL
        self.pending = []

    def upsert(self, key_value: Any, identity: dict[str, Any], values: dict[str, Any]) -> Any:
        """Update in place, or stage a new row for flush() (one bulk insert per kind)."""
        self.seen.add(key_value)
        obj = self.existing.get(key_value)
        if obj is None:
            obj = self.model(**identity, **values)
            self.existing[key_value] = obj
            self.pending.append(obj)
            self.summary.created[self.kind] += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if getattr(obj, "retired_at", None) is not None:
            obj.retired_at = None
            changed.append("retired_at")
        if changed:
            for name in changed:
                if name != "retired_at":
                    setattr(obj, name, values[name])
            if hasattr(obj, "updated_at"):
                changed.append("updated_at")
            obj.save(update_fields=changed)
            self.summary.updated[self.kind] += 1
        return obj

    def retire_unseen(self) -> None:
        now = timezone.now()
        for key_value, obj in self.existing.items():
            if key_value not in self.seen and obj.retired_at is None:
                obj.retired_at = now
                obj.save(update_fields=["retired_at"])
                self.summary.retired[self.kind] += 1


class _TranslationSync:
    """Upserts translation rows (entity, locale) -> fields; a changed translation counts as an
    update of its entity kind."""

    def __init__(
        self,
        summary: ImportSummary,
        kind: str,
        model: type[models.Model],
        fk: str,
        entity_ids: list[int],
    ) -> None:
        self.summary = summary
        self.kind = kind
        self.model = model
        self.fk = fk
        self.existing = {
            (getattr(row, f"{fk}_id"), row.locale): row  # type: ignore[attr-defined]
            for row in model._default_manager.filter(**{f"{fk}_id__in": entity_ids})
        }
        self.to_create: list[models.Model] = []

    def upsert(
        self, entity: models.Model, locale: str, values: dict[str, str], *, counted: bool
    ) -> bool:
        row = self.existing.get((entity.pk, locale))
        if row is None:
            self.to_create.append(self.model(**{self.fk: entity, "locale": locale}, **values))
            return False
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.save(update_fields=changed)
            if counted:
                self.summary.updated[self.kind] += 1
            return True
        return False

    def flush(self) -> None:
        self.model._default_manager.bulk_create(self.to_create)


def _bilingual(pair: Any, name: str = "title") -> dict[str, dict[str, str]]:
    return {"en": {name: pair.en}, "fr": {name: pair.fr}}


@transaction.atomic
def catalog_import(*, data: Any, dry_run: bool = False) -> ImportSummary:
    """Validate the whole file first (ContentError otherwise, nothing written), then upsert by
    code; entries missing from the file are retired, never deleted. Idempotent."""
    catalog: CatalogFile = parse(CatalogFile, data)
    summary = ImportSummary()
    source = catalog.exam

    exams = _Sync(summary, "exams", Exam.objects.filter(code=source.code))
    exam = exams.upsert(
        source.code,
        {"code": source.code},
        {
            "vendor": source.vendor,
            "objectives_document_version": source.objectives_document_version,
            "max_questions": source.max_questions,
            "duration_minutes": source.duration_minutes,
            "passing_score": source.passing_score,
            "score_min": source.score_scale[0],
            "score_max": source.score_scale[1],
            "position": 0,
        },
    )
    exams.flush()
    exam_tr = _TranslationSync(summary, "exams", ExamTranslation, "exam", [exam.pk])
    for locale, values in _bilingual(source.name, "name").items():
        exam_tr.upsert(exam, locale, values, counted=True)
    exam_tr.flush()

    domains = _Sync(summary, "domains", Domain.objects.filter(exam=exam))
    objectives = _Sync(summary, "objectives", Objective.objects.filter(exam=exam))
    subs = _Sync(summary, "sub_objectives", SubObjective.objects.filter(exam=exam))
    topics = _Sync(summary, "topics", Topic.objects.filter(exam=exam))

    # Level by level, so each level is one bulk insert and children see their parents' keys.
    translations: list[tuple[str, models.Model, dict[str, dict[str, str]]]] = []
    for d_pos, d in enumerate(catalog.domains):
        domain = domains.upsert(
            d.code,
            {"code": d.code},
            {"exam": exam, "weight_percent": d.weight_percent, "position": d_pos},
        )
        translations.append(("domains", domain, _bilingual(d.title)))
    domains.flush()
    for d in catalog.domains:
        for o_pos, o in enumerate(d.objectives):
            objective = objectives.upsert(
                o.code,
                {"code": o.code},
                {
                    "exam": exam,
                    "domain": domains.existing[d.code],
                    "scenario_based": o.scenario_based,
                    "position": o_pos,
                },
            )
            translations.append(
                (
                    "objectives",
                    objective,
                    {
                        loc: {"title": getattr(o.title, loc), "verb": getattr(o.verb, loc)}
                        for loc in ("en", "fr")
                    },
                )
            )
    objectives.flush()
    for d in catalog.domains:
        for o in d.objectives:
            for s_pos, s in enumerate(o.sub_objectives):
                sub = subs.upsert(
                    s.code,
                    {"code": s.code},
                    {"exam": exam, "objective": objectives.existing[o.code], "position": s_pos},
                )
                translations.append(("sub_objectives", sub, _bilingual(s.title)))
    subs.flush()
    for d in catalog.domains:
        for o in d.objectives:
            for s in o.sub_objectives:
                for t_pos, t in enumerate(s.topics):
                    topic = topics.upsert(
                        t.code,
                        {"code": t.code},
                        {"exam": exam, "sub_objective": subs.existing[s.code], "position": t_pos},
                    )
                    translations.append(
                        ("topics", topic, {"en": {"title": t.en}, "fr": {"title": t.fr}})
                    )
    topics.flush()
    for sync in (topics, subs, objectives, domains):
        sync.retire_unseen()

    models_by_kind = {
        "domains": (DomainTranslation, "domain"),
        "objectives": (ObjectiveTranslation, "objective"),
        "sub_objectives": (SubObjectiveTranslation, "sub_objective"),
        "topics": (TopicTranslation, "topic"),
    }
    syncs = {
        kind: _TranslationSync(
            summary, kind, model, fk, [e.pk for k, e, _ in translations if k == kind]
        )
        for kind, (model, fk) in models_by_kind.items()
    }
    for kind, entity, by_locale in translations:
        changed = False
        for locale, values in by_locale.items():
            changed |= syncs[kind].upsert(entity, locale, values, counted=False)
        if changed:
            summary.updated[kind] += 1
    for translation_sync in syncs.values():
        translation_sync.flush()

    if summary.changed or not SearchDocument.objects.filter(exam=exam).exists():
        catalog_changed(exam=exam)
    if dry_run:
        transaction.set_rollback(True)
    return summary


def catalog_changed(*, exam: Exam) -> None:
    """After an import or an admin edit: search documents from the new titles, and a new catalog
    revision once committed, so that every process drops outlines it keeps in memory."""
    search_index_rebuild(exam=exam)
    catalog_revision_publish()


def catalog_revision_publish() -> None:
    """A new catalog revision once the current transaction commits: the one signal by which
    every process drops what it keeps in memory from the catalog and the bank (the dashboard's
    outlines, the answer keys; docs/architecture.md, "Caches that live in a process")."""
    transaction.on_commit(lambda: cache.set(CATALOG_REVISION_KEY, uuid.uuid4().hex, None))


def search_index_rebuild(*, exam: Exam) -> int:
    """Rewrite the exam's search documents from the current titles (after an import or an edit)."""
    SearchDocument.objects.filter(exam=exam).delete()
    sources: list[tuple[str, type[models.Model], str]] = [
        (SearchDocument.Kind.DOMAIN, DomainTranslation, "domain"),
        (SearchDocument.Kind.OBJECTIVE, ObjectiveTranslation, "objective"),
        (SearchDocument.Kind.SUB_OBJECTIVE, SubObjectiveTranslation, "sub_objective"),
        (SearchDocument.Kind.TOPIC, TopicTranslation, "topic"),
    ]
    documents = []
    for kind, model, fk in sources:
        rows = model._default_manager.filter(
            **{f"{fk}__exam": exam, f"{fk}__retired_at__isnull": True}
        ).values_list(f"{fk}_id", f"{fk}__code", "locale", "title")
        documents += [
            SearchDocument(
                exam=exam,
                kind=kind,
                entity_id=entity_id,
                code=code,
                locale=locale,
                text=fold(title),
            )
            for entity_id, code, locale, title in rows
        ]
    sections = StudyNoteSection.objects.filter(
        note__exam=exam,
        note__retired_at__isnull=True,
        note__sub_objective__retired_at__isnull=True,
    ).values_list("pk", "note__sub_objective__code", "note__locale", "heading", "text")
    documents += [
        SearchDocument(
            exam=exam,
            kind=SearchDocument.Kind.NOTE_SECTION,
            entity_id=section_id,
            code=code,
            locale=locale,
            text=fold(f"{heading} {text}"),
        )
        for section_id, code, locale, heading, text in sections
    ]
    SearchDocument.objects.bulk_create(documents, batch_size=500)
    return len(documents)


@transaction.atomic
def glossary_import(*, data: Any, dry_run: bool = False) -> ImportSummary:
    glossary: GlossaryFile = parse(GlossaryFile, data)
    summary = ImportSummary()
    exam = Exam.objects.filter(code=glossary.exam_code).first()
    if exam is None:
        raise ContentError(
            [f"exam_code: exam {glossary.exam_code} is not in the catalog; import it first"]
        )
    entries = _Sync(
        summary,
        "glossary",
        GlossaryEntry.objects.filter(exam=exam),
        key=attrgetter("acronym", "expansion_en"),
    )
    pending: list[tuple[GlossaryEntry, dict[str, dict[str, str]]]] = []
    for position, item in enumerate(glossary.entries):
        entry = entries.upsert(
            (item.acronym, item.expansion_en),
            {"exam": exam, "acronym": item.acronym, "expansion_en": item.expansion_en},
            {"position": position},
        )
        pending.append(
            (
                entry,
                {
                    "en": {"expansion": item.expansion_en, "explanation": item.explanation_en},
                    "fr": {"expansion": item.expansion_fr, "explanation": item.explanation_fr},
                },
            )
        )
    entries.flush()
    entries.retire_unseen()
    glossary_tr = _TranslationSync(
        summary, "glossary", GlossaryTranslation, "entry", [e.pk for e, _ in pending]
    )
    for entry, by_locale in pending:
        changed = False
        for locale, values in by_locale.items():
            changed |= glossary_tr.upsert(entry, locale, values, counted=False)
        if changed:
            summary.updated["glossary"] += 1
    glossary_tr.flush()
    if dry_run:
        transaction.set_rollback(True)
    return summary


def _notes_read(
    *, exam: Exam, directory: Path
) -> tuple[dict[tuple[str, str], ParsedNote], dict[tuple[str, str], str]]:
    """Every note file of the folder, checked and rendered; ContentError naming each bad file."""
    files, errors = note_files(directory)
    subs = set(
        SubObjective.objects.filter(exam=exam, retired_at__isnull=True).values_list(
            "code", flat=True
        )
    )
    glossary = set(
        GlossaryEntry.objects.filter(exam=exam, retired_at__isnull=True).values_list(
            "acronym", flat=True
        )
    )
    parsed: dict[tuple[str, str], ParsedNote] = {}
    paths: dict[tuple[str, str], str] = {}
    for (locale, code), path in files.items():
        label = f"{locale}/{path.name}"
        if code not in subs:
            errors.append(f"{label}: {code} is not a sub-objective of {exam.code}")
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append(f"{label}: not UTF-8 text")
            continue
        note = parse_note(locale=locale, code=code, source=source, glossary=glossary, label=label)
        errors += note.errors
        parsed[(locale, code)] = note
        paths[(locale, code)] = label
    if errors:
        raise ContentError(errors)
    return parsed, paths


@transaction.atomic
def notes_import(*, exam_code: str, directory: Path, dry_run: bool = False) -> ImportSummary:
    """Load the study notes of one exam from `directory` (<locale>/<code>.md). Every file is
    checked first (ContentError naming each file and line, nothing written); then a note whose
    file changed is rendered again as its next version, an unchanged one is left untouched, and
    a note whose file is gone is retired. Idempotent."""
    exam = Exam.objects.filter(code=exam_code, retired_at__isnull=True).first()
    if exam is None:
        raise ContentError([f"exam {exam_code} is not in the catalog; import it first"])
    parsed, paths = _notes_read(exam=exam, directory=directory)
    summary = ImportSummary()
    existing = {
        (note.locale, note.sub_objective.code): note
        for note in StudyNote.objects.filter(exam=exam).select_related("sub_objective")
    }
    sub_ids = dict(
        SubObjective.objects.filter(exam=exam, retired_at__isnull=True).values_list("code", "pk")
    )
    changed: list[tuple[StudyNote, ParsedNote]] = []
    for key, note in sorted(parsed.items()):
        content_hash = note_source_hash(note.source)
        values = {
            "source_path": paths[key],
            "markdown": note.source,
            "html": note.html,
            "content_hash": content_hash,
            "word_count": note.word_count,
            "glossary_links": note.glossary_links,
        }
        row = existing.get(key)
        if row is None:
            row = StudyNote.objects.create(
                exam=exam, sub_objective_id=sub_ids[note.code], locale=note.locale, **values
            )
            summary.created["notes"] += 1
            changed.append((row, note))
            continue
        if row.content_hash == content_hash and row.retired_at is None:
            continue
        if row.content_hash != content_hash:
            for name, value in values.items():
                setattr(row, name, value)
            row.version += 1
            changed.append((row, note))
        row.retired_at = None
        row.save()
        summary.updated["notes"] += 1
    now = timezone.now()
    for key, row in existing.items():
        if key not in parsed and row.retired_at is None:
            row.retired_at = now
            row.save(update_fields=["retired_at", "updated_at"])
            summary.retired["notes"] += 1
    if changed:
        StudyNoteSection.objects.filter(note__in=[row for row, _ in changed]).delete()
        StudyNoteSection.objects.bulk_create(
            [
                StudyNoteSection(
                    note=row, position=n, anchor=s.anchor, heading=s.heading, text=s.text
                )
                for row, note in changed
                for n, s in enumerate(note.sections)
            ],
            batch_size=500,
        )
    if summary.changed:
        search_index_rebuild(exam=exam)
    if dry_run:
        transaction.set_rollback(True)
    return summary
