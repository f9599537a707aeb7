from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import Counter
from typing import Any

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from conftest import ApiClient
from savoir.core.errors import RateLimited
from savoir.generation.models import GenerationRun, RejectedItem, RunStatus
from savoir.generation.services import quota_reserve
from savoir.questions.models import Question, Source, Status
from savoir.questions.tests.factories import make_question

from .conftest import SECRET

pytestmark = pytest.mark.django_db


EN_STEMS = [
    "A web team stores user passwords. Which storage method best resists offline cracking after a database leak?",
    "Which control most directly stops a former employee from signing in with an account nobody disabled?",
    "An auditor asks how the firm proves a signed contract came from the CFO. Which property is involved?",
    "Which wireless setting prevents nearby clients from joining with a shared passphrase guessed offline?",
    "A SOC analyst sees many failed logins across accounts from one address. What attack is most likely?",
    "Which backup type needs only the last full copy and the most recent archive to restore everything?",
    "What should a company do first when a laptop holding customer data is reported stolen at an airport?",
    "Which DNS record lets receiving servers verify that a message was signed by the sending domain?",
    "A developer must keep API secrets out of source code. Which approach fits a CI pipeline best?",
    "Which principle explains giving a contractor access only to the one share their project needs?",
    "A kiosk must run one application only. Which hardening step best limits what a visitor can launch?",
    "Which metric tells how much data a business can afford to lose between the last backup and an outage?",
    "What does a certificate revocation check protect against when a browser opens a bank's website?",
    "Which cloud responsibility stays with the customer when renting virtual machines from a provider?",
    "A phishing test shows many clicks in finance. Which control reduces that risk most over time?",
    "Which log source best shows that a user copied large files to a USB drive on a workstation?",
    "What is the main purpose of a jump server placed between administrators and production systems?",
    "Which vulnerability scan type logs in to hosts to inspect installed packages and configuration?",
    "A retailer tokenizes card numbers before storing them. What does this change for a breach?",
    "Which part of an incident response plan names who may talk to the press during a breach?",
]
FR_STEMS = [
    "Une équipe web stocke les mots de passe des clients. Quelle méthode résiste le mieux au cassage hors ligne ?",
    "Quelle mesure empêche le plus directement un ancien salarié de se connecter avec un compte resté actif ?",
    "Un auditeur demande comment prouver qu'un contrat signé vient bien du directeur financier. Quelle propriété est en jeu ?",
    "Un analyste du SOC voit de nombreux échecs de connexion sur plusieurs comptes depuis une adresse. Quelle attaque est la plus probable ?",
    "Que doit faire l'entreprise en premier quand un portable contenant des données clients est volé dans un aéroport ?",
]


def item(n: int, language: str = "en", **overrides: Any) -> dict[str, Any]:
    """A good generated question; each n has its own stem, so none is a near-duplicate."""
    stem = (EN_STEMS if language == "en" else FR_STEMS)[n]
    if language == "en":
        base = {
            "stem": stem,
            "explanation": "This option addresses the risk directly. It is the standard control for this situation.",
            "correct": {
                "text": f"Option alpha {n}",
                "explanation": "It addresses the risk directly.",
                "misconception": None,
            },
            "distractors": [
                {
                    "text": f"Option bravo {n}",
                    "explanation": "It treats another risk.",
                    "misconception": "Any control will do.",
                },
                {
                    "text": f"Option charlie {n}",
                    "explanation": "It only detects, too late.",
                    "misconception": "Detection prevents.",
                },
                {
                    "text": f"Option delta {n}",
                    "explanation": "It hides data without protecting it.",
                    "misconception": "Hiding is protecting.",
                },
            ],
        }
    else:
        base = {
            "stem": stem,
            "explanation": "Cette option traite directement le risque. C'est la mesure de référence dans cette situation.",
            "correct": {
                "text": f"Option alpha {n}",
                "explanation": "Elle traite le risque à la source.",
                "misconception": None,
            },
            "distractors": [
                {
                    "text": f"Option bravo {n}",
                    "explanation": "Elle traite un autre risque.",
                    "misconception": "Toute mesure convient.",
                },
                {
                    "text": f"Option charlie {n}",
                    "explanation": "Elle détecte seulement, trop tard.",
                    "misconception": "Détecter, c'est prévenir.",
                },
                {
                    "text": f"Option delta {n}",
                    "explanation": "Elle masque sans protéger.",
                    "misconception": "Masquer, c'est protéger.",
                },
            ],
        }
    base.update(overrides)
    return base


