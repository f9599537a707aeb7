"""Question reads shared by practice, quizzes and exams."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from django.db.models import Count, Prefetch, Q, Subquery
from django.utils.translation import gettext as _

from savoir.catalog.models import SubObjective
from savoir.catalog.selectors import catalog_revision
from savoir.core.errors import NotFound
from savoir.core.text import code_sort_key

from .models import PRACTICE_STATUSES, Choice, Question, QuestionReport, Source, Status
from .quality import check

# Answer keys are kept in process memory: answering is the hot path and even a shared-cache
# round trip per answer shows in its throughput. Any change to a question or its choices
# publishes a new catalog revision (signals.py); each process looks at the revision at most once
# a second and drops every key when it changed. Edits cannot grade anyone wrongly meanwhile: an
# edited question that learners answered becomes a new question id, and an in-place edit gives
# new choice ids, which miss this cache and reload from the database. The TTL is a safety net
# for when the shared cache is unreachable.
_TTL_SECONDS = 60.0
_REVISION_CHECK_SECONDS = 1.0
_MAX_ENTRIES = 5000
_local: dict[int, tuple[float, AnswerKey]] = {}
_revision = {"seen": "", "next_check": 0.0}


def _local_keys_current() -> None:
    now = time.monotonic()
    if now < _revision["next_check"]:  # type: ignore[operator]
        return
    _revision["next_check"] = now + _REVISION_CHECK_SECONDS
    revision = catalog_revision()
    if revision != _revision["seen"]:
        _local.clear()
        _revision["seen"] = revision


@dataclass(frozen=True)
class ChoiceKey:
    id: int
    position: int
    is_correct: bool
    explanation: str


@dataclass(frozen=True)
class AnswerKey:
    """What grading a question needs, kept in each process's memory (see _local above)."""

    question_id: int
    group_id: str
    sub_objective_id: int
    sub_objective_code: str
    topic_id: int | None
    status: str
    explanation: str
    choices: tuple[ChoiceKey, ...]


def answer_key_get(*, question_id: int, choice_id: int | None = None) -> AnswerKey | None:
    """The answer key of a question; `choice_id` forces a reload when the cached key lacks it.

    A miss loads the keys of every question of the same sub-objective in the same query (a
    practice session's questions come from one scope, so its next answers hit), as plain rows."""
    _local_keys_current()
    hit = _local.get(question_id)
    if hit is not None and hit[0] > time.monotonic():
        key = hit[1]
        if choice_id is None or any(c.id == choice_id for c in key.choices):
            return key
    rows = (
        Choice.objects.filter(
            question__sub_objective_id=Subquery(
                Question.objects.filter(pk=question_id).values("sub_objective_id")[:1]
            )
        )
        .order_by("question_id", "position")
        .values_list(
            "question_id",
            "question__group_id",
            "question__sub_objective_id",
            "question__sub_objective__code",
            "question__topic_id",
            "question__status",
            "question__explanation",
            "pk",
            "position",
            "is_correct",
            "explanation",
        )
    )
    loaded: dict[int, AnswerKey] = {}
    for (qid, group, sub_id, sub_code, topic, status, explanation), choices in groupby(
        rows, key=itemgetter(0, 1, 2, 3, 4, 5, 6)
    ):
        loaded[qid] = AnswerKey(
            question_id=qid,
            group_id=str(group),
            sub_objective_id=sub_id,
            sub_objective_code=sub_code,
            topic_id=topic,
            status=status,
            explanation=explanation,
            choices=tuple(ChoiceKey(c[7], c[8], c[9], c[10]) for c in choices),
        )
    if len(_local) + len(loaded) > _MAX_ENTRIES:
        _local.clear()
    expires = time.monotonic() + _TTL_SECONDS
    _local.update((qid, (expires, key)) for qid, key in loaded.items())
    return loaded.get(question_id)


def question_cache_invalidate(question_id: int) -> None:
    """Drop this process's copy (the others follow the catalog revision)."""
    _local.pop(question_id, None)


