from __future__ import annotations

import datetime as dt
import threading
import uuid
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ApiClient
from savoir.accounts.models import User
from savoir.practice.answer_sql import learner_lock
from savoir.practice.models import ReviewCard, UserAnswer
from savoir.progress.models import DailyActivity, LearnerStats, SubObjectiveMastery
from savoir.questions.models import Question
from savoir.questions.tests.factories import make_question, mini_catalog

# Transactional: on PostgreSQL the answer then runs through its real path (raw BEGIN/COMMIT in
# two round trips, practice/answer_sql.py), not the atomic() fallback that a test's wrapping
# transaction would force.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def subs(db):
    return mini_catalog()


@pytest.fixture
def question(subs) -> Question:
    return make_question(subs["1.1.1"], correct=2)


def _choices(question: Question) -> tuple[int, int]:
    correct = question.choices.get(is_correct=True).pk
    wrong = question.choices.filter(is_correct=False).values_list("pk", flat=True)[0]
    return correct, wrong


def answer(client: ApiClient, question: Question, choice_id: int, **extra):
    body = {
        "questionId": question.pk,
        "choiceId": choice_id,
        "timeSpentMs": extra.pop("time", 15000),
        "clientAnswerId": str(extra.pop("client_id", uuid.uuid4())),
    }
    body.update(extra)
    return client.call("POST", "/api/practice/answers", body, HTTP_ACCEPT_LANGUAGE="en")


def test_a_correct_answer_reveals_every_explanation(logged_in: ApiClient, question: Question):
    right, _wrong = _choices(question)
    response = answer(logged_in, question, right)
    assert response.status_code == 200
    body = response.json()
    assert body["isCorrect"] is True
    assert body["correctChoiceId"] == right
    assert body["explanation"] == "Because option 2 of 1.1.1-0 is right."
    assert [c["choiceId"] for c in body["choiceExplanations"]] == list(
        question.choices.order_by("position").values_list("pk", flat=True)
    )
    assert [c["isCorrect"] for c in body["choiceExplanations"]] == [False, False, True, False]
    assert body["choiceExplanations"][0]["explanation"] == "Why option 0 of 1.1.1-0 is wrong."
    assert body["mastery"] == {
        "subObjectiveId": question.sub_objective_id,
        "subObjectiveCode": "1.1.1",
        "score": 20,
        "level": "attempted",
        "previousScore": 0,
        "previousLevel": "not_started",
    }


