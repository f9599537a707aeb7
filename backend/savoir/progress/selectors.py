"""Dashboard reads. Every figure comes from per-learner roll-ups (mastery per sub-objective,
daily activity, stats, cards, topic coverage) plus the catalog, so the cost depends on the size
of the blueprint and of the bank, never on how many answers a learner has given."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from savoir.accounts.models import User
from savoir.accounts.selectors import user_local_date
from savoir.catalog.models import Domain, Exam, Objective, SubObjective
from savoir.catalog.selectors import catalog_revision, exam_get, localize, translations_prefetch
from savoir.core.errors import NotFound, ValidationFailed
from savoir.core.text import code_sort_key
from savoir.practice.models import ReviewCard
from savoir.questions.selectors import practice_question_counts

from .mastery import mastery_level
from .models import (
    DailyActivity,
    ExamGoal,
    LearnerStats,
    SubObjectiveMastery,
    TopicPractice,
)

PASS_LINE = 750
MIN_ANSWERS_FOR_COVERAGE = 3  # the plan aims at this many answers on every sub-objective
MAX_ACTIVITY_DAYS = 366


def mastery_list(*, user: User, exam_code: str) -> list[SubObjectiveMastery]:
    """In the blueprint's natural order of codes (2.2.6 before 2.2.10)."""
    return sorted(
        SubObjectiveMastery.objects.filter(
            user=user, sub_objective__exam__code=exam_code
        ).select_related("sub_objective"),
        key=lambda m: code_sort_key(m.sub_objective.code),
    )


@dataclass(frozen=True)
class Entry:
    """A catalog entry as the dashboard needs it: no ORM instance, so it can be cached."""

    pk: int
    code: str
    title: str
    title_en: str
    fallback: bool


@dataclass
class Node:
    """A domain, objective or sub-objective with the learner's figures rolled up."""

    entity: Entry
    kind: str
    parent_code: str | None
    weight_percent: int | None = None
    sub_codes: list[str] = field(default_factory=list)
    topic_total: int = 0
    question_count: int = 0  # questions to practise in the dashboard's language
    topics_practised: int = 0
    score_sum: int = 0
    answered: int = 0
    correct: int = 0
    due_count: int = 0
    misconceptions: int = 0
    subs_practised: int = 0
    last_activity_at: datetime | None = None

    @property
    def sub_total(self) -> int:
        return len(self.sub_codes)

    @property
    def mastery(self) -> int:
        return round(self.score_sum / self.sub_total) if self.sub_total else 0

    @property
    def level(self) -> str:
        return mastery_level(self.mastery, self.answered)

    @property
    def accuracy(self) -> float | None:
        return round(self.correct / self.answered, 4) if self.answered else None


@dataclass
class Snapshot:
    exam: Exam
    domains: dict[str, Node]
    objectives: dict[str, Node]
    subs: dict[str, Node]
    stats: LearnerStats | None
    goal: ExamGoal | None
    due_now: int
    now: datetime


@dataclass(frozen=True)
class Outline:
    domains: list[tuple[Entry, int]]  # entry, weight
    objectives: list[tuple[Entry, str, int]]  # entry, domain code, weight
    # entry, objective code, weight, active topics, questions to practise in the outline's locale
    subs: list[tuple[Entry, str, int, int, int]]


# The blueprint and the bank are the same for every learner and change only on import, edits or
# moderation: keep the localized outline (question counts included) in process memory rather
# than reload ~900 rows, until the catalog's revision changes (one shared-cache read; every
# question change publishes one) or, as a safety net, for a few minutes.
_OUTLINE_SECONDS = 300.0
_outlines: dict[tuple[int, str], tuple[float, str, Outline]] = {}


def outline_cache_clear() -> None:
    _outlines.clear()


def _entry(entity: Any, locale: str) -> Entry:
    title = localize(entity, locale)
    return Entry(entity.pk, entity.code, title.text, title.text_en, title.fallback)


