"""The review queue for teachers and admins: questions with their reports, approve / reject /
retire, and edits that go through the versioning service."""

from typing import TYPE_CHECKING, Any, cast

from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from savoir.accounts.models import User

from .models import Choice, Question, QuestionReport, Status
from .services import ChoiceData, question_revise, question_set_status

# django-stubs makes these classes generic, Django does not: subscript them for mypy only.
if TYPE_CHECKING:
    _ChoiceInlineBase = admin.TabularInline[Choice, Question]
    _ReportInlineBase = admin.TabularInline[QuestionReport, Question]
    _QuestionAdminBase = admin.ModelAdmin[Question]
    _QuestionReportAdminBase = admin.ModelAdmin[QuestionReport]
else:
    _ChoiceInlineBase = _ReportInlineBase = admin.TabularInline
    _QuestionAdminBase = _QuestionReportAdminBase = admin.ModelAdmin


class ChoiceInline(_ChoiceInlineBase):
    model = Choice
    extra = 0
    fields = ("position", "text", "is_correct", "explanation")


class ReportInline(_ReportInlineBase):
    model = QuestionReport
    extra = 0
    fields = ("reason", "comment", "user", "answered_before_report", "state", "created_at")
    readonly_fields = ("reason", "comment", "user", "answered_before_report", "created_at")
    can_delete = False


@admin.register(Question)
class QuestionAdmin(_QuestionAdminBase):
    list_display = (
        "id",
        "short_stem",
        "language",
        "sub_objective",
        "difficulty",
        "source",
        "status",
        "version",
        "open_reports",
    )
    list_filter = ("status", "source", "language", "difficulty")
    search_fields = ("stem", "group__key", "sub_objective__code")
    readonly_fields = (
        "group",
        "version",
        "source",
        "author",
        "generation_run_id",
        "created_at",
        "updated_at",
    )
    raw_id_fields = ("sub_objective", "topic")
    inlines = (ChoiceInline, ReportInline)
    actions = ("approve", "reject", "retire")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                open_report_count=Count(
                    "reports", filter=Q(reports__state=QuestionReport.State.OPEN)
                )
            )
            .select_related("sub_objective")
        )

    @admin.display(description=_("stem"))
    def short_stem(self, obj: Question) -> str:
        return obj.stem[:90]

    @admin.display(description=_("open reports"), ordering="open_report_count")
    def open_reports(self, obj: Question) -> int:
        count: int = obj.open_report_count  # type: ignore[attr-defined]  # from get_queryset
        return count

    def has_delete_permission(self, request: HttpRequest, obj: Question | None = None) -> bool:
        return False  # answers point at questions: retire instead

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Edits go through question_revise: an answered question gets a new version."""
        if not change:
            return super().save_related(request, form, formsets, change)
        question = form.instance
        choice_forms = [
            f
            for fs in formsets
            if fs.model is Choice
            for f in fs.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        choices = [
            ChoiceData(
                f.cleaned_data["text"], f.cleaned_data["is_correct"], f.cleaned_data["explanation"]
            )
            for f in sorted(choice_forms, key=lambda f: f.cleaned_data["position"])
        ]
        for formset in formsets:
            if formset.model is QuestionReport:
                formset.save()
        original = Question.objects.get(pk=question.pk)
        revised = question_revise(
            question=original,
            editor=cast(User, request.user),  # the admin site lets only signed-in staff in
            stem=question.stem,
            explanation=question.explanation,
            difficulty=question.difficulty,
            choices=choices,
            topic=question.topic,
        )
        if revised.pk != original.pk:
            messages.info(
                request,
                _("Learners had answered this question: the edit is saved as version %(v)s.")
                % {"v": revised.version},
            )
        return None

    def _set_status(
        self, request: HttpRequest, queryset: QuerySet[Question], status: str, note: str = ""
    ) -> None:
        for question in queryset:
            question_set_status(
                question=question,
                editor=cast(User, request.user),  # the admin site lets only signed-in staff in
                status=status,
                note=note,
            )

    @admin.action(description=_("Approve the selected questions"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        self._set_status(request, queryset, Status.APPROVED)

    @admin.action(description=_("Reject the selected questions"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        self._set_status(
            request, queryset, Status.REJECTED, note=str(_("Rejected from the review queue."))
        )

    @admin.action(description=_("Retire the selected questions"))
    def retire(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        self._set_status(request, queryset, Status.RETIRED)


@admin.register(QuestionReport)
class QuestionReportAdmin(_QuestionReportAdminBase):
    list_display = (
        "id",
        "question",
        "reason",
        "comment",
        "answered_before_report",
        "state",
        "created_at",
    )
    list_filter = ("state", "reason")
    search_fields = ("comment", "question__stem")
    readonly_fields = (
        "question",
        "user",
        "reason",
        "comment",
        "answered_before_report",
        "created_at",
        "resolved_by",
        "resolved_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