def _generate(client: ApiClient, sub, count: int = 5, lang: str = "en", **extra):
    body = {"subObjectiveId": sub.pk, "lang": lang, "difficulty": 3, "count": count, **extra}
    return client.call("POST", "/api/generation/runs", body, HTTP_ACCEPT_LANGUAGE="en")


def _run(client: ApiClient, run_id: str) -> dict[str, Any]:
    response = client.get(f"/api/generation/runs/{run_id}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    run: dict[str, Any] = response.json()
    return run


def test_a_generation_stores_checked_questions_for_review(logged_in: ApiClient, subs, fake):
    fake.questions = [item(n, "fr") for n in range(5)]
    started = _generate(logged_in, subs["1.1.1"], lang="fr")
    assert started.status_code == 202
    assert started.json()["fromCache"] is False
    run = _run(logged_in, started.json()["runId"])
    assert (run["status"], run["requested"], run["accepted"], run["rejected"], run["error"]) == (
        "succeeded",
        5,
        5,
        0,
        None,
    )
    assert len(run["questions"]) == 5
    assert all(q["aiUnreviewed"] is True and q["language"] == "fr" for q in run["questions"])
    assert "isCorrect" not in str(run) and "explanation" not in str(run["questions"])
    stored = Question.objects.filter(source=Source.GENERATED)
    assert stored.count() == 5
    assert set(stored.values_list("status", flat=True)) == {Status.PENDING_REVIEW}
    assert {str(g) for g in stored.values_list("generation_run_id", flat=True)} == {run["id"]}
    record = GenerationRun.objects.get(pk=run["id"])
    assert (record.model, record.prompt_version, record.input_tokens, record.output_tokens) == (
        "gpt-fake-1",
        "question-v1",
        1200,
        900,
    )
    assert record.attempts == 1 and record.latency_ms is not None
    assert float(record.cost_estimate_usd) == 0.0  # unknown model: no price known
    request = fake.requests[0]
    assert request["model"] == "gpt-4.1-mini" and "Sous-objectif" not in request["instructions"]
    assert "1.1.1" in request["input"] and "French" in request["input"]
    # Learners can practise them at once, with the answer checked as usual.
    question = stored.first()
    assert question is not None
    right = question.choices.get(is_correct=True)
    answer = logged_in.call(
        "POST",
        "/api/practice/answers",
        {
            "questionId": question.pk,
            "choiceId": right.pk,
            "timeSpentMs": 5000,
            "clientAnswerId": "6f1f6c3a-5a7e-4b59-9d4e-1d2c1a0b9e01",
        },
    )
    assert answer.status_code == 200 and answer.json()["isCorrect"] is True


def test_the_key_position_is_shuffled_on_the_server(logged_in: ApiClient, subs, fake):
    fake.questions = [item(n) for n in range(20)]
    with override_settings(GENERATION_DAILY_QUOTA=100):
        _generate(logged_in, subs["1.1.1"], count=20)
    positions = Counter(
        next(i for i, c in enumerate(q.choices.order_by("position")) if c.is_correct)
        for q in Question.objects.filter(source=Source.GENERATED)
    )
    assert sum(positions.values()) == 20
    assert len(positions) >= 2  # the model always sends the key first; storage does not


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (
            {
                "correct": {
                    "text": "A much, much longer correct answer than any of the others",
                    "explanation": "x",
                    "misconception": None,
                }
            },
            "key_too_long",
        ),
        (
            {
                "distractors": [
                    {"text": "All of the above", "explanation": "x", "misconception": "y"},
                    {"text": "Option charlie 0", "explanation": "x", "misconception": "y"},
                    {"text": "Option delta 0", "explanation": "x", "misconception": "y"},
                ]
            },
            "all_or_none_of_the_above",
        ),
        (
            {
                "distractors": [
                    {"text": "Option alpha 0", "explanation": "x", "misconception": "y"},
                    {"text": "Option charlie 0", "explanation": "x", "misconception": "y"},
                    {"text": "Option delta 0", "explanation": "x", "misconception": "y"},
                ]
            },
            "overlapping_options",
        ),
        (
            {"distractors": [{"text": "Option bravo 0", "explanation": "x", "misconception": "y"}]},
            "wrong_choice_count",
        ),
        ({"stem": "   "}, "empty_text"),
        (
            {
                "stem": "Quelle est la meilleure technique pour protéger les mots de passe stockés dans la base ?"
            },
            "wrong_language",
        ),
    ],
)
def test_quality_rules_reject_crafted_bad_items(logged_in: ApiClient, subs, fake, bad, reason):
    fake.questions = [item(0, **bad), item(1)]
    run = _run(logged_in, _generate(logged_in, subs["1.1.1"], count=2).json()["runId"])
    assert (run["status"], run["accepted"], run["rejected"]) == ("partial", 1, 1)
    assert run["error"]["code"] == "some_rejected"
    assert list(RejectedItem.objects.values_list("reason", flat=True)) == [reason]
    assert Question.objects.filter(source=Source.GENERATED).count() == 1