def outline_get(*, exam: Exam, locale: str) -> Outline:
    revision = catalog_revision()
    cached = _outlines.get((exam.pk, locale))
    if cached is not None and cached[0] > time.monotonic() and cached[1] == revision:
        return cached[2]
    domains = (
        Domain.objects.filter(exam=exam, retired_at__isnull=True)
        .order_by("position")
        .prefetch_related(translations_prefetch(Domain, locale))
    )
    objectives = (
        Objective.objects.filter(exam=exam, retired_at__isnull=True)
        .select_related("domain")
        .order_by("domain__position", "position")
        .prefetch_related(translations_prefetch(Objective, locale))
    )
    subs = (
        SubObjective.objects.filter(exam=exam, retired_at__isnull=True)
        .select_related("objective__domain")
        .annotate(topic_total=Count("topics", filter=Q(topics__retired_at__isnull=True)))
        .order_by("objective__domain__position", "objective__position", "position")
        .prefetch_related(translations_prefetch(SubObjective, locale))
    )
    questions = practice_question_counts(sub_objective_ids=[s.pk for s in subs], language=locale)
    outline = Outline(
        domains=[(_entry(d, locale), d.weight_percent) for d in domains],
        objectives=[
            (_entry(o, locale), o.domain.code, o.domain.weight_percent) for o in objectives
        ],
        subs=[
            (
                _entry(s, locale),
                s.objective.code,
                s.objective.domain.weight_percent,
                s.topic_total,
                questions.get(s.pk, 0),
            )
            for s in subs
        ],
    )
    _outlines[(exam.pk, locale)] = (time.monotonic() + _OUTLINE_SECONDS, revision, outline)
    return outline


def snapshot_get(*, user: User, exam_code: str, locale: str) -> Snapshot:
    """Everything the dashboard shows: the cached outline plus six small per-learner reads."""
    exam = exam_get(code=exam_code)
    now = timezone.now()
    outline = outline_get(exam=exam, locale=locale)
    domains = {e.code: Node(e, "domain", None, weight_percent=w) for e, w in outline.domains}
    objectives = {
        e.code: Node(e, "objective", d, weight_percent=w) for e, d, w in outline.objectives
    }
    subs: dict[str, Node] = {}
    by_id: dict[int, Node] = {}
    for e, objective_code, weight, topics, questions in outline.subs:
        node = Node(
            e,
            "sub_objective",
            objective_code,
            weight_percent=weight,
            sub_codes=[e.code],
            topic_total=topics,
            question_count=questions,
        )
        subs[e.code] = by_id[e.pk] = node
    # Per-learner rows are few (one per sub-objective, card or topic practised): read them all.
    for m in SubObjectiveMastery.objects.filter(user=user).only(
        "sub_objective_id", "score", "answered", "correct", "last_activity_at"
    ):
        if (practised := by_id.get(m.sub_objective_id)) is not None:
            practised.score_sum, practised.answered, practised.correct = (
                m.score,
                m.answered,
                m.correct,
            )
            practised.subs_practised = 1 if m.answered else 0
            practised.last_activity_at = m.last_activity_at
    for sub_id, due, wrong in (
        ReviewCard.objects.filter(user=user)
        .values("sub_objective_id")
        .annotate(
            due=Count("pk", filter=Q(due_at__lte=now)),
            wrong=Count("pk", filter=Q(misconception=True)),
        )
        .values_list("sub_objective_id", "due", "wrong")
    ):
        if sub_id in by_id:
            by_id[sub_id].due_count, by_id[sub_id].misconceptions = due, wrong
    for sub_id, practised in (
        TopicPractice.objects.filter(user=user)
        .values("topic__sub_objective_id")
        .annotate(n=Count("pk"))
        .values_list("topic__sub_objective_id", "n")
    ):
        if sub_id in by_id:
            by_id[sub_id].topics_practised = practised
    for node in subs.values():
        objective = objectives[str(node.parent_code)]
        for parent in (objective, domains[str(objective.parent_code)]):
            parent.sub_codes.append(node.entity.code)
            parent.topic_total += node.topic_total
            parent.question_count += node.question_count
            parent.topics_practised += node.topics_practised
            parent.score_sum += node.score_sum
            parent.answered += node.answered
            parent.correct += node.correct
            parent.due_count += node.due_count
            parent.misconceptions += node.misconceptions
            parent.subs_practised += node.subs_practised
            if node.last_activity_at and (
                parent.last_activity_at is None or node.last_activity_at > parent.last_activity_at
            ):
                parent.last_activity_at = node.last_activity_at
    stats = LearnerStats.objects.filter(user=user).first()
    goal = ExamGoal.objects.filter(user=user, exam=exam).first()
    due_now = sum(n.due_count for n in subs.values())
    return Snapshot(exam, domains, objectives, subs, stats, goal, due_now, now)


