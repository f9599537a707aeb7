"""Generation use cases: accept a request (limits, quota, cache), run it in the background,
expire runs whose worker died."""

from __future__ import annotations

import contextlib
import logging
import random
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from savoir.accounts.models import Role, User
from savoir.catalog.models import SubObjective
from savoir.catalog.selectors import localize, translations_prefetch
from savoir.core.errors import (
    ApplicationError,
    Conflict,
    NotFound,
    PermissionDenied,
    RateLimited,
    ServiceUnavailable,
)
from savoir.core.ratelimit import counter_incr, limits_store, rate_limit_hit
from savoir.core.tasks import task_enqueue
from savoir.practice.models import ReviewCard
from savoir.questions import quality
from savoir.questions.models import PRACTICE_STATUSES, Question, Source, Status
from savoir.questions.services import ChoiceData, question_create

from . import llm, rejections
from .models import (
    FINISHED,
    UNFINISHED,
    GenerationRun,
    RejectedItem,
    RunQuestion,
    RunStage,
    RunStatus,
)
from .selectors import run_get_for_user

logger = logging.getLogger(__name__)
STUCK_AFTER = timedelta(minutes=5)
# While the model streams, the worker looks at most this often whether its run was cancelled.
CANCEL_CHECK_SECONDS = 0.5
LANGUAGE_NAMES = {"fr": "French", "en": "English"}


class GenerationUnavailable(ApplicationError):
    status = 503
    code = "generation_unavailable"
    default_message = gettext_lazy(
        "Question generation is not enabled on this server. Practice from the question bank still works."
    )


class RunAlreadyEnded(Conflict):
    code = "run_finished"
    default_message = gettext_lazy("This generation has already ended.")


class _RunEnded(Exception):
    """Raised in the worker's callbacks when someone else ended the run (the learner cancelled
    it, or a poll expired it): it unwinds the model's stream at once, closing the connection."""


class QuotaExceeded(RateLimited):
    code = "generation_quota"
    default_message = gettext_lazy(
        "You have reached today's limit of generated questions. It resets at midnight (UTC)."
    )


# --- Quota: generated questions per learner and UTC day, reserved atomically in the shared store ---


def _quota_key(user_id: int) -> str:
    return f"gen-quota:{user_id}:{timezone.now().date().isoformat()}"


def _seconds_to_midnight() -> int:
    now = timezone.now()
    tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return int((tomorrow - now).total_seconds()) + 1


def quota_reserve(*, user_id: int, count: int) -> None:
    key = _quota_key(user_id)
    used = counter_incr(key, _seconds_to_midnight() + 3600, amount=count)
    if used > settings.GENERATION_DAILY_QUOTA:
        with limits_store() as store:
            store.decr(key, count)
        raise QuotaExceeded(retry_after=_seconds_to_midnight())


def quota_release(*, run: GenerationRun) -> None:
    """Give back what the run reserved and did not use. Call it only from the transition that
    finished the run (see _finish), so that it happens once."""
    unused = run.quota_reserved - run.accepted
    if unused <= 0:
        return
    key = f"gen-quota:{run.user_id}:{run.created_at.date().isoformat()}"
    # The day's counter may have expired; an unreachable store is logged by limits_store and
    # costs the learner at most this run's reservation.
    with contextlib.suppress(ValueError, ServiceUnavailable), limits_store() as store:
        store.decr(key, unused)


# --- Requests ------------------------------------------------------------------------------------------


def _unseen_bank(
    *, user: User, sub_objective: SubObjective, language: str, difficulty: int
) -> list[Question]:
    seen = ReviewCard.objects.filter(user=user, sub_objective=sub_objective).values("group_id")
    return list(
        Question.objects.filter(
            sub_objective=sub_objective,
            language=language,
            difficulty=difficulty,
            status__in=PRACTICE_STATUSES,
        )
        .exclude(group_id__in=seen)
        .order_by("pk")
    )