def test_a_wrong_answer(logged_in: ApiClient, question: Question, user):
    right, wrong = _choices(question)
    body = answer(logged_in, question, wrong, confidence="low").json()
    assert (body["isCorrect"], body["correctChoiceId"], body["misconception"]) == (
        False,
        right,
        False,
    )
    stored = UserAnswer.objects.get(user=user)
    assert (stored.is_correct, stored.choice_id, stored.confidence, stored.time_spent_ms) == (
        False,
        wrong,
        "low",
        15000,
    )


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"questionId": 999999}, 404, None),
        ({"choiceId": 999999}, 404, None),
        ({"timeSpentMs": -1}, 422, "timeSpentMs"),
        ({"timeSpentMs": 4 * 3600 * 1000}, 422, "timeSpentMs"),
        ({"confidence": "certain"}, 422, "confidence"),
        ({"clientAnswerId": "not-a-uuid"}, 422, "clientAnswerId"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_recorded(
    logged_in: ApiClient, question, change, status, field
):
    right, _ = _choices(question)
    body = {
        "questionId": question.pk,
        "choiceId": right,
        "timeSpentMs": 1000,
        "clientAnswerId": str(uuid.uuid4()),
    }
    body.update(change)
    response = logged_in.call("POST", "/api/practice/answers", body, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == status
    if field:
        assert field in response.json()["error"]["fields"]
    assert UserAnswer.objects.count() == 0
    assert SubObjectiveMastery.objects.count() == 0 and ReviewCard.objects.count() == 0


def test_a_choice_of_another_question_is_422(logged_in: ApiClient, subs, question):
    other = make_question(subs["1.1.1"])
    response = answer(logged_in, question, other.choices.values_list("pk", flat=True)[0])
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "choiceId": ["This choice belongs to another question."]
    }
    assert UserAnswer.objects.count() == 0


def test_answering_needs_a_session(api: ApiClient, question):
    right, _ = _choices(question)
    api.csrf()
    assert answer(api, question, right).status_code == 401


def test_a_retry_returns_the_same_result_and_records_once(logged_in: ApiClient, question, user):
    right, _ = _choices(question)
    client_id = uuid.uuid4()
    first = answer(logged_in, question, right, client_id=client_id)
    second = answer(logged_in, question, right, client_id=client_id)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert UserAnswer.objects.filter(user=user).count() == 1
    assert SubObjectiveMastery.objects.get(user=user).answered == 1
    assert LearnerStats.objects.get(user=user).answered == 1
    assert ReviewCard.objects.get(user=user).reps == 1


def test_reusing_an_answer_id_for_another_choice_is_refused(logged_in: ApiClient, question):
    right, wrong = _choices(question)
    client_id = uuid.uuid4()
    answer(logged_in, question, right, client_id=client_id)
    response = answer(logged_in, question, wrong, client_id=client_id)
    assert response.status_code == 422
    assert "clientAnswerId" in response.json()["error"]["fields"]


def test_the_answer_costs_at_most_8_queries(logged_in: ApiClient, question, subs, user):
    # Plus, on PostgreSQL, the statement of the learner's lock (they travel with the reads:
    # the fast path's two round trips are asserted in core/tests/test_sql.py).
    limit = 8 + len(learner_lock(user_id=user.pk))
    right, wrong = _choices(question)
    answer(logged_in, question, wrong)  # not the first: rows to update exist
    for choice in (right, wrong):
        with CaptureQueriesContext(connection) as ctx:
            response = answer(logged_in, question, choice)
        assert response.status_code == 200
        data_queries = [
            q["sql"]
            for q in ctx.captured_queries
            if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT"))
            and "django_session" not in q["sql"]
            and "accounts_user" not in q["sql"]
        ]
        assert len(data_queries) <= limit, data_queries


# --- Mastery, streak, FSRS -------------------------------------------------------------------------------


def test_mastery_follows_recency_weighted_correctness_and_can_go_down(
    logged_in: ApiClient, question, user
):
    right, wrong = _choices(question)
    sequence = [right] * 5 + [wrong] + [right] * 4
    seen = []
    for choice in sequence:
        mastery = answer(logged_in, question, choice).json()["mastery"]
        seen.append((mastery["score"], mastery["level"]))
    assert seen == [
        (20, "attempted"),
        (40, "attempted"),
        (60, "familiar"),
        (80, "familiar"),
        (100, "proficient"),
        (73, "familiar"),
        (80, "proficient"),
        (85, "proficient"),
        (88, "proficient"),
        (91, "mastered"),
    ]
    row = SubObjectiveMastery.objects.get(user=user)
    assert (row.answered, row.correct) == (10, 9)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        # 22:30 and 23:30 UTC on 10 March are two local days in Paris, one in Toronto.
        ("Europe/Paris", [(1, 1), (2, 2), (3, 3)]),
        ("America/Toronto", [(1, 1), (1, 1), (1, 1)]),
    ],
)
def test_streaks_count_local_days_across_midnight(
    logged_in: ApiClient, question, user, zone, expected
):
    user.time_zone = zone
    user.save()
    right, _ = _choices(question)
    moments = [
        dt.datetime(2026, 3, 10, 22, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 10, 23, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 12, 5, 0, tzinfo=dt.UTC),
    ]
    observed = []
    for moment in moments:
        with time_machine.travel(moment, tick=False):
            assert answer(logged_in, question, right).status_code == 200
        stats = LearnerStats.objects.get(user=user)
        observed.append((stats.current_streak, stats.best_streak))
    if zone == "America/Toronto":
        # 18:30 and 19:30 on the 10th, then 01:00 on the 12th: the 11th is missing.
        assert observed == [(1, 1), (1, 1), (1, 1)]
        assert list(
            DailyActivity.objects.filter(user=user).order_by("date").values_list("date", "answered")
        ) == [
            (dt.date(2026, 3, 10), 2),
            (dt.date(2026, 3, 12), 1),
        ]
    else:
        assert observed == expected
        assert list(
            DailyActivity.objects.filter(user=user).order_by("date").values_list("date", "answered")
        ) == [
            (dt.date(2026, 3, 10), 1),
            (dt.date(2026, 3, 11), 1),
            (dt.date(2026, 3, 12), 1),
        ]


def test_a_broken_streak_restarts_and_the_best_is_kept(logged_in: ApiClient, question, user):
    right, _ = _choices(question)
    for day in (1, 2, 3, 6):
        with time_machine.travel(dt.datetime(2026, 4, day, 12, tzinfo=dt.UTC), tick=False):
            answer(logged_in, question, right)
    stats = LearnerStats.objects.get(user=user)
    assert (stats.current_streak, stats.best_streak, stats.last_active_date) == (
        1,
        3,
        dt.date(2026, 4, 6),
    )
    assert (stats.answered, stats.correct, stats.time_spent_ms) == (4, 4, 60000)


