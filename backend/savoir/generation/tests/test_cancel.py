"""Waiting on a run and cancelling it: the stage and elapsed time a poll reports, a cancel that
really ends the run (server-side, once, racing the worker), and the quota given back once."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import pytest
from django.db import close_old_connections
from django.test import override_settings

from conftest import ApiClient
from savoir.core.ratelimit import limits_cache
from savoir.generation import llm, services
from savoir.generation.models import GenerationRun, RunStage, RunStatus
from savoir.questions.models import Question

from .test_generation import EN_STEMS, _generate, _run, item

pytestmark = pytest.mark.django_db


def quota_used(user_id: int) -> int:
    """Generated questions the learner has used or holds reserved today."""
    return int(limits_cache().get(services._quota_key(user_id)) or 0)


def _cancel(client: ApiClient, run_id: str, **extra: Any):
    return client.call(
        "POST", f"/api/generation/runs/{run_id}/cancel", HTTP_ACCEPT_LANGUAGE="en", **extra
    )


@override_settings(TASKS_RUN_INLINE=False)  # no worker: the run stays queued
def test_a_queued_run_is_cancelled_and_its_quota_comes_back_once(
    logged_in: ApiClient, subs, fake, user
):
    run_id = _generate(logged_in, subs["1.1.1"], count=5).json()["runId"]
    assert quota_used(user.pk) == 5

    response = _cancel(logged_in, run_id)
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["stage"], body["accepted"]) == ("cancelled", None, 0)
    assert body["error"] == {"code": "cancelled", "message": "You cancelled the generation."}
    assert quota_used(user.pk) == 0
    run = GenerationRun.objects.get(pk=run_id)
    assert (run.status, run.error_code, run.finished_at is not None) == (
        "cancelled",
        "cancelled",
        True,
    )

    # A second cancel is refused and gives nothing back a second time.
    again = _cancel(logged_in, run_id)
    assert again.status_code == 409
    assert again.json()["error"] == {
        "code": "run_finished",
        "message": "This generation has already ended.",
        "fields": None,
    }
    assert quota_used(user.pk) == 0

    # The worker that picks the task up later does nothing: no model call, nothing stored.
    services.run_execute(run_id=run_id)
    assert fake.requests == []
    assert GenerationRun.objects.get(pk=run_id).status == "cancelled"


def test_cancel_is_answered_in_the_learners_language(subs, fake, make_user):
    french = ApiClient()
    french.login_as(make_user(email="lea@example.com", language="fr").email)
    with override_settings(TASKS_RUN_INLINE=False):
        run_id = _generate(french, subs["1.1.1"], count=2).json()["runId"]
    body = french.call("POST", f"/api/generation/runs/{run_id}/cancel").json()
    assert body["error"]["message"] == "Vous avez annulé la génération."
    refused = french.call("POST", f"/api/generation/runs/{run_id}/cancel").json()
    assert refused["error"]["message"] == "Cette génération est déjà terminée."


def test_another_learners_run_cannot_be_cancelled(logged_in: ApiClient, subs, fake, make_user):
    with override_settings(TASKS_RUN_INLINE=False):
        run_id = _generate(logged_in, subs["1.1.1"], count=2).json()["runId"]
    other = ApiClient()
    other_user = make_user(email="other@example.com")
    other.login_as(other_user.email)
    response = _cancel(other, run_id)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert _cancel(logged_in, str(uuid.uuid4())).status_code == 404
    assert GenerationRun.objects.get(pk=run_id).status == "queued"
    # Without the CSRF token the cancel does not go through either.
    assert _cancel(logged_in, run_id, csrf=False).status_code == 403
    assert GenerationRun.objects.get(pk=run_id).status == "queued"


def test_cancelling_mid_run_keeps_what_was_written_and_stops_the_worker(
    logged_in: ApiClient, subs, fake, user, monkeypatch
):
    """The learner cancels after the first question was stored: the worker's next step finds
    the run ended and stops; the model's later questions are dropped; 4 of 5 come back."""
    delivered: list[str] = []
    client = logged_in

    def generate(*, instructions, prompt, on_item, on_progress, **kwargs):
        on_progress("writing")
        on_item(llm.GeneratedQuestion.model_validate(item(0)), {})
        delivered.append("first")
        body = _cancel(client, str(GenerationRun.objects.get().pk)).json()
        assert (body["status"], body["accepted"]) == ("cancelled", 1)
        assert body["error"]["message"] == (
            "You cancelled the generation. The 1 question already written is kept."
        )
        # The next question the model completes: the worker stops there, storing nothing.
        on_item(llm.GeneratedQuestion.model_validate(item(1)), {})
        delivered.append("never reached")
        raise AssertionError("the worker went on after the cancel")

    monkeypatch.setattr(llm, "generate", generate)
    run_id = _generate(logged_in, subs["1.1.1"], count=5).json()["runId"]
    assert delivered == ["first"]
    run = GenerationRun.objects.get(pk=run_id)
    assert (run.status, run.accepted, run.error_code) == ("cancelled", 1, "cancelled")
    assert list(
        Question.objects.filter(generation_run_id=run_id).values_list("stem", flat=True)
    ) == [EN_STEMS[0]]
    assert quota_used(user.pk) == 1