@transaction.atomic
def generation_request(
    *,
    user: User,
    sub_objective_id: int,
    language: str,
    difficulty: int,
    count: int,
    force: bool = False,
) -> GenerationRun:
    """Accept a request without waiting for the model: enough unseen bank questions answer it at
    once (no model call, no quota); otherwise a run is queued for the background worker."""
    sub = SubObjective.objects.filter(pk=sub_objective_id, retired_at__isnull=True).first()
    if sub is None:
        raise NotFound(_("Unknown sub-objective."))
    if force and user.role not in {Role.TEACHER, Role.ADMIN}:
        raise PermissionDenied(_("Only teachers and administrators can force a generation."))
    runs_expire(user=user)
    rate_limit_hit("generate", str(user.pk), limit=settings.GENERATION_RATE_PER_MINUTE, window=60)
    if not force:
        bank = _unseen_bank(user=user, sub_objective=sub, language=language, difficulty=difficulty)
        if len(bank) >= count:
            run = GenerationRun.objects.create(
                user=user,
                sub_objective=sub,
                language=language,
                difficulty=difficulty,
                requested=count,
                accepted=count,
                status=RunStatus.SUCCEEDED,
                from_cache=True,
                started_at=timezone.now(),
                finished_at=timezone.now(),
                latency_ms=0,
            )
            RunQuestion.objects.bulk_create(
                RunQuestion(run=run, question=q, position=n) for n, q in enumerate(bank[:count])
            )
            return run
    if not llm.generation_available():
        raise GenerationUnavailable()
    quota_reserve(user_id=user.pk, count=count)
    run = GenerationRun.objects.create(
        user=user,
        sub_objective=sub,
        language=language,
        difficulty=difficulty,
        requested=count,
        forced=force,
        model=settings.OPENAI_MODEL,
        prompt_version=llm.PROMPT_VERSION,
        quota_reserved=count,
    )
    from .tasks import generation_run_task

    task_enqueue(generation_run_task, str(run.pk))
    return run


# --- Running -------------------------------------------------------------------------------------------


def _bank_stems(run: GenerationRun) -> list[str]:
    """Stems already in the sub-objective's bank in the run's language, newest first."""
    return list(
        Question.objects.filter(sub_objective_id=run.sub_objective_id, language=run.language)
        .exclude(status=Status.REJECTED)
        .order_by("-pk")
        .values_list("stem", flat=True)
    )


def _prompt(run: GenerationRun) -> tuple[str, str]:
    sub = (
        SubObjective.objects.select_related("objective__domain", "exam")
        .prefetch_related(
            translations_prefetch(SubObjective, run.language),
            "objective__translations",
            "exam__translations",
            "topics__translations",
        )
        .get(pk=run.sub_objective_id)
    )
    objective = sub.objective
    title = localize(sub, run.language)
    topics = (
        "; ".join(localize(t, "en").text for t in sub.topics.all() if t.retired_at is None)
        or "(none listed)"
    )
    existing = _bank_stems(run)[:30]  # the newest, for the prompt to avoid
    scenario_rule = (
        "This objective is assessed with scenarios: each stem is a short realistic situation (3 to 5 lines) "
        "that asks the learner to take a decision."
        if objective.scenario_based
        else ""
    )
    prompt = llm.PROMPT.format(
        exam_name=localize(sub.exam, "en", "name").text,
        exam_code=sub.exam.code,
        objective_code=objective.code,
        objective_verb_en=localize(objective, "en", "verb").text,
        objective_title_en=localize(objective, "en").text,
        sub_objective_code=sub.code,
        sub_objective_title_en=title.text_en,
        sub_objective_title=title.text,
        topics=topics,
        count=run.requested,
        language_name=LANGUAGE_NAMES[run.language],
        difficulty=run.difficulty,
        scenario_rule=scenario_rule,
        existing_stems="\n".join(f"  - {s}" for s in existing) or "  (none yet)",
    )
    instructions = "You are a careful item writer for IT security certification practice. Answer only with the requested JSON."
    return instructions, prompt


def _finish(
    run: GenerationRun, status: str, *, code: str = "", detail: str = "", **figures: Any
) -> bool:
    """End the run unless something else already ended it: the worker, a learner's poll
    (runs_expire) and the learner's cancel can race. The update is conditional, and only the transition that happened
    releases the unused quota, so quota is never given back twice. `figures` are the worker's
    measurements (latency, tokens, cost...)."""
    changed = GenerationRun.objects.filter(pk=run.pk, status__in=UNFINISHED).update(
        status=status,
        error_code=code,
        error_detail=detail[:2000],
        finished_at=timezone.now(),
        **figures,
    )
    run.refresh_from_db()
    if changed:
        quota_release(run=run)
    return bool(changed)


