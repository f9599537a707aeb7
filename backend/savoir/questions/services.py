"""Writes to the question bank: create, revise (versioning), moderate, report, import."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from savoir.accounts.models import Role, User
from savoir.catalog.models import SubObjective, Topic
from savoir.core.errors import NotFound, PermissionDenied, ValidationFailed

from .content_format import BankFile, ContentError, parse
from .models import (
    MAX_CHOICES,
    MIN_CHOICES,
    Choice,
    Question,
    QuestionGroup,
    QuestionReport,
    Source,
    Status,
)
from .selectors import question_cache_invalidate


@dataclass(frozen=True)
class ChoiceData:
    text: str
    is_correct: bool
    explanation: str


def _validate(*, stem: str, explanation: str, difficulty: int, choices: list[ChoiceData]) -> None:
    errors: dict[str, list[str]] = {}
    if not stem.strip():
        errors["stem"] = [_("The question needs a stem.")]
    if not explanation.strip():
        errors["explanation"] = [_("The question needs an explanation.")]
    if not 1 <= difficulty <= 5:
        errors["difficulty"] = [_("Difficulty goes from 1 to 5.")]
    choice_errors = []
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        choice_errors.append(_("A question has between 3 and 5 choices."))
    if sum(1 for c in choices if c.is_correct) != 1:
        choice_errors.append(_("Exactly one choice must be correct."))
    texts = [c.text.strip().casefold() for c in choices]
    if any(not t for t in texts):
        choice_errors.append(_("Every choice needs a text."))
    if len(set(texts)) != len(texts):
        choice_errors.append(_("Two choices have the same text."))
    if any(not c.explanation.strip() for c in choices):
        choice_errors.append(_("Every choice needs an explanation."))
    if choice_errors:
        errors["choices"] = choice_errors
    if errors:
        raise ValidationFailed(fields=errors)


def _require_editor(user: User | None) -> None:
    if user is not None and user.role not in {Role.TEACHER, Role.ADMIN}:
        raise PermissionDenied(_("Only teachers and administrators can edit questions."))


@transaction.atomic
def question_create(
    *,
    sub_objective: SubObjective,
    language: str,
    stem: str,
    explanation: str,
    difficulty: int,
    choices: list[ChoiceData],
    source: str = Source.MANUAL,
    status: str = Status.DRAFT,
    author: User | None = None,
    group: QuestionGroup | None = None,
    topic: Topic | None = None,
    generation_run_id: Any = None,
    version: int = 1,
) -> Question:
    _validate(stem=stem, explanation=explanation, difficulty=difficulty, choices=choices)
    if topic is not None and topic.sub_objective_id != sub_objective.pk:
        raise ValidationFailed(fields={"topic": [_("The topic belongs to another sub-objective.")]})
    question = Question.objects.create(
        group=group or QuestionGroup.objects.create(),
        version=version,
        language=language,
        sub_objective=sub_objective,
        topic=topic,
        stem=stem.strip(),
        explanation=explanation.strip(),
        difficulty=difficulty,
        source=source,
        status=status,
        author=author,
        generation_run_id=generation_run_id,
    )
    _choices_create(question, choices)
    return question


def _choices_create(question: Question, choices: list[ChoiceData]) -> None:
    Choice.objects.bulk_create(
        Choice(
            question=question,
            position=n,
            text=c.text.strip(),
            is_correct=c.is_correct,
            explanation=c.explanation.strip(),
        )
        for n, c in enumerate(choices)
    )


def _same_content(
    question: Question, stem: str, explanation: str, difficulty: int, choices: list[ChoiceData]
) -> bool:
    current = [(c.text, c.is_correct, c.explanation) for c in question.choices.all()]
    wanted = [(c.text.strip(), c.is_correct, c.explanation.strip()) for c in choices]
    return (
        question.stem == stem.strip()
        and question.explanation == explanation.strip()
        and question.difficulty == difficulty
        and current == wanted
    )


@transaction.atomic
def question_revise(
    *,
    question: Question,
    editor: User | None,
    stem: str,
    explanation: str,
    difficulty: int,
    choices: list[ChoiceData],
    topic: Topic | None = None,
) -> Question:
    """Edit a question. Once learners have answered it, the answered row stays as it was (their
    history keeps pointing at what they saw) and the edit becomes the next version."""
    _require_editor(editor)
    _validate(stem=stem, explanation=explanation, difficulty=difficulty, choices=choices)
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Status.RETIRED:
        raise ValidationFailed(_("A retired question cannot be edited; edit its latest version."))
    if _same_content(question, stem, explanation, difficulty, choices) and topic == question.topic:
        return question
    if question.answers.exists():
        successor = question_create(
            sub_objective=question.sub_objective,
            language=question.language,
            stem=stem,
            explanation=explanation,
            difficulty=difficulty,
            choices=choices,
            source=question.source,
            status=question.status,
            author=editor or question.author,
            group=question.group,
            topic=topic if topic is not None else question.topic,
            generation_run_id=question.generation_run_id,
            version=question.version + 1,
        )
        question.status = Status.RETIRED
        question.save(update_fields=["status", "updated_at"])
        return successor
    question.stem, question.explanation, question.difficulty = (
        stem.strip(),
        explanation.strip(),
        difficulty,
    )
    if topic is not None:
        question.topic = topic
    question.save()
    question.choices.all().delete()
    question_cache_invalidate(question.pk)  # bulk_create below sends no post_save
    _choices_create(question, choices)
    return question


def question_set_status(
    *, question: Question, editor: User, status: str, note: str = ""
) -> Question:
    """Approve, reject or retire. Approving makes a question count everywhere."""
    _require_editor(editor)
    if status not in {Status.APPROVED, Status.REJECTED, Status.RETIRED, Status.PENDING_REVIEW}:
        raise ValidationFailed(fields={"status": [_("Unknown status.")]})
    if status == Status.REJECTED and not note.strip():
        raise ValidationFailed(fields={"note": [_("Say why the question is rejected.")]})
    question.status = status
    question.review_note = note.strip()
    question.save(update_fields=["status", "review_note", "updated_at"])
    return question


def report_create(*, user: User, question_id: int, reason: str, comment: str) -> QuestionReport:
    """Learners may report a question before or after answering it."""
    question = Question.objects.filter(
        pk=question_id, status__in=(Status.APPROVED, Status.PENDING_REVIEW)
    ).first()
    if question is None:
        raise NotFound(_("This question does not exist."))
    answered = question.answers.filter(user=user).exists()
    return QuestionReport.objects.create(
        question=question,
        user=user,
        reason=reason,
        comment=comment.strip(),
        answered_before_report=answered,
    )


def report_resolve(
    *, report: QuestionReport, editor: User, dismissed: bool = False
) -> QuestionReport:
    _require_editor(editor)
    report.state = QuestionReport.State.DISMISSED if dismissed else QuestionReport.State.RESOLVED
    report.resolved_by = editor
    report.resolved_at = timezone.now()
    report.save(update_fields=["state", "resolved_by", "resolved_at"])
    return report


# --- The shipped starter bank -----------------------------------------------------------------------


@transaction.atomic
def bank_import(*, data: Any, dry_run: bool = False) -> Counter[str]:
    """Upsert the starter bank by question key and language: new questions are created approved,
    changed ones revised (a new version when already answered), unchanged ones left alone."""
    bank: BankFile = parse(BankFile, data)
    subs = {s.code: s for s in SubObjective.objects.filter(exam__code=bank.exam_code)}
    topics = {t.code: t for t in Topic.objects.filter(exam__code=bank.exam_code)}
    problems = [
        f"questions[{n}] ({item.key}): unknown sub-objective {item.sub_objective}"
        for n, item in enumerate(bank.questions)
        if item.sub_objective not in subs
    ]
    problems += [
        f"questions[{n}] ({item.key}): unknown topic {item.topic}"
        for n, item in enumerate(bank.questions)
        if item.topic and item.topic not in topics
    ]
    if problems:
        raise ContentError(problems)
    counts: Counter[str] = Counter()
    groups = {
        g.key: g for g in QuestionGroup.objects.filter(key__in=[q.key for q in bank.questions])
    }
    latest = {
        (q.group.key, q.language): q
        for q in Question.objects.filter(group__key__in=list(groups))
        .exclude(status=Status.RETIRED)
        .select_related("group", "topic")
        .prefetch_related("choices")
        .order_by("version")
    }
    for item in bank.questions:
        group = groups.get(item.key)
        if group is None:
            group = groups[item.key] = QuestionGroup.objects.create(key=item.key)
        for language in ("en", "fr"):
            text = getattr(item, language)
            choices = [ChoiceData(c.text, c.correct, c.explanation) for c in text.choices]
            topic = topics.get(item.topic) if item.topic else None
            existing = latest.get((item.key, language))
            if existing is None:
                question_create(
                    sub_objective=subs[item.sub_objective],
                    language=language,
                    stem=text.stem,
                    explanation=text.explanation,
                    difficulty=item.difficulty,
                    choices=choices,
                    source=Source.MANUAL,
                    status=Status.APPROVED,
                    group=group,
                    topic=topic,
                )
                counts["created"] += 1
            elif (
                _same_content(existing, text.stem, text.explanation, item.difficulty, choices)
                and existing.topic == topic
            ):
                counts["unchanged"] += 1
            else:
                question_revise(
                    question=existing,
                    editor=None,
                    stem=text.stem,
                    explanation=text.explanation,
                    difficulty=item.difficulty,
                    choices=choices,
                    topic=topic,
                )
                counts["updated"] += 1
    if dry_run:
        transaction.set_rollback(True)
    return counts