def node_present(node: Node, locale: str) -> dict[str, Any]:
    return {
        "id": node.entity.pk,
        "code": node.entity.code,
        "title": node.entity.title,
        "title_en": node.entity.title_en,
        "parent_code": node.parent_code,
        "weight_percent": node.weight_percent,
        "mastery": node.mastery,
        "level": node.level,
        "answered": node.answered,
        "accuracy": node.accuracy,
        "last_activity_at": node.last_activity_at,
        "due_count": node.due_count,
        "sub_objectives_total": node.sub_total,
        "sub_objectives_practised": node.subs_practised,
        "topics_total": node.topic_total,
        "topics_practised": node.topics_practised,
        "question_count": node.question_count,
        "coverage": round(node.subs_practised / node.sub_total, 4) if node.sub_total else 0.0,
        "topic_coverage": round(node.topics_practised / node.topic_total, 4)
        if node.topic_total
        else None,
    }


# --- Readiness -------------------------------------------------------------------------------------


def node_children_list(
    *,
    snapshot: Snapshot,
    level: Literal["objective", "sub_objective"],
    parent_code: str | None,
    locale: str,
) -> list[dict[str, Any]]:
    """The learner's objectives (or sub-objectives), all of them or those under one parent; an
    unknown parent is a 404."""
    nodes, parents = (
        (snapshot.objectives, snapshot.domains)
        if level == "objective"
        else (snapshot.subs, snapshot.objectives)
    )
    if parent_code is not None and parent_code not in parents:
        raise NotFound()
    return [
        node_present(n, locale)
        for n in nodes.values()
        if parent_code is None or n.parent_code == parent_code
    ]


def readiness_estimate(snapshot: Snapshot, locale: str) -> dict[str, Any]:
    """An estimated scaled score (docs/readiness.md). Each domain counts by its exam weight; its
    expected share of correct answers is the mean mastery of its sub-objectives (no evidence
    counts as 0). The range widens with the share of the blueprint not practised yet."""
    exam = snapshot.exam
    span = exam.score_max - exam.score_min
    expected, unknown, domains = 0.0, 0.0, []
    for node in snapshot.domains.values():
        weight = (node.weight_percent or 0) / 100
        share = node.mastery / 100
        evidence = node.subs_practised / node.sub_total if node.sub_total else 0.0
        expected += weight * share
        unknown += weight * (1 - evidence)
        domains.append(
            {
                "code": node.entity.code,
                "title": node.entity.title,
                "weight_percent": node.weight_percent,
                "mastery": node.mastery,
                "evidence": round(evidence, 4),
                "contribution": round(weight * share * span, 1),
            }
        )
    estimate = round(exam.score_min + span * expected)
    half_width = round(span * (0.03 + 0.5 * unknown))
    low, high = (
        max(exam.score_min, estimate - half_width),
        min(exam.score_max, estimate + half_width),
    )
    status = (
        "likely_pass"
        if low >= exam.passing_score
        else "borderline"
        if high >= exam.passing_score
        else "not_yet"
    )
    without = [
        {"code": n.entity.code, "title": n.entity.title}
        for n in snapshot.objectives.values()
        if n.subs_practised == 0
    ]
    return {
        "estimate": estimate,
        "low": low,
        "high": high,
        "pass_line": exam.passing_score,
        "scale_min": exam.score_min,
        "scale_max": exam.score_max,
        "status": status,
        "domains": domains,
        "objectives_without_evidence": without,
    }


# --- Summary, activity, recommendations, plan -----------------------------------------------------------


def current_streak(stats: LearnerStats | None, today: date) -> int:
    if stats is None or stats.last_active_date is None:
        return 0
    return stats.current_streak if stats.last_active_date >= today - timedelta(days=1) else 0


def summary_get(*, user: User, snapshot: Snapshot, locale: str) -> dict[str, Any]:
    stats, today = snapshot.stats, user_local_date(user, snapshot.now)
    subs = list(snapshot.subs.values())
    goal = snapshot.goal
    return {
        "answered": stats.answered if stats else 0,
        "correct": stats.correct if stats else 0,
        "accuracy": round(stats.correct / stats.answered, 4) if stats and stats.answered else None,
        "time_spent_ms": stats.time_spent_ms if stats else 0,
        "current_streak": current_streak(stats, today),
        "best_streak": stats.best_streak if stats else 0,
        "average_mastery": round(sum(n.mastery for n in subs) / len(subs)) if subs else 0,
        "sub_objectives_practised": sum(n.subs_practised for n in subs),
        "sub_objectives_total": len(subs),
        "due_now": snapshot.due_now,
        "exam_date": goal.exam_date if goal else None,
        "days_left": (goal.exam_date - today).days if goal else None,
        "readiness": readiness_estimate(snapshot, locale),
    }


