"""The answer's hot-path SQL helpers: prepared statements on PostgreSQL, one transaction always."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.test.utils import CaptureQueriesContext

from savoir.core import sql
from savoir.core.errors import ServiceUnavailable
from savoir.practice import services
from savoir.practice.models import UserAnswer
from savoir.progress.models import DailyActivity, LearnerStats
from savoir.questions.tests.factories import make_question, mini_catalog

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)


def test_placeholders_become_numbered_and_escaped_percents_plain():
    assert (
        sql._to_server_placeholders("SELECT %s, '100%%' WHERE a = %s AND b LIKE 'x%%'")
        == "SELECT $1, '100%' WHERE a = $2 AND b LIKE 'x%'"
    )


def _answer(user, question, choice_id, client_id=None):
    return services.answer_submit(
        user=user,
        data=services.AnswerInput(
            question_id=question.pk,
            choice_id=choice_id,
            time_spent_ms=9000,
            confidence="high",
            client_answer_id=client_id or uuid.uuid4(),
        ),
    )


def _sent(ctx: CaptureQueriesContext) -> str:
    return "\n".join(q["sql"] for q in ctx.captured_queries)


@pytest.fixture
def learner_and_question(make_user):
    subs = mini_catalog()
    question = make_question(subs["1.1.1"], correct=1)
    right = question.choices.get(is_correct=True).pk
    return make_user(email="prepared@example.com"), question, right


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_answer_prepares_its_statements_once_per_connection(learner_and_question):
    user, question, right = learner_and_question
    with CaptureQueriesContext(connection) as first:
        _answer(user, question, right)  # inserts the card and the mastery row
    with CaptureQueriesContext(connection) as second:
        _answer(user, question, right)  # updates them: another statement for the mastery
    with CaptureQueriesContext(connection) as third:
        _answer(user, question, right)
    assert "PREPARE savoir_" in _sent(first)
    assert "PREPARE savoir_" in _sent(second) and "UPDATE" in _sent(second)
    assert "PREPARE" not in _sent(third)
    # Two round trips: BEGIN with the locking reads, then the writes with COMMIT.
    assert len(third.captured_queries) == 2
    assert third.captured_queries[0]["sql"].startswith("BEGIN;\nEXECUTE savoir_")
    assert third.captured_queries[1]["sql"].endswith(";\nCOMMIT")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'savoir%%'")
        assert cursor.fetchone()[0] >= 6
    assert UserAnswer.objects.filter(user=user).count() == 3
    assert LearnerStats.objects.get(user=user).answered == 3


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_statements_dropped_behind_its_back_are_prepared_again(learner_and_question):
    user, question, right = learner_and_question
    _answer(user, question, right)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # what a pooler's DISCARD ALL does
    result = _answer(user, question, right)
    assert result["is_correct"] is True
    assert UserAnswer.objects.filter(user=user).count() == 2
    assert LearnerStats.objects.get(user=user).answered == 2


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_with_prepared_statements_off_the_batches_carry_the_sql(learner_and_question, settings):
    settings.DB_PREPARED_STATEMENTS = False
    user, question, right = learner_and_question
    with CaptureQueriesContext(connection) as ctx:
        _answer(user, question, right)
    assert "EXECUTE" not in _sent(ctx) and "PREPARE" not in _sent(ctx)
    assert 'INSERT INTO "practice_useranswer"' in _sent(ctx)
    assert UserAnswer.objects.filter(user=user).count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_connections_closed_after_each_request_do_not_prepare(learner_and_question, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
    user, question, right = learner_and_question
    with CaptureQueriesContext(connection) as ctx:
        _answer(user, question, right)
    assert "EXECUTE" not in _sent(ctx) and "PREPARE" not in _sent(ctx)
    assert UserAnswer.objects.filter(user=user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_failing_write_undoes_the_whole_transaction(make_user):
    user = make_user(email="undo@example.com")
    today = dt.date(2026, 11, 21)
    insert = (
        f"INSERT INTO {sql.table(DailyActivity)} (user_id, date, answered, correct, time_spent_ms) "  # noqa: S608
        "VALUES (%s, %s, 1, 1, 1000)",
        [user.pk, today.isoformat()],
    )
    with pytest.raises(IntegrityError):
        sql.read_then_write(
            [(f"SELECT user_id FROM {sql.table(LearnerStats)} WHERE user_id = %s", [user.pk])],  # noqa: S608
            lambda rows: [insert, insert],  # the second breaks the (user, date) uniqueness
        )
    assert not DailyActivity.objects.filter(user=user).exists()
    # The connection is usable again, in autocommit, outside any transaction.
    assert connection.get_autocommit()
    sql.read_then_write([], lambda rows: [insert])
    assert DailyActivity.objects.filter(user=user).count() == 1


class _Deadlock(Exception):
    sqlstate = "40P01"  # what psycopg's DeadlockDetected carries


def _deadlocking(failures: int, statements):
    calls: list[int] = []

    def decide(rows):
        calls.append(1)
        if len(calls) <= failures:
            raise OperationalError("deadlock detected") from _Deadlock()
        return statements

    return decide, calls


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_deadlock_runs_the_transaction_again(make_user):
    user = make_user(email="retry@example.com")
    insert = (
        f"INSERT INTO {sql.table(DailyActivity)} (user_id, date, answered, correct, time_spent_ms) "  # noqa: S608
        "VALUES (%s, %s, 1, 1, 1000)",
        [user.pk, "2026-11-21"],
    )
    decide, calls = _deadlocking(2, [insert])
    sql.read_then_write([], decide)
    assert len(calls) == 3
    assert DailyActivity.objects.filter(user=user).count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_deadlock_that_keeps_happening_is_a_503_not_a_500(make_user):
    decide, calls = _deadlocking(sql.TRANSIENT_ATTEMPTS, [])
    with pytest.raises(ServiceUnavailable):
        sql.read_then_write([], decide)
    assert len(calls) == sql.TRANSIENT_ATTEMPTS
    assert connection.get_autocommit()