def test_near_duplicates_of_the_bank_are_rejected(logged_in: ApiClient, subs, fake):
    existing = make_question(subs["1.1.1"])
    fake.questions = [item(0, stem=existing.stem + "?"), item(1)]
    run = _run(logged_in, _generate(logged_in, subs["1.1.1"], count=2).json()["runId"])
    assert list(RejectedItem.objects.values_list("reason", flat=True)) == ["near_duplicate"]
    assert run["accepted"] == 1


@pytest.mark.parametrize(
    ("scenario", "code", "attempts", "message"),
    [
        (
            "refusal",
            "refused",
            1,
            "The AI declined to write these questions. Try another sub-objective or difficulty.",
        ),
        (
            "truncated",
            "invalid_output",
            1,
            "The AI answer was incomplete or malformed, so nothing was kept. Try again.",
        ),
        (
            "schema_violation",
            "invalid_output",
            1,
            "The AI answer was incomplete or malformed, so nothing was kept. Try again.",
        ),
        (
            "unauthorized",
            "configuration",
            1,
            "Question generation is misconfigured on the server; an administrator has been told.",
        ),
        ("rate_limited", "rate_limited", 3, "The AI service is busy. Try again in a minute."),
        ("rate_limited_long", "rate_limited", 1, "The AI service is busy. Try again in a minute."),
        (
            "insufficient_quota",
            "quota_exhausted",
            1,
            "The AI service has no credit left. Practice from the question bank still works.",
        ),
        ("server_error", "model_error", 3, "The AI service had a problem. Try again later."),
        ("stream_error", "model_error", 1, "The AI service had a problem. Try again later."),
    ],
)
def test_failures_end_in_a_clear_status_and_store_nothing(
    logged_in: ApiClient, subs, fake, user, scenario, code, attempts, message
):
    fake.scenario = scenario
    fake.questions = [item(0)]  # a truncated stream then breaks inside the only question
    run = _run(logged_in, _generate(logged_in, subs["1.1.1"], count=3).json()["runId"])
    assert (run["status"], run["accepted"], run["questions"]) == ("failed", 0, [])
    assert run["error"] == {"code": code, "message": message}
    assert len(fake.requests) == attempts
    assert Question.objects.filter(source=Source.GENERATED).count() == 0
    # A failed run gives its quota back.
    with override_settings(GENERATION_DAILY_QUOTA=3):
        fake.scenario = "ok"
        assert _generate(logged_in, subs["1.1.1"], count=3).status_code == 202


def test_a_model_slower_than_the_timeout_fails_cleanly(logged_in: ApiClient, subs, fake):
    fake.delay = 1.5
    fake.questions = [item(0)]
    with override_settings(GENERATION_TIMEOUT_SECONDS=0.3):
        run = _run(logged_in, _generate(logged_in, subs["1.1.1"], count=1).json()["runId"])
    assert (run["status"], run["error"]["code"]) == ("failed", "timeout")
    assert len(fake.requests) == 3


def test_the_api_key_never_reaches_the_logs(logged_in: ApiClient, subs, fake, caplog):
    fake.scenario = "unauthorized"
    with caplog.at_level(logging.DEBUG):
        run_id = _generate(logged_in, subs["1.1.1"], count=1).json()["runId"]
        _run(logged_in, run_id)
    assert "generation run failed: configuration" in caplog.text  # operators are told
    assert SECRET not in caplog.text
    assert SECRET not in GenerationRun.objects.get(pk=run_id).error_detail