def activity_list(*, user: User, start: date, end: date) -> list[dict[str, Any]]:
    if end < start:
        raise ValidationFailed(fields={"to": [_("The end date is before the start date.")]})
    if (end - start).days + 1 > MAX_ACTIVITY_DAYS:
        raise ValidationFailed(fields={"to": [_("The range cannot exceed 366 days.")]})
    rows = {r.date: r for r in DailyActivity.objects.filter(user=user, date__range=(start, end))}
    days = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        row = rows.get(day)
        days.append(
            {
                "date": day,
                "answered": row.answered if row else 0,
                "correct": row.correct if row else 0,
                "minutes": round(row.time_spent_ms / 60000, 1) if row else 0.0,
            }
        )
    return days


_REASONS = ("misconceptions", "due_reviews", "weak_mastery", "never_practised", "high_exam_weight")


def _reasons(node: Node, average_weight: float) -> list[str]:
    found = {
        "misconceptions": node.misconceptions > 0,
        "due_reviews": node.due_count > 0,
        "weak_mastery": node.answered > 0 and node.mastery < 50,
        "never_practised": node.answered == 0,
        # Its domain weighs more than an average domain of this exam.
        "high_exam_weight": (node.weight_percent or 0) > average_weight,
    }
    return [r for r in _REASONS if found[r]]


def _priority(node: Node) -> float:
    """Misconceptions outrank due reviews, which outrank weak mastery, which outranks new
    ground; within a reason, bigger problems and heavier domains come first."""
    priority = float(node.weight_percent or 0)
    if node.misconceptions:
        priority += 1000 + node.misconceptions
    if node.due_count:
        priority += 500 + node.due_count
    if node.answered and node.mastery < 50:
        priority += 200 + (50 - node.mastery)
    if not node.answered:
        priority += 100
    return priority


def recommendation_list(*, snapshot: Snapshot, locale: str, limit: int = 5) -> list[dict[str, Any]]:
    """The next best sub-objectives (at most `limit`), each with the reasons it is proposed; only
    where there are questions to practise in the dashboard's language."""
    average_weight = 100 / len(snapshot.domains) if snapshot.domains else 100
    candidates = [
        n
        for n in snapshot.subs.values()
        if n.question_count > 0 and set(_reasons(n, average_weight)) - {"high_exam_weight"}
    ]
    candidates.sort(key=lambda n: (-_priority(n), code_sort_key(n.entity.code)))
    result = []
    for node in candidates[:limit]:
        objective = snapshot.objectives[node.parent_code]  # type: ignore[index]
        result.append(
            {
                **node_present(node, locale),
                "objective_code": objective.entity.code,
                "domain_code": objective.parent_code,
                "misconceptions": node.misconceptions,
                "reasons": _reasons(node, average_weight),
            }
        )
    return result


def study_plan_get(*, user: User, snapshot: Snapshot) -> dict[str, Any] | None:
    """Per day until the exam: new questions and reviews that keep every objective covered.

    New questions: enough for MIN_ANSWERS_FOR_COVERAGE answers on every sub-objective that has
    questions (none are promised where there is nothing to practise), spread evenly (earlier days take the remainder).
    Reviews: today, exactly the reviews due now (`snapshot.due_now`, the figure the dashboard's
    card shows); from tomorrow, cards come back about once per FSRS stability (in days) at 90 %
    retention, so the daily load is the sum of 1/stability over the learner's cards."""
    goal = snapshot.goal
    if goal is None:
        return None
    today = user_local_date(user, snapshot.now)
    days_left = (goal.exam_date - today).days
    if days_left <= 0:
        return {
            "exam_date": goal.exam_date,
            "days_left": days_left,
            "new_questions_total": 0,
            "days": [],
        }
    subs = snapshot.subs.values()
    needed = sum(max(0, MIN_ANSWERS_FOR_COVERAGE - n.answered) for n in subs if n.question_count)
    available = sum(n.question_count for n in subs)
    stabilities = list(
        ReviewCard.objects.filter(user=user, sub_objective__exam=snapshot.exam).values_list(
            "stability", flat=True
        )
    )
    new_total = min(needed, max(0, available - len(stabilities)))
    daily_reviews = math.ceil(sum(1 / max(1.0, s or 1.0) for s in stabilities))
    base, extra = divmod(new_total, days_left)
    days = []
    for offset in range(min(days_left, MAX_ACTIVITY_DAYS)):
        new = base + (1 if offset < extra else 0)
        reviews = snapshot.due_now if offset == 0 else daily_reviews
        days.append(
            {"date": today + timedelta(days=offset), "new_questions": new, "reviews": reviews}
        )
    return {
        "exam_date": goal.exam_date,
        "days_left": days_left,
        "new_questions_total": new_total,
        "days": days,
    }