@pytest.mark.parametrize(
    ("correct", "confidence", "due_after"),
    [
        (False, None, dt.timedelta(minutes=1)),  # Again: first learning step
        (True, "low", dt.timedelta(minutes=5, seconds=30)),  # Hard: between the two steps
        (True, None, dt.timedelta(minutes=10)),  # Good: second learning step
        (True, "medium", dt.timedelta(minutes=10)),
        (True, "high", dt.timedelta(days=8)),  # Easy: graduates at once
    ],
)
def test_fsrs_rating_comes_from_the_answer(
    logged_in: ApiClient, question, user, correct, confidence, due_after
):
    right, wrong = _choices(question)
    now = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(now, tick=False):
        extra = {"confidence": confidence} if confidence else {}
        body = answer(logged_in, question, right if correct else wrong, **extra).json()
    card = ReviewCard.objects.get(user=user)
    assert card.due_at == now + due_after
    assert dt.datetime.fromisoformat(body["nextReviewAt"].replace("Z", "+00:00")) == now + due_after
    mastery = SubObjectiveMastery.objects.get(user=user)
    assert mastery.review_due_at == card.due_at


def test_confident_wrong_answers_are_misconceptions_until_put_right(
    logged_in: ApiClient, question, user
):
    right, wrong = _choices(question)
    assert answer(logged_in, question, wrong, confidence="high").json()["misconception"] is True
    assert ReviewCard.objects.get(user=user).misconception is True
    assert answer(logged_in, question, wrong).json()["misconception"] is True
    assert answer(logged_in, question, right).json()["misconception"] is False
    card = ReviewCard.objects.get(user=user)
    assert (card.misconception, card.reps, card.lapses) == (False, 3, 2)


def test_cards_follow_the_question_across_languages(logged_in: ApiClient, subs, user):
    english = make_question(subs["1.1.1"], language="en")
    french = make_question(subs["1.1.1"], language="fr", group=english.group)
    answer(logged_in, english, _choices(english)[0])
    answer(logged_in, french, _choices(french)[0])
    assert ReviewCard.objects.filter(user=user).count() == 1
    assert ReviewCard.objects.get(user=user).reps == 2


@pytest.mark.django_db(transaction=True)
def test_identical_requests_at_the_same_time_record_one_answer(make_user):
    subs = mini_catalog()
    question = make_question(subs["1.1.1"])
    user = make_user(email="race@example.com")
    client = ApiClient()
    client.login_as(user.email)
    token = client.csrf()
    right = question.choices.get(is_correct=True).pk
    body = {
        "questionId": question.pk,
        "choiceId": right,
        "timeSpentMs": 5000,
        "clientAnswerId": str(uuid.uuid4()),
    }
    barrier = threading.Barrier(4)
    results: list[tuple[int, dict[str, Any]]] = []

    def send() -> None:
        from django.db import connections

        twin = ApiClient()
        twin.cookies = client.cookies
        barrier.wait()
        response = twin.call(
            "POST", "/api/practice/answers", body, headers={"X-CSRFToken": token}, csrf=False
        )
        results.append((response.status_code, response.json()))
        connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in results] == [200] * 4
    assert all(body == results[0][1] for _, body in results)
    assert UserAnswer.objects.filter(user=user).count() == 1
    assert LearnerStats.objects.get(user=user).answered == 1
    assert SubObjectiveMastery.objects.get(user=user).answered == 1


def test_an_answer_in_someone_elses_session_is_a_404_and_stores_nothing(
    logged_in: ApiClient, question: Question, make_user
):
    from savoir.practice.models import PracticeSession

    other = make_user(email="other@example.com")
    theirs = PracticeSession.objects.create(
        user=other, scope_key="sub:1", mode="mixed", language="en"
    )
    right, _wrong = _choices(question)
    response = answer(logged_in, question, right, sessionId=str(theirs.pk))
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "This practice session does not exist."
    assert not UserAnswer.objects.exists()
    assert not ReviewCard.objects.exists()
    assert not LearnerStats.objects.filter(answered__gt=0).exists()
    mine = PracticeSession.objects.create(
        user=User.objects.get(email="ada@example.com"),
        scope_key="sub:1",
        mode="mixed",
        language="en",
    )
    assert answer(logged_in, question, right, sessionId=str(mine.pk)).status_code == 200
    assert UserAnswer.objects.get().session_id == mine.pk