def test_enough_unseen_bank_questions_answer_without_the_model(logged_in: ApiClient, subs, fake):
    for n in range(3):
        make_question(subs["1.1.1"], difficulty=3, label=f"bank{n}")
    started = _generate(logged_in, subs["1.1.1"], count=3).json()
    assert (started["fromCache"], started["status"]) == (True, "succeeded")
    run = _run(logged_in, started["runId"])
    assert (run["accepted"], len(run["questions"])) == (3, 3)
    assert fake.requests == []


def test_only_teachers_and_admins_force_a_generation(logged_in: ApiClient, subs, fake, make_user):
    for n in range(3):
        make_question(subs["1.1.1"], difficulty=3, label=f"bank{n}")
    assert _generate(logged_in, subs["1.1.1"], count=3, force=True).status_code == 403
    teacher = ApiClient()
    teacher.login_as(make_user(email="prof@example.com", role="teacher").email)
    fake.questions = [item(n) for n in range(3)]
    started = _generate(teacher, subs["1.1.1"], count=3, force=True).json()
    assert started["fromCache"] is False and len(fake.requests) == 1


def test_without_a_key_generation_is_unavailable_but_practice_works(logged_in: ApiClient, subs):
    with override_settings(OPENAI_API_KEY="", OPENAI_BASE_URL=""):
        response = _generate(logged_in, subs["1.1.1"])
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "generation_unavailable"
    make_question(subs["1.1.1"])
    assert (
        logged_in.call(
            "POST", "/api/practice/sessions", {"subObjectiveId": subs["1.1.1"].pk, "lang": "en"}
        ).status_code
        == 200
    )


@pytest.fixture
def teacher(make_user) -> ApiClient:
    # Teachers can force a model call even when earlier runs left unseen questions in the bank.
    client = ApiClient()
    client.login_as(make_user(email="teacher@example.com", role="teacher").email)
    return client


def test_per_minute_rate_limit_refuses_without_calling_the_model(teacher: ApiClient, subs, fake):
    fake.questions = [item(0)]
    statuses = [
        _generate(teacher, subs["1.1.1"], count=1, force=True).status_code for _ in range(6)
    ]
    assert statuses == [202] * 5 + [429]
    assert len(fake.requests) == 5


@override_settings(TASKS_RUN_INLINE=False)  # runs stay in flight (queued), holding their quota
def test_the_daily_quota_counts_generated_questions(teacher: ApiClient, subs, fake):
    assert _generate(teacher, subs["1.1.1"], count=20, force=True).status_code == 202
    assert _generate(teacher, subs["1.1.1"], count=20, force=True).status_code == 202
    refused = _generate(teacher, subs["1.1.1"], count=20, force=True)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "generation_quota"
    assert int(refused["Retry-After"]) > 0
    assert GenerationRun.objects.filter(status="queued").count() == 2
    assert _generate(teacher, subs["1.1.1"], count=10, force=True).status_code == 202  # 50 in all


def test_quota_reservations_are_atomic_under_concurrency(user):
    results: list[bool] = []
    barrier = threading.Barrier(10)

    def reserve() -> None:
        barrier.wait()
        try:
            quota_reserve(user_id=user.pk, count=10)
            results.append(True)
        except RateLimited:
            results.append(False)

    threads = [threading.Thread(target=reserve) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 5


def test_a_run_whose_worker_died_ends_as_failed(logged_in: ApiClient, subs, user):
    run = GenerationRun.objects.create(
        user=user,
        sub_objective=subs["1.1.1"],
        language="en",
        difficulty=2,
        requested=5,
        status=RunStatus.RUNNING,
        started_at=timezone.now(),
        quota_reserved=5,
    )
    GenerationRun.objects.filter(pk=run.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=6)
    )
    body = _run(logged_in, str(run.pk))
    assert (body["status"], body["error"]["code"]) == ("failed", "interrupted")


def test_runs_are_private(subs, fake, make_user, logged_in: ApiClient):
    fake.questions = [item(0)]
    run_id = _generate(logged_in, subs["1.1.1"], count=1).json()["runId"]
    other = ApiClient()
    other.login_as(make_user(email="other@example.com").email)
    assert other.get(f"/api/generation/runs/{run_id}").status_code == 404