def answer_key_cache_clear() -> None:
    _local.clear()
    _revision.update(seen="", next_check=0.0)


def practice_question_counts(
    *, sub_objective_ids: Collection[int], language: str
) -> dict[int, int]:
    """How many questions learners can practise in each of these sub-objectives, in `language`
    (latest versions only: earlier ones are retired). One aggregate query; a sub-objective
    without questions is absent."""
    if not sub_objective_ids:
        return {}
    rows = (
        Question.objects.filter(
            sub_objective_id__in=sub_objective_ids,
            language=language,
            status__in=PRACTICE_STATUSES,
        )
        .values("sub_objective_id")
        .annotate(n=Count("pk"))
        .values_list("sub_objective_id", "n")
    )
    return dict(rows)


def moderation_queue(
    *, queue: str, language: str | None, limit: int, offset: int
) -> tuple[int, list[Any]]:
    """Pending AI questions (oldest first), or questions with open reports (most reported first)."""
    questions = Question.objects.all()
    if language:
        questions = questions.filter(language=language)
    if queue == "pending":
        questions = questions.filter(
            status=Status.PENDING_REVIEW, source=Source.GENERATED
        ).order_by("created_at", "pk")
    else:
        questions = (
            questions.annotate(
                open_reports=Count("reports", filter=Q(reports__state=QuestionReport.State.OPEN))
            )
            .filter(open_reports__gt=0)
            .order_by("-open_reports", "pk")
        )
    page = (
        questions.select_related("sub_objective").prefetch_related(
            "choices", Prefetch("reports", queryset=QuestionReport.objects.order_by("-created_at"))
        )
    )[offset : offset + limit]
    return questions.count(), list(page)


def moderation_question_get(*, question_id: int) -> Any:
    question = (
        Question.objects.filter(pk=question_id)
        .select_related("sub_objective")
        .prefetch_related(
            "choices", Prefetch("reports", queryset=QuestionReport.objects.order_by("-created_at"))
        )
        .first()
    )
    if question is None:
        raise NotFound(_("This question does not exist."))
    return question


def moderation_report_get(*, report_id: int) -> Any:
    report = QuestionReport.objects.filter(pk=report_id).first()
    if report is None:
        raise NotFound(_("This report does not exist."))
    return report


# --- The bank's own report (manage.py check_bank) -----------------------------------------------

MIN_PER_SUB_OBJECTIVE = 3
DOMAIN_SHARE_TOLERANCE = 2.0  # percentage points around the exam's weights
KEY_LONGEST_MAX_SHARE = 25.0  # the key may be the longest option, but not systematically


@dataclass(frozen=True)
class _Text:
    text: str
    explanation: str


@dataclass(frozen=True)
class _Item:
    stem: str
    explanation: str
    correct: _Text
    distractors: list[_Text]


@dataclass
class LanguageFigures:
    questions: int = 0
    domain_shares: dict[str, float] = field(default_factory=dict)
    difficulty: dict[int, int] = field(default_factory=dict)
    key_longest_share: float = 0.0
    topics_covered: int = 0


@dataclass
class BankReport:
    languages: dict[str, LanguageFigures]
    coverage: dict[str, dict[str, int]]
    topics_total: int
    problems: list[str]


