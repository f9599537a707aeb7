"""Teachers and admins edit titles, topics and translations inline. Structure (codes, order,
weights) comes from the content files and the importer, so it is read-only here."""

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from .models import (
    CatalogEntry,
    Domain,
    DomainTranslation,
    Exam,
    ExamTranslation,
    GlossaryEntry,
    GlossaryTranslation,
    Objective,
    ObjectiveTranslation,
    SubObjective,
    SubObjectiveTranslation,
    Topic,
    TopicTranslation,
    Translation,
)
from .services import catalog_changed

# django-stubs makes these classes generic, Django does not: subscript them for mypy only.
# The shared bases serve several models: typed with their common (abstract) model.
if TYPE_CHECKING:
    _TranslationInlineBase = admin.TabularInline[Translation, Model]
    _TopicInlineBase = admin.TabularInline[Topic, SubObjective]
    _CatalogAdminBase = admin.ModelAdmin[CatalogEntry]
    _GlossaryEntryAdminBase = admin.ModelAdmin[GlossaryEntry]
else:
    _TranslationInlineBase = _TopicInlineBase = admin.TabularInline
    _CatalogAdminBase = _GlossaryEntryAdminBase = admin.ModelAdmin


class TranslationInline(_TranslationInlineBase):
    extra = 0
    max_num = 2
    min_num = 1


class ExamTranslationInline(TranslationInline):
    model = ExamTranslation


class DomainTranslationInline(TranslationInline):
    model = DomainTranslation


class ObjectiveTranslationInline(TranslationInline):
    model = ObjectiveTranslation


class SubObjectiveTranslationInline(TranslationInline):
    model = SubObjectiveTranslation


class TopicInline(_TopicInlineBase):
    model = Topic
    extra = 0
    fields = ("code", "position", "retired_at")
    readonly_fields = ("code", "position", "retired_at")
    show_change_link = True
    can_delete = False


class TopicTranslationInline(TranslationInline):
    model = TopicTranslation


class GlossaryTranslationInline(TranslationInline):
    model = GlossaryTranslation


class CatalogAdmin(_CatalogAdminBase):
    """Nothing here is ever deleted: learner history points at it (retire it in the content file)."""

    search_fields = ["code", "translations__title"]
    list_filter = ["retired_at"]
    readonly_fields = ["code", "position", "retired_at", "created_at", "updated_at"]

    def has_delete_permission(self, request: HttpRequest, obj: CatalogEntry | None = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        exam = form.instance if isinstance(form.instance, Exam) else form.instance.exam
        catalog_changed(exam=exam)


@admin.register(Exam)
class ExamAdmin(CatalogAdmin):
    list_display = ("code", "vendor", "objectives_document_version", "retired_at")
    search_fields = ["code", "translations__name"]
    inlines = (ExamTranslationInline,)


@admin.register(Domain)
class DomainAdmin(CatalogAdmin):
    list_display = ("code", "exam", "weight_percent", "retired_at")
    readonly_fields = [*CatalogAdmin.readonly_fields, "exam", "weight_percent"]
    inlines = (DomainTranslationInline,)


@admin.register(Objective)
class ObjectiveAdmin(CatalogAdmin):
    list_display = ("code", "exam", "scenario_based", "retired_at")
    list_filter = ["scenario_based", "retired_at"]
    readonly_fields = [*CatalogAdmin.readonly_fields, "exam", "domain"]
    inlines = (ObjectiveTranslationInline,)


@admin.register(SubObjective)
class SubObjectiveAdmin(CatalogAdmin):
    list_display = ("code", "exam", "retired_at")
    readonly_fields = [*CatalogAdmin.readonly_fields, "exam", "objective"]
    inlines = (SubObjectiveTranslationInline, TopicInline)


@admin.register(Topic)
class TopicAdmin(CatalogAdmin):
    list_display = ("code", "exam", "retired_at")
    readonly_fields = [*CatalogAdmin.readonly_fields, "exam", "sub_objective"]
    inlines = (TopicTranslationInline,)


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(_GlossaryEntryAdminBase):
    list_display = ("acronym", "expansion_en", "exam", "retired_at")
    search_fields = ("acronym", "expansion_en", "translations__expansion")
    readonly_fields = ("exam", "acronym", "expansion_en", "position", "retired_at")
    inlines = (GlossaryTranslationInline,)

    def has_delete_permission(self, request: HttpRequest, obj: GlossaryEntry | None = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