@pytest.mark.parametrize("change", [{"count": 0}, {"count": 21}, {"difficulty": 6}, {"lang": "de"}])
def test_bad_requests_are_422(logged_in: ApiClient, subs, change):
    body = {"subObjectiveId": subs["1.1.1"].pk, "lang": "en", "difficulty": 3, "count": 5, **change}
    assert logged_in.call("POST", "/api/generation/runs", body).status_code == 422


def test_the_request_is_a_strict_structured_stream(logged_in: ApiClient, subs, fake):
    fake.questions = [item(0)]
    _generate(logged_in, subs["1.1.1"], count=1)
    request = fake.requests[0]
    assert request["stream"] is True
    assert request["text"]["format"]["name"] == "GeneratedBatch"
    assert request["text"]["format"]["strict"] is True


def test_questions_are_stored_one_by_one_while_the_model_streams(
    logged_in: ApiClient, subs, fake, monkeypatch
):
    from savoir.generation import services
    from savoir.questions.services import question_create as real_create

    stored_during_stream: list[int] = []

    def spy(**kwargs: Any):
        stored_during_stream.append(len(fake.requests))
        return real_create(**kwargs)

    monkeypatch.setattr(services, "question_create", spy)
    fake.questions = [item(n) for n in range(3)]
    _generate(logged_in, subs["1.1.1"], count=3)
    assert stored_during_stream == [1, 1, 1]


def test_a_stream_cut_short_keeps_the_questions_already_checked(logged_in: ApiClient, subs, fake):
    fake.scenario = "truncated"
    fake.questions = [item(n) for n in range(4)]
    run = _run(logged_in, _generate(logged_in, subs["1.1.1"], count=4).json()["runId"])
    assert run["status"] == "partial"
    assert run["error"]["code"] == "invalid_output"
    assert 1 <= run["accepted"] < 4
    # One message, about what was kept, not "nothing was kept" beside the kept questions.
    kept = run["accepted"]
    assert run["error"]["message"] == (
        f"The AI stopped before the end. The {kept} "
        + (
            "question that passed our checks is kept."
            if kept == 1
            else "questions that passed our checks are kept."
        )
    )
    assert all(q["stem"] in EN_STEMS for q in run["questions"])


def test_the_per_minute_limit_holds_under_concurrent_requests(user):
    from savoir.core.ratelimit import rate_limit_hit

    allowed: list[bool] = []
    barrier = threading.Barrier(12)

    def hit() -> None:
        barrier.wait()
        try:
            rate_limit_hit("generate", str(user.pk), limit=5, window=60)
            allowed.append(True)
        except RateLimited:
            allowed.append(False)

    threads = [threading.Thread(target=hit) for _ in range(12)]
    # A frozen clock keeps every hit in one fixed window.
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, 0, 5, tzinfo=dt.UTC), tick=False):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert allowed.count(True) == 5


def test_a_run_expired_by_a_poll_then_ended_by_its_worker_gives_quota_back_once(
    teacher: ApiClient, subs, fake, monkeypatch
):
    """The worker and a learner's poll race to end the same run: only one of them ends it, the
    unused quota comes back once, and nothing is stored after the run ended."""
    from savoir.generation import llm, services

    def generate(*, instructions, prompt, on_item, **kwargs):
        on_item(llm.GeneratedQuestion.model_validate(item(0)), {})
        # Five minutes later the learner polls: the run counts as stuck and is ended.
        GenerationRun.objects.update(created_at=timezone.now() - dt.timedelta(minutes=6))
        assert services.runs_expire() == 1
        on_item(llm.GeneratedQuestion.model_validate(item(1)), {})  # arrives too late
        raise llm.GenerationFailure("timeout", "the model took too long")

    monkeypatch.setattr(llm, "generate", generate)
    run_id = _generate(teacher, subs["1.1.1"], count=20, force=True).json()["runId"]
    run = GenerationRun.objects.get(pk=run_id)
    assert (run.status, run.error_code, run.accepted) == ("failed", "interrupted", 1)
    assert list(
        Question.objects.filter(generation_run_id=run_id).values_list("stem", flat=True)
    ) == [EN_STEMS[0]]
    # One question used; 49 left today, not 69.
    monkeypatch.undo()
    with override_settings(TASKS_RUN_INLINE=False):
        for count in (20, 20, 9):
            assert _generate(teacher, subs["1.1.1"], count=count, force=True).status_code == 202
        refused = _generate(teacher, subs["1.1.1"], count=1, force=True)
    assert refused.json()["error"]["code"] == "generation_quota"
