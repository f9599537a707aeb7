from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ApiClient
from savoir.questions.models import Question, QuestionReport, Source, Status
from savoir.questions.services import report_create
from savoir.questions.tests.factories import make_question, mini_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def subs(db):
    return mini_catalog()


@pytest.fixture
def reviewer(make_user) -> ApiClient:
    client = ApiClient()
    client.login_as(make_user(email="reviewer@example.com", role="teacher").email)
    return client


def test_learners_cannot_use_the_moderation_queue(logged_in: ApiClient, subs):
    question = make_question(subs["1.1.1"], status=Status.PENDING_REVIEW, source=Source.GENERATED)
    assert logged_in.get("/api/moderation/questions").status_code == 403
    assert (
        logged_in.call("POST", f"/api/moderation/questions/{question.pk}/approve").status_code
        == 403
    )
    question.refresh_from_db()
    assert question.status == Status.PENDING_REVIEW
    # Whether an id exists is not told to someone who may not moderate: 403 either way.
    for action in ("approve", "retire"):
        missing = logged_in.call("POST", f"/api/moderation/questions/999999/{action}")
        assert missing.status_code == 403
    edit = {
        "stem": "Which one?",
        "explanation": "This one.",
        "difficulty": 2,
        "choices": [
            {"text": f"Choice {n}", "isCorrect": n == 0, "explanation": "Why."} for n in range(4)
        ],
    }
    assert logged_in.call("PUT", "/api/moderation/questions/999999", edit).status_code == 403


def test_pending_queue_shows_answers_and_approval_makes_it_count(reviewer: ApiClient, subs):
    pending = make_question(subs["1.1.1"], status=Status.PENDING_REVIEW, source=Source.GENERATED)
    make_question(subs["1.1.1"])  # approved already: not in the queue
    page = reviewer.get("/api/moderation/questions", {"queue": "pending"}).json()
    assert page["count"] == 1
    item = page["items"][0]
    assert item["id"] == pending.pk
    assert [c["isCorrect"] for c in item["choices"]] == [True, False, False, False]
    approved = reviewer.call("POST", f"/api/moderation/questions/{pending.pk}/approve").json()
    assert approved["status"] == "approved"
    assert reviewer.get("/api/moderation/questions", {"queue": "pending"}).json()["count"] == 0


def test_reject_needs_a_note(reviewer: ApiClient, subs):
    pending = make_question(subs["1.1.1"], status=Status.PENDING_REVIEW, source=Source.GENERATED)
    assert (
        reviewer.call(
            "POST", f"/api/moderation/questions/{pending.pk}/reject", {"note": ""}
        ).status_code
        == 422
    )
    rejected = reviewer.call(
        "POST", f"/api/moderation/questions/{pending.pk}/reject", {"note": "Two keys"}
    ).json()
    assert rejected["status"] == "rejected"
    assert Question.objects.get(pk=pending.pk).review_note == "Two keys"


def test_reported_queue_and_resolution(reviewer: ApiClient, logged_in: ApiClient, subs):
    question = make_question(subs["1.1.1"])
    logged_in.call(
        "POST",
        f"/api/practice/questions/{question.pk}/reports",
        {"reason": "wrong_key", "comment": "B is right"},
    )
    page = reviewer.get("/api/moderation/questions", {"queue": "reported"}).json()
    assert page["count"] == 1
    report = page["items"][0]["reports"][0]
    assert (report["reason"], report["comment"], report["state"]) == (
        "wrong_key",
        "B is right",
        "open",
    )
    resolved = reviewer.call(
        "POST", f"/api/moderation/reports/{report['id']}/resolve", {"dismiss": False}
    ).json()
    assert resolved["state"] == "resolved"
    assert QuestionReport.objects.get(pk=report["id"]).state == "resolved"
    assert reviewer.get("/api/moderation/questions", {"queue": "reported"}).json()["count"] == 0


def test_edit_through_the_queue(reviewer: ApiClient, subs):
    question = make_question(subs["1.1.1"], status=Status.PENDING_REVIEW, source=Source.GENERATED)
    choices: list[dict[str, Any]] = [
        {"text": "One", "isCorrect": False, "explanation": "No."},
        {"text": "Two", "isCorrect": True, "explanation": "Yes."},
        {"text": "Three", "isCorrect": False, "explanation": "No."},
    ]
    body = {
        "stem": "A clearer stem?",
        "explanation": "Because.",
        "difficulty": 4,
        "choices": choices,
    }
    edited = reviewer.call("PUT", f"/api/moderation/questions/{question.pk}", body).json()
    assert (edited["id"], edited["stem"], edited["difficulty"]) == (
        question.pk,
        "A clearer stem?",
        4,
    )
    assert [c["text"] for c in edited["choices"] if c["isCorrect"]] == ["Two"]
    two_keys = {**body, "choices": [{**c, "isCorrect": True} for c in choices]}
    response = reviewer.call(
        "PUT", f"/api/moderation/questions/{question.pk}", two_keys, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["choices"] == ["Exactly one choice must be correct."]


def test_review_queue_query_counts_do_not_grow_with_the_queue(reviewer: ApiClient, make_user, subs):
    """One question or a full page of 20, in either queue, across sub-objectives, each with its
    choices and its reports: the same queries."""
    learners = [make_user(email=f"learner{n}@example.com") for n in range(2)]
    codes = ["1.1.1", "1.1.2", "2.1.1"]

    def add(count: int) -> None:
        for _ in range(count):
            sub = subs[codes[Question.objects.count() % len(codes)]]
            make_question(sub, status=Status.PENDING_REVIEW, source=Source.GENERATED)
            reported = make_question(sub)
            for learner in learners:
                report_create(user=learner, question_id=reported.pk, reason="ambiguous", comment="")

    def queue(name: str) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            response = reviewer.get("/api/moderation/questions", {"queue": name})
        assert response.status_code == 200, response.content
        return len(response.json()["items"]), len(ctx.captured_queries)

    # A stopped clock: "last seen" is refreshed every few minutes, never between two counts.
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        add(1)
        queue("pending")  # a first request may fill a cache: count the ones after it
        one = {name: queue(name) for name in ("pending", "reported")}
        add(19)
        many = {name: queue(name) for name in ("pending", "reported")}
    assert {name: items for name, (items, _) in one.items()} == {"pending": 1, "reported": 1}
    assert {name: items for name, (items, _) in many.items()} == {"pending": 20, "reported": 20}
    assert {name: queries for name, (_, queries) in many.items()} == {
        name: queries for name, (_, queries) in one.items()
    }