def run_execute(*, run_id: str) -> None:
    """Generate, check and store the questions of a queued run, one by one as the model streams
    them, so learners polling the run see each question as soon as it passed the gate. Safe to
    run twice: only a queued run starts, and it is claimed in its own transaction."""
    with transaction.atomic():
        run = GenerationRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status != RunStatus.QUEUED:
            return
        run.status, run.started_at = RunStatus.RUNNING, timezone.now()
        run.stage = RunStage.WAITING
        run.save(update_fields=["status", "started_at", "stage"])
    started = time.monotonic()
    existing = _bank_stems(run)
    shuffler = random.SystemRandom()
    seen = 0
    still_running = GenerationRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING)
    last_check = started

    def report(stage: str) -> None:
        """Record what the run is doing. Every write is conditional on the run still running,
        which is also how the worker learns it was cancelled: then it stops. While the model
        writes (a call per streamed chunk) the run is looked at every CANCEL_CHECK_SECONDS."""
        nonlocal last_check
        now = time.monotonic()
        if stage == run.stage and now - last_check < CANCEL_CHECK_SECONDS:
            return
        last_check = now
        went_on = (
            still_running.update(stage=stage) if stage != run.stage else still_running.exists()
        )
        if not went_on:
            raise _RunEnded
        run.stage = stage

    def accept_or_reject(item: llm.GeneratedQuestion | None, raw: dict[str, Any]) -> None:
        nonlocal seen
        seen += 1
        if seen > run.requested:
            return  # the model wrote more than asked: ignore the extra
        report(RunStage.CHECKING)
        reason = (
            rejections.MALFORMED
            if item is None
            else quality.check(item, language=run.language, existing_stems=existing)
        )
        if reason or item is None:
            with transaction.atomic():
                if not still_running.update(rejected=F("rejected") + 1, stage=RunStage.WRITING):
                    raise _RunEnded
                RejectedItem.objects.create(
                    run=run, reason=reason or rejections.MALFORMED, payload=raw
                )
                run.rejected += 1
                run.stage = RunStage.WRITING
            return
        choices = [ChoiceData(item.correct.text, True, item.correct.explanation)] + [
            ChoiceData(d.text, False, d.explanation) for d in item.distractors
        ]
        # The model always gives the key first; learners must not see that.
        shuffler.shuffle(choices)
        report(RunStage.SAVING)
        with transaction.atomic():
            # Counted first, on the run's row: a run cancelled or expired meanwhile keeps
            # nothing more, and its quota was settled by whoever ended it.
            if not still_running.update(accepted=F("accepted") + 1, stage=RunStage.WRITING):
                raise _RunEnded
            question = question_create(
                sub_objective=run.sub_objective,
                language=run.language,
                stem=item.stem,
                explanation=item.explanation,
                difficulty=run.difficulty,
                choices=choices,
                source=Source.GENERATED,
                status=Status.PENDING_REVIEW,
                generation_run_id=run.pk,
            )
            RunQuestion.objects.create(run=run, question=question, position=run.accepted)
            run.accepted += 1
            run.stage = RunStage.WRITING
        existing.append(item.stem)

    try:
        instructions, prompt = _prompt(run)
        output = llm.generate(
            instructions=instructions,
            prompt=prompt,
            on_item=accept_or_reject,
            on_progress=report,
        )
    except _RunEnded:
        # Cancelled or expired meanwhile: whoever ended the run gave its quota back, and what
        # the model had still to write went with the closed stream.
        return
    except llm.GenerationFailure as failure:
        if failure.code in {"configuration", "quota_exhausted"}:
            # For operators: learners only see that generation is unavailable.
            logger.error("generation run failed: %s", failure.code, extra={"run_id": str(run.pk)})
        _finish(
            run,
            RunStatus.PARTIAL if run.accepted else RunStatus.FAILED,
            code=failure.code,
            detail=failure.detail,
            latency_ms=int((time.monotonic() - started) * 1000),
        )
        return
    delivered = run.accepted + run.rejected
    status, code = (
        (RunStatus.SUCCEEDED, "")
        if run.accepted == run.requested
        else (RunStatus.PARTIAL, "some_rejected")
        if run.accepted
        else (RunStatus.FAILED, "all_rejected")
    )
    _finish(
        run,
        status,
        code=code,
        latency_ms=int((time.monotonic() - started) * 1000),
        attempts=output.attempts,
        model=output.model,
        input_tokens=output.input_tokens,
        output_tokens=output.output_tokens,
        cost_estimate_usd=llm.estimate_cost(
            output.model, output.input_tokens, output.output_tokens
        ),
        # Asked for and never delivered counts as rejected.
        rejected=F("rejected") + max(0, run.requested - delivered),
    )


def run_cancel(*, user: User, run_id: Any) -> GenerationRun:
    """The learner stops their own run (anyone else's id is a 404). The questions already
    stored stay theirs; the rest of the reserved quota comes back. A worker finishing at the
    same moment and this cancel both go through _finish: exactly one of them ends the run."""
    run = run_get_for_user(user=user, run_id=run_id)
    if not _finish(run, RunStatus.CANCELLED, code="cancelled", detail="cancelled by the learner"):
        raise RunAlreadyEnded()
    return run


def runs_expire(*, user: User | None = None) -> int:
    """Runs whose worker died (still running after STUCK_AFTER) end as failed."""
    stuck = GenerationRun.objects.filter(
        status__in=UNFINISHED,
        created_at__lt=timezone.now() - STUCK_AFTER,
    )
    if user is not None:
        stuck = stuck.filter(user=user)
    return sum(
        _finish(run, RunStatus.FAILED, code="interrupted", detail="no result before the time limit")
        for run in stuck
    )


def run_settle(*, run: GenerationRun) -> GenerationRun:
    """A run read while unfinished may be one whose worker died: expire the learner's stuck
    runs first (the poll is what notices them), then read it again."""
    if run.status not in FINISHED:
        runs_expire(user=run.user)
        run.refresh_from_db()
    return run
