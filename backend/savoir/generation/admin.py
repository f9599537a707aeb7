from typing import TYPE_CHECKING

from django.contrib import admin
from django.http import HttpRequest

from .models import GenerationRun, RejectedItem, RunQuestion

# django-stubs makes these classes generic, Django does not: subscript them for mypy only.
if TYPE_CHECKING:
    _RunQuestionInlineBase = admin.TabularInline[RunQuestion, GenerationRun]
    _RejectedItemInlineBase = admin.TabularInline[RejectedItem, GenerationRun]
    _GenerationRunAdminBase = admin.ModelAdmin[GenerationRun]
else:
    _RunQuestionInlineBase = _RejectedItemInlineBase = admin.TabularInline
    _GenerationRunAdminBase = admin.ModelAdmin


class RunQuestionInline(_RunQuestionInlineBase):
    model = RunQuestion
    extra = 0
    raw_id_fields = ("question",)
    can_delete = False


class RejectedItemInline(_RejectedItemInlineBase):
    model = RejectedItem
    extra = 0
    fields = ("reason", "detail", "payload")
    readonly_fields = ("reason", "detail", "payload")
    can_delete = False


@admin.register(GenerationRun)
class GenerationRunAdmin(_GenerationRunAdminBase):
    """Runs with their cost, latency and errors, and the items the quality gate rejected."""

    list_display = (
        "id",
        "user",
        "sub_objective",
        "language",
        "status",
        "requested",
        "accepted",
        "rejected",
        "from_cache",
        "input_tokens",
        "output_tokens",
        "cost_estimate_usd",
        "latency_ms",
        "error_code",
        "created_at",
    )
    list_filter = ("status", "from_cache", "language", "error_code")
    readonly_fields = [f.name for f in GenerationRun._meta.fields]
    inlines = (RunQuestionInline, RejectedItemInline)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
