"""The certification blueprint: exam -> domains -> objectives -> sub-objectives -> topics.

Text lives in one translation table per entity (entity, locale, fields), so a language can be
added without a migration and a missing translation can fall back to English. Entries that
learner history points to are never deleted: an entry dropped from the blueprint is retired.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

LOCALES = ("en", "fr")
FALLBACK_LOCALE = "en"


# Shared-cache key of the catalog's current revision (services.catalog_changed sets it).
CATALOG_REVISION_KEY = "catalog:revision"


class Locale(models.TextChoices):
    EN = "en", "English"
    FR = "fr", "Français"


class CatalogEntry(models.Model):
    code = models.CharField(max_length=20)
    position = models.PositiveIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ("position",)

    def __str__(self) -> str:
        return self.code

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Exam(CatalogEntry):
    vendor = models.CharField(max_length=100)
    objectives_document_version = models.CharField(max_length=20, blank=True, default="")
    max_questions = models.PositiveSmallIntegerField()
    duration_minutes = models.PositiveSmallIntegerField()
    passing_score = models.PositiveSmallIntegerField()
    score_min = models.PositiveSmallIntegerField()
    score_max = models.PositiveSmallIntegerField()
    # Fingerprint of the imported content; the tree's ETag is derived from it.
    content_hash = models.CharField(max_length=64, blank=True, default="")

    class Meta(CatalogEntry.Meta):
        constraints = [models.UniqueConstraint(fields=["code"], name="catalog_exam_code_unique")]


class Domain(CatalogEntry):
    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="domains")
    weight_percent = models.PositiveSmallIntegerField()

    class Meta(CatalogEntry.Meta):
        constraints = [
            models.UniqueConstraint(fields=["exam", "code"], name="catalog_domain_code_unique")
        ]


class Objective(CatalogEntry):
    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="+")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="objectives")
    scenario_based = models.BooleanField(default=False)

    class Meta(CatalogEntry.Meta):
        constraints = [
            models.UniqueConstraint(fields=["exam", "code"], name="catalog_objective_code_unique")
        ]


class SubObjective(CatalogEntry):
    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="+")
    objective = models.ForeignKey(
        Objective, on_delete=models.PROTECT, related_name="sub_objectives"
    )

    class Meta(CatalogEntry.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["exam", "code"], name="catalog_subobjective_code_unique"
            )
        ]


class Topic(CatalogEntry):
    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="+")
    sub_objective = models.ForeignKey(SubObjective, on_delete=models.PROTECT, related_name="topics")

    class Meta(CatalogEntry.Meta):
        constraints = [
            models.UniqueConstraint(fields=["exam", "code"], name="catalog_topic_code_unique")
        ]


class Translation(models.Model):
    locale = models.CharField(max_length=5, choices=Locale.choices)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.locale


class ExamTranslation(Translation):
    exam = models.ForeignKey(Exam, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exam", "locale"], name="catalog_exam_tr_unique")
        ]


class DomainTranslation(Translation):
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["domain", "locale"], name="catalog_domain_tr_unique")
        ]


class ObjectiveTranslation(Translation):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=300)
    verb = models.CharField(_("verb"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "locale"], name="catalog_objective_tr_unique"
            )
        ]


class SubObjectiveTranslation(Translation):
    sub_objective = models.ForeignKey(
        SubObjective, on_delete=models.CASCADE, related_name="translations"
    )
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sub_objective", "locale"], name="catalog_subobjective_tr_unique"
            )
        ]


class TopicTranslation(Translation):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "locale"], name="catalog_topic_tr_unique")
        ]


class GlossaryEntry(models.Model):
    """One official acronym and one of its meanings (some acronyms have several)."""

    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="glossary")
    acronym = models.CharField(max_length=30)
    expansion_en = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("position",)
        constraints = [
            models.UniqueConstraint(
                fields=["exam", "acronym", "expansion_en"], name="catalog_glossary_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.acronym} ({self.expansion_en})"


class GlossaryTranslation(Translation):
    entry = models.ForeignKey(GlossaryEntry, on_delete=models.CASCADE, related_name="translations")
    expansion = models.CharField(max_length=300)
    explanation = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "locale"], name="catalog_glossary_tr_unique")
        ]


class StudyNote(models.Model):
    """A sub-objective's study note in one language, from its Markdown file
    (content/notes/<exam>/<locale>/<code>.md). `html` is rendered and sanitized at load time;
    `content_hash` covers the file and the renderer, so an unchanged file is left untouched and an
    edited one becomes the next `version`. A note whose file is removed is retired."""

    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="+")
    sub_objective = models.ForeignKey(
        SubObjective, on_delete=models.PROTECT, related_name="study_notes"
    )
    locale = models.CharField(max_length=5, choices=Locale.choices)
    source_path = models.CharField(max_length=300)  # relative to the notes folder of the exam
    markdown = models.TextField()
    html = models.TextField()
    content_hash = models.CharField(max_length=64)
    version = models.PositiveIntegerField(default=1)
    word_count = models.PositiveIntegerField(default=0)
    glossary_links = models.JSONField(default=list)  # acronyms, in order, repeats included
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sub_objective", "locale"], name="catalog_studynote_unique"
            )
        ]

    def __str__(self) -> str:
        return self.source_path


class StudyNoteSection(models.Model):
    """One `##` section of a note (its stable anchor, heading and plain text), for search."""

    note = models.ForeignKey(StudyNote, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    anchor = models.CharField(max_length=120)
    heading = models.CharField(max_length=300)
    text = models.TextField()

    class Meta:
        ordering = ("position",)
        constraints = [
            models.UniqueConstraint(
                fields=["note", "position"], name="catalog_studynotesection_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.note} #{self.anchor}"


class SearchDocument(models.Model):
    """Flattened, accent-folded text of every catalog title and topic in every language, and of
    every study note's sections, rebuilt by the importers. One table to search on SQLite (LIKE) and PostgreSQL (full-text, GIN index)."""

    class Kind(models.TextChoices):
        DOMAIN = "domain"
        OBJECTIVE = "objective"
        SUB_OBJECTIVE = "sub_objective"
        TOPIC = "topic"
        NOTE_SECTION = "note_section"  # entity_id: a StudyNoteSection; only in its note's language

    exam = models.ForeignKey(Exam, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    entity_id = models.PositiveBigIntegerField()
    code = models.CharField(max_length=20)
    locale = models.CharField(max_length=5, choices=Locale.choices)
    text = models.TextField()  # lower-case, accents removed

    class Meta:
        indexes = [models.Index(fields=["exam", "kind", "entity_id"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.code} ({self.locale})"
