from django.contrib import admin

from .models import GenerationRun, RejectedItem, RunQuestion


class RunQuestionInline(admin.TabularInline):
    model = RunQuestion
    extra = 0
    raw_id_fields = ("question",)
    can_delete = False


class RejectedItemInline(admin.TabularInline):
    model = RejectedItem
    extra = 0
    fields = ("reason", "detail", "payload")
    readonly_fields = ("reason", "detail", "payload")
    can_delete = False


@admin.register(GenerationRun)
class GenerationRunAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False
