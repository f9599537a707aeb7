from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ApiClient
from savoir.practice.models import Flag
from savoir.questions.models import Choice, Question, QuestionReport, Status
from savoir.questions.tests.factories import make_question, mini_catalog

pytestmark = pytest.mark.django_db
FORBIDDEN_KEYS = {
    "isCorrect",
    "is_correct",
    "explanation",
    "explanations",
    "choiceExplanations",
    "correctChoiceId",
}


@pytest.fixture
def subs(db):
    return mini_catalog()


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _next(client: ApiClient, sub, **params):
    query = {"subObjectiveId": sub.pk, "lang": "en", **params}
    response = client.call("POST", "/api/practice/sessions", query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    return response.json()


def _answer(
    client: ApiClient, question_id: int, correct: bool, session_id: str | None = None, **extra
):
    choice = Choice.objects.filter(question_id=question_id, is_correct=correct).first()
    assert choice is not None
    body = {
        "questionId": question_id,
        "choiceId": choice.pk,
        "timeSpentMs": 9000,
        "clientAnswerId": str(uuid.uuid4()),
        "sessionId": session_id,
        **extra,
    }
    response = client.call("POST", "/api/practice/answers", body)
    assert response.status_code == 200, response.content
    return response.json()


def test_next_never_leaks_the_answer(logged_in: ApiClient, subs):
    make_question(subs["1.1.1"])
    body = _next(logged_in, subs["1.1.1"])
    assert body["status"] == "question"
    assert not _keys(body) & FORBIDDEN_KEYS
    question = body["question"]
    assert set(question) == {
        "id",
        "groupId",
        "subObjectiveId",
        "subObjectiveCode",
        "language",
        "stem",
        "difficulty",
        "source",
        "aiUnreviewed",
        "flagged",
        "choices",
    }
    assert all(set(c) == {"id", "text"} for c in question["choices"])
    listing = logged_in.get(
        "/api/practice/questions", {"subObjectiveId": subs["1.1.1"].pk, "lang": "en"}
    ).json()
    assert listing["count"] == 1
    assert not _keys(listing) & FORBIDDEN_KEYS


def test_the_shuffle_is_stable_per_learner_and_differs_between_learners(subs, make_user):
    questions = [make_question(subs["1.1.1"], label=f"q{n}") for n in range(12)]
    alice, bob = ApiClient(), ApiClient()
    alice.login_as(make_user(email="alice@example.com").email)
    bob.login_as(make_user(email="bob@example.com").email)

    def orders(client: ApiClient) -> list[list[int]]:
        items = client.get(
            "/api/practice/questions", {"subObjectiveId": subs["1.1.1"].pk, "lang": "en"}
        ).json()["items"]
        return [[c["id"] for c in item["choices"]] for item in items]

    assert orders(alice) == orders(alice)
    assert orders(alice) != orders(bob)
    authoring = [
        list(q.choices.order_by("position").values_list("pk", flat=True)) for q in questions
    ]
    assert orders(alice) != authoring


def test_the_correct_position_is_uniform_over_the_shipped_bank(logged_in: ApiClient, user):
    from django.core.management import call_command

    call_command("load_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from savoir.practice.selectors import shuffled_choices

    positions: Counter[int] = Counter()
    for question in Question.objects.filter(language="en").prefetch_related("choices"):
        order = shuffled_choices(user, question, list(question.choices.all()))
        positions[next(i for i, c in enumerate(order) if c.is_correct)] += 1
    total = sum(positions.values())
    assert total >= 84
    # 112 questions over 4 positions: 28 expected each; a fair shuffle stays well inside this band.
    assert all(0.55 * total / 4 <= positions[p] <= 1.45 * total / 4 for p in range(4)), positions


def test_priority_is_due_then_unseen_then_weakest(logged_in: ApiClient, subs):
    sub = subs["1.1.1"]
    a, b, c = (
        make_question(sub, label=label, difficulty=d) for label, d in (("A", 1), ("B", 2), ("C", 3))
    )
    start = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        _answer(logged_in, a.pk, correct=False)  # due again in 1 minute
        _answer(logged_in, b.pk, correct=True)  # due in 10 minutes
        clock.shift(dt.timedelta(minutes=2))
        order = []
        for _ in range(3):
            # The learner moves on after each answer (advance).
            body = _next(logged_in, sub, advance=True)
            order.append(body["question"]["id"])
            _answer(
                logged_in, body["question"]["id"], correct=True, session_id=body["session"]["id"]
            )
    assert order == [a.pk, c.pk, b.pk]


def test_misconceptions_come_back_first(logged_in: ApiClient, subs):
    sub = subs["1.1.1"]
    plain, confident = make_question(sub, label="plain"), make_question(sub, label="confident")
    with time_machine.travel(dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC), tick=False) as clock:
        _answer(logged_in, plain.pk, correct=False)
        clock.shift(dt.timedelta(seconds=5))
        _answer(logged_in, confident.pk, correct=False, confidence="high")
        clock.shift(dt.timedelta(minutes=5))
        assert _next(logged_in, sub)["question"]["id"] == confident.pk
        due = logged_in.get("/api/reviews/due", {"lang": "en"}).json()
    assert due["count"] == 2
    assert [(i["questionId"], i["misconception"]) for i in due["items"]] == [
        (confident.pk, True),
        (plain.pk, False),
    ]


def test_an_interrupted_session_resumes_on_the_same_question(logged_in: ApiClient, subs):
    for n in range(3):
        make_question(subs["1.1.1"], label=f"r{n}")
    first = _next(logged_in, subs["1.1.1"])
    again = _next(logged_in, subs["1.1.1"])
    assert again["status"] == "resumed"
    assert again["question"] == first["question"]
    assert again["session"]["id"] == first["session"]["id"]


def test_a_session_ends_at_its_target_with_a_summary(logged_in: ApiClient, subs):
    for n in range(12):
        make_question(subs["1.1.1"], label=f"s{n}")
    session_id = None
    for n in range(10):
        body = _next(logged_in, subs["1.1.1"], advance=True)
        session_id = body["session"]["id"]
        assert body["session"]["answered"] == n
        _answer(logged_in, body["question"]["id"], correct=n % 2 == 0, session_id=session_id)
    done = _next(logged_in, subs["1.1.1"], advance=True)
    assert (
        done["status"],
        done["question"],
        done["session"]["answered"],
        done["session"]["correct"],
    ) == (
        "session_complete",
        None,
        10,
        5,
    )
    summary = logged_in.call("POST", f"/api/practice/sessions/{session_id}/finish").json()
    assert (summary["answered"], summary["correct"], summary["timeSpentMs"]) == (10, 5, 90000)
    assert summary["finishedAt"] is not None
    change = summary["masteryChanges"][0]
    assert (change["subObjectiveCode"], change["scoreBefore"], change["levelBefore"]) == (
        "1.1.1",
        0,
        "not_started",
    )
    assert change["levelAfter"] in {"attempted", "familiar"} and change["scoreAfter"] > 0
    fresh = _next(logged_in, subs["1.1.1"])
    assert fresh["session"]["id"] != session_id and fresh["session"]["answered"] == 0


def test_modes(logged_in: ApiClient, subs):
    sub = subs["1.1.1"]
    missed, right, unseen = (make_question(sub, label=x) for x in ("missed", "right", "unseen"))
    _answer(logged_in, missed.pk, correct=False)
    _answer(logged_in, right.pk, correct=True)
    assert _next(logged_in, sub, mode="missed")["question"]["id"] == missed.pk
    assert _next(logged_in, sub, mode="unseen")["question"]["id"] == unseen.pk
    assert _next(logged_in, sub, mode="flagged")["status"] == "nothing_left"
    assert (
        logged_in.call("POST", "/api/practice/flags", {"questionId": right.pk}).status_code == 201
    )
    flagged = _next(logged_in, sub, mode="flagged")
    assert (flagged["question"]["id"], flagged["question"]["flagged"]) == (right.pk, True)
    assert (
        logged_in.call(
            "POST",
            "/api/practice/sessions",
            {"subObjectiveId": sub.pk, "lang": "en", "mode": "random"},
        ).status_code
        == 422
    )


def test_flags_are_idempotent_and_removable(logged_in: ApiClient, subs, user):
    question = make_question(subs["1.1.1"])
    assert (
        logged_in.call("POST", "/api/practice/flags", {"questionId": question.pk}).status_code
        == 201
    )
    again = logged_in.call("POST", "/api/practice/flags", {"questionId": question.pk})
    assert (again.status_code, again.json()) == (200, {"questionId": question.pk, "flagged": True})
    assert Flag.objects.filter(user=user).count() == 1
    assert logged_in.call("DELETE", f"/api/practice/flags/{question.pk}").status_code == 204
    assert Flag.objects.filter(user=user).count() == 0
    assert logged_in.call("POST", "/api/practice/flags", {"questionId": 999999}).status_code == 404


def test_reports_before_and_after_answering(logged_in: ApiClient, subs, user):
    question = make_question(subs["1.1.1"])
    before = logged_in.call(
        "POST",
        f"/api/practice/questions/{question.pk}/reports",
        {"reason": "ambiguous", "comment": "Two readings"},
    )
    assert before.status_code == 201
    assert before.json()["reason"] == "ambiguous"
    _answer(logged_in, question.pk, correct=False)
    after = logged_in.call(
        "POST", f"/api/practice/questions/{question.pk}/reports", {"reason": "wrong_key"}
    )
    assert after.status_code == 201
    reports = list(
        QuestionReport.objects.filter(user=user)
        .order_by("pk")
        .values_list("reason", "answered_before_report", "state")
    )
    assert reports == [("ambiguous", False, "open"), ("wrong_key", True, "open")]
    assert (
        logged_in.call(
            "POST", f"/api/practice/questions/{question.pk}/reports", {"reason": "boring"}
        ).status_code
        == 422
    )
    assert (
        logged_in.call(
            "POST", "/api/practice/questions/999999/reports", {"reason": "other"}
        ).status_code
        == 404
    )


def test_reports_reach_the_teachers_review_queue(client, subs, make_user):
    question = make_question(subs["1.1.1"])
    learner = ApiClient()
    learner.login_as(make_user(email="l@example.com").email)
    learner.call(
        "POST",
        f"/api/practice/questions/{question.pk}/reports",
        {"reason": "outdated", "comment": "TLS 1.0"},
    )
    client.force_login(make_user(email="t@example.com", role="teacher"))
    page = client.get("/admin/questions/questionreport/")
    assert page.status_code == 200
    assert "TLS 1.0" in page.content.decode() or "Outdated" in page.content.decode()


def test_owner_scoping(subs, make_user):
    question = make_question(subs["1.1.1"])
    alice, bob = ApiClient(), ApiClient()
    alice.login_as(make_user(email="alice@example.com").email)
    bob.login_as(make_user(email="bob@example.com").email)
    body = _next(alice, subs["1.1.1"])
    _answer(alice, question.pk, correct=True, session_id=body["session"]["id"])
    assert bob.get(f"/api/practice/sessions/{body['session']['id']}").status_code == 404
    assert (
        bob.call("POST", f"/api/practice/sessions/{body['session']['id']}/finish").status_code
        == 404
    )
    assert bob.get("/api/progress/mastery", {"examCode": "MINI-1"}).json() == []
    assert bob.get("/api/reviews/due", {"lang": "en"}).json()["count"] == 0
    # For Bob the question is still unseen, whatever Alice did.
    assert _next(bob, subs["1.1.1"], mode="unseen")["question"]["id"] == question.pk
    assert len(alice.get("/api/progress/mastery", {"examCode": "MINI-1"}).json()) == 1


def test_scope_and_language(logged_in: ApiClient, subs):
    english = make_question(subs["2.1.1"], language="en")
    french = make_question(subs["2.1.1"], language="fr", group=english.group)
    domain = logged_in.call(
        "POST", "/api/practice/sessions", {"domainCode": "2.0", "examCode": "MINI-1", "lang": "fr"}
    ).json()
    assert domain["question"]["id"] == french.pk
    objective_id = subs["2.1.1"].objective_id
    objective = logged_in.call(
        "POST",
        "/api/practice/sessions",
        {"objectiveId": objective_id, "examCode": "MINI-1", "lang": "en"},
    ).json()
    assert objective["question"]["id"] == english.pk
    assert (
        logged_in.call(
            "POST", "/api/practice/sessions", {"subObjectiveId": 999999, "lang": "en"}
        ).status_code
        == 404
    )
    assert (
        logged_in.call(
            "POST", "/api/practice/sessions", {"subObjectiveId": subs["1.1.1"].pk, "lang": "de"}
        ).status_code
        == 422
    )


def test_drafts_and_rejected_questions_are_never_served(logged_in: ApiClient, subs):
    make_question(subs["1.1.1"], status=Status.DRAFT)
    make_question(subs["1.1.1"], status=Status.REJECTED)
    # Nothing practisable: the bank is empty here as far as learners are concerned.
    body = _next(logged_in, subs["1.1.1"])
    assert (body["status"], body["question"], body["session"]["size"]) == ("no_questions", None, 0)


def test_next_and_list_query_counts_are_bounded(logged_in: ApiClient, subs):
    def count(url: str, params: dict[str, Any], method: str = "GET") -> int:
        with CaptureQueriesContext(connection) as ctx:
            if method == "GET":
                assert logged_in.get(url, params).status_code == 200
            else:
                assert logged_in.call(method, url, params).status_code == 200
        return len(
            [q for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
        )

    make_question(subs["1.1.1"])
    params = {"subObjectiveId": subs["1.1.1"].pk, "lang": "en"}
    one_list = count("/api/practice/questions", params)
    first_next = count("/api/practice/sessions", params, "POST")
    for n in range(15):
        make_question(subs["1.1.1"], label=f"many{n}")
    assert count("/api/practice/questions", params) == one_list
    assert first_next <= 14
    assert count("/api/practice/sessions", {**params, "mode": "unseen"}, "POST") <= 14


def test_reviews_due_query_count_does_not_grow_with_the_cards(logged_in: ApiClient, subs):
    """One due card or twenty, across sub-objectives: the same queries."""
    codes = ["1.1.1", "1.1.2", "2.1.1"]
    questions = [make_question(subs[codes[n % len(codes)]], label=f"due{n}") for n in range(20)]

    def due() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            response = logged_in.get("/api/reviews/due", {"lang": "en"})
        assert response.status_code == 200, response.content
        return len(response.json()["items"]), len(ctx.captured_queries)

    with time_machine.travel(dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC), tick=False) as clock:
        _answer(logged_in, questions[0].pk, correct=False)
        clock.shift(dt.timedelta(hours=1))  # a wrong answer comes back within the hour
        due()  # a first request may fill a cache: count the ones after it
        one = due()
        for question in questions[1:]:
            _answer(logged_in, question.pk, correct=False)
        clock.shift(dt.timedelta(hours=1))
        many = due()
    assert (one[0], many[0]) == (1, 20)
    assert many[1] == one[1]