def test_a_late_question_after_a_cancel_is_discarded(
    logged_in: ApiClient, subs, fake, user, monkeypatch
):
    """A question the model finishes just after the cancel is not stored, and the worker stops."""

    def generate(*, instructions, prompt, on_item, on_progress, **kwargs):
        services.run_cancel(user=user, run_id=GenerationRun.objects.get().pk)
        on_item(llm.GeneratedQuestion.model_validate(item(0)), {})
        raise AssertionError("the worker went on after the cancel")

    monkeypatch.setattr(llm, "generate", generate)
    run_id = _generate(logged_in, subs["1.1.1"], count=3).json()["runId"]
    assert GenerationRun.objects.get(pk=run_id).status == "cancelled"
    assert not Question.objects.filter(generation_run_id=run_id).exists()
    assert quota_used(user.pk) == 0


def test_the_worker_finishing_first_wins_and_the_cancel_is_refused(
    logged_in: ApiClient, subs, fake, user
):
    fake.questions = [item(n) for n in range(3)]
    run_id = _generate(logged_in, subs["1.1.1"], count=3).json()["runId"]
    assert _run(logged_in, run_id)["status"] == "succeeded"
    assert _cancel(logged_in, run_id).status_code == 409
    assert GenerationRun.objects.get(pk=run_id).status == "succeeded"
    assert quota_used(user.pk) == 3  # all three used; nothing given back


def test_a_cancel_winning_over_the_workers_end_refunds_once(
    logged_in: ApiClient, subs, fake, user, monkeypatch
):
    """The model delivered two of three questions and the stream ended; the cancel lands
    before the worker records the end: the cancel wins, the worker's end changes nothing."""
    real_finish = services._finish
    outcomes: list[bool] = []

    def finish_after_a_cancel(run, status, **kwargs):
        if status != RunStatus.CANCELLED:
            services.run_cancel(user=user, run_id=run.pk)
        outcome = real_finish(run, status, **kwargs)
        outcomes.append(outcome)
        return outcome

    monkeypatch.setattr(services, "_finish", finish_after_a_cancel)
    fake.questions = [item(0), item(1)]
    run_id = _generate(logged_in, subs["1.1.1"], count=3).json()["runId"]
    assert outcomes == [True, False]  # the cancel ended it; the worker's end did nothing
    run = GenerationRun.objects.get(pk=run_id)
    assert (run.status, run.accepted, run.rejected) == ("cancelled", 2, 0)
    assert quota_used(user.pk) == 2