def bank_report(*, exam_code: str) -> BankReport:
    """The approved bank of an exam against the quality gate and the bank's rules: at least
    MIN_PER_SUB_OBJECTIVE questions per sub-objective and language, domain shares within
    DOMAIN_SHARE_TOLERANCE of the exam's weights, every difficulty used, every question tagged
    to a topic where its sub-objective has topics, and no length cue on the key."""
    subs = list(
        SubObjective.objects.filter(exam__code=exam_code, retired_at__isnull=True)
        .select_related("objective__domain")
        .annotate(topic_count=Count("topics", filter=Q(topics__retired_at__isnull=True)))
    )
    sub_by_id = {s.pk: s for s in subs}
    weights = {s.objective.domain.code: s.objective.domain.weight_percent for s in subs}
    questions = (
        Question.objects.filter(sub_objective_id__in=sub_by_id, status=Status.APPROVED)
        .prefetch_related("choices")
        .order_by("pk")
    )
    problems: list[str] = []
    counts: dict[str, Counter[str]] = {}
    domains: dict[str, Counter[str]] = {}
    difficulty: dict[str, Counter[int]] = {}
    topics: dict[str, set[int]] = {}
    key_longest: Counter[str] = Counter()
    stems: dict[tuple[int, str], list[str]] = {}
    for question in questions:
        lang, sub = question.language, sub_by_id[question.sub_objective_id]
        name = f"{sub.code} #{question.pk} [{lang}]"
        choices = list(question.choices.all())
        key = [c for c in choices if c.is_correct]
        others = [c for c in choices if not c.is_correct]
        if len(key) != 1 or any(not c.explanation.strip() for c in choices):
            problems.append(f"{name}: one key and an explanation for every option are required")
            continue
        item = _Item(
            stem=question.stem,
            explanation=question.explanation,
            correct=_Text(key[0].text, key[0].explanation),
            distractors=[_Text(c.text, c.explanation) for c in others],
        )
        same_sub = stems.setdefault((sub.pk, lang), [])
        reason = check(item, language=lang, existing_stems=same_sub)
        if reason:
            problems.append(f"{name}: quality gate says {reason}")
        same_sub.append(question.stem)
        if sub.topic_count and question.topic_id is None:
            problems.append(f"{name}: not tagged to a topic of {sub.code}")
        counts.setdefault(sub.code, Counter())[lang] += 1
        domains.setdefault(lang, Counter())[sub.objective.domain.code] += 1
        difficulty.setdefault(lang, Counter())[question.difficulty] += 1
        if question.topic_id is not None:
            topics.setdefault(lang, set()).add(question.topic_id)
        lengths = sorted((len(c.text) for c in choices), reverse=True)
        if len(key[0].text) == lengths[0] and (len(lengths) < 2 or lengths[1] < lengths[0]):
            key_longest[lang] += 1
    languages: dict[str, LanguageFigures] = {}
    for lang in sorted(domains):
        total = sum(domains[lang].values())
        figures = LanguageFigures(
            questions=total,
            domain_shares={code: 100 * domains[lang][code] / total for code in sorted(weights)},
            difficulty=dict(difficulty[lang]),
            key_longest_share=100 * key_longest[lang] / total,
            topics_covered=len(topics.get(lang, set())),
        )
        languages[lang] = figures
        for code, share in figures.domain_shares.items():
            if abs(share - weights[code]) > DOMAIN_SHARE_TOLERANCE:
                problems.append(
                    f"[{lang}] domain {code} is {share:.1f} % of the bank, "
                    f"its exam weight is {weights[code]} %"
                )
        if set(figures.difficulty) != {1, 2, 3, 4, 5}:
            problems.append(f"[{lang}] difficulties used: {sorted(figures.difficulty)}")
        if not 0 < figures.key_longest_share <= KEY_LONGEST_MAX_SHARE:
            problems.append(
                f"[{lang}] the key is the longest option in {figures.key_longest_share:.0f} % "
                f"of questions (allowed: more than 0, at most {KEY_LONGEST_MAX_SHARE:.0f} %)"
            )
    coverage = {
        sub.code: {lang: counts.get(sub.code, Counter())[lang] for lang in ("en", "fr")}
        for sub in sorted(subs, key=lambda s: code_sort_key(s.code))
    }
    for code, per_language in coverage.items():
        for lang, n in per_language.items():
            if n < MIN_PER_SUB_OBJECTIVE:
                problems.append(
                    f"{code} [{lang}]: {n} question(s), at least {MIN_PER_SUB_OBJECTIVE}"
                )
    return BankReport(
        languages=languages,
        coverage=coverage,
        topics_total=sum(s.topic_count for s in subs),
        problems=problems,
    )