@pytest.mark.django_db(transaction=True)
def test_a_cancel_and_the_workers_end_at_the_same_moment_refund_once(make_user, subs):
    """Both race for real, from two threads, many times: exactly one ends each run, and the
    quota counter ends where one refund puts it."""
    learner = make_user()
    wins: list[str] = []
    for _round in range(8):
        services.quota_reserve(user_id=learner.pk, count=4)
        run = GenerationRun.objects.create(
            user=learner,
            sub_objective=subs["1.1.1"],
            language="en",
            difficulty=3,
            requested=4,
            accepted=1,
            status=RunStatus.RUNNING,
            quota_reserved=4,
        )
        barrier = threading.Barrier(2)

        def finish(run_id=run.pk, barrier=barrier) -> None:
            barrier.wait()
            try:
                if services._finish(GenerationRun.objects.get(pk=run_id), RunStatus.PARTIAL):
                    wins.append("worker")
            finally:
                close_old_connections()

        def cancel(run_id=run.pk, barrier=barrier) -> None:
            barrier.wait()
            try:
                services.run_cancel(user=learner, run_id=run_id)
                wins.append("cancel")
            except services.RunAlreadyEnded:
                pass
            finally:
                close_old_connections()

        threads = [threading.Thread(target=finish), threading.Thread(target=cancel)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(wins) == 8  # one winner per run, never two
    assert quota_used(learner.pk) == 8  # one question kept per run; three of four back, once


@pytest.mark.django_db(transaction=True)
def test_a_real_stream_stops_soon_after_the_cancel(make_user, subs, fake):
    """Through the SDK and the fake server: the model writes slowly; the learner cancels after
    the first question; the worker notices within CANCEL_CHECK_SECONDS and closes the stream
    long before the model would have finished."""
    learner = make_user()
    fake.questions = [item(n) for n in range(4)]
    fake.tokens_per_second = 60  # about 3 s a question
    services.quota_reserve(user_id=learner.pk, count=4)
    run = GenerationRun.objects.create(
        user=learner,
        sub_objective=subs["1.1.1"],
        language="en",
        difficulty=3,
        requested=4,
        quota_reserved=4,
    )

    def work() -> None:
        try:
            services.run_execute(run_id=str(run.pk))
        finally:
            close_old_connections()

    worker = threading.Thread(target=work)
    started = time.monotonic()
    worker.start()
    stages: set[str] = set()
    while GenerationRun.objects.get(pk=run.pk).accepted < 1:
        stages.add(GenerationRun.objects.get(pk=run.pk).stage)
        assert time.monotonic() - started < 10, "no question arrived"
        time.sleep(0.02)
    assert RunStage.WRITING in stages
    services.run_cancel(user=learner, run_id=run.pk)
    cancelled_at = time.monotonic()
    worker.join(timeout=5)
    assert not worker.is_alive()
    # Well before the next question could end the stream: the check while the model writes.
    assert time.monotonic() - cancelled_at < 1.0
    assert len(fake.emitted_at) == 1  # the model never got to finish another question
    run.refresh_from_db()
    assert (run.status, run.accepted) == ("cancelled", 1)
    assert Question.objects.filter(generation_run_id=run.pk).count() == 1
    assert quota_used(learner.pk) == 1


def test_a_poll_says_what_the_run_is_doing_and_for_how_long(
    logged_in: ApiClient, subs, fake, monkeypatch
):
    seen: list[tuple[str, str | None, int]] = []
    client = logged_in

    def look() -> None:
        body = _run(client, str(GenerationRun.objects.get().pk))
        seen.append((body["status"], body["stage"], body["elapsedMs"]))

    def generate(*, instructions, prompt, on_item, on_progress, **kwargs):
        look()
        on_progress("writing")
        look()
        time.sleep(0.05)
        on_progress("retrying")
        look()
        raise llm.GenerationFailure("timeout", "slow")

    monkeypatch.setattr(llm, "generate", generate)
    run_id = _generate(logged_in, subs["1.1.1"], count=2).json()["runId"]
    assert [(status, stage) for status, stage, _ms in seen] == [
        ("running", "waiting"),
        ("running", "writing"),
        ("running", "retrying"),
    ]
    assert seen[2][2] >= seen[1][2] + 50
    final = _run(logged_in, run_id)
    assert (final["status"], final["stage"]) == ("failed", None)
    assert final["elapsedMs"] >= seen[2][2]
    # A finished run's time stops at its end.
    time.sleep(0.02)
    assert _run(logged_in, run_id)["elapsedMs"] == final["elapsedMs"]
