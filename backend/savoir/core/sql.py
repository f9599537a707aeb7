"""Small helpers for the few hot paths written in SQL (answering a question): the same
statements run on SQLite and PostgreSQL, with values prepared exactly as the ORM prepares them."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
import re
import time
import weakref
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, migrations, models, transaction

from .errors import ServiceUnavailable

SqlFragment = tuple[str, list[Any]]
TRANSIENT_ATTEMPTS = 4


def table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def db_value(model: type[models.Model], field: str, value: Any) -> Any:
    """`value` as the ORM would send it for `model.field` (UUIDs, datetimes, JSON...)."""
    model_field = model._meta.get_field(field)
    assert isinstance(model_field, models.Field)
    return model_field.get_db_prep_value(value, connection, prepared=False)


def for_update() -> str:
    return " FOR UPDATE" if connection.features.has_select_for_update else ""


def aware(value: Any) -> Any:
    """SQLite hands back naive UTC datetimes from raw queries; PostgreSQL aware ones."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def fetch_one(sql: str, params: list[Any]) -> dict[str, Any] | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return {col[0]: value for col, value in zip(cursor.description, row, strict=True)}


def execute(sql: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _batches_allowed() -> bool:
    # Django's psycopg backend binds parameters on the client by default, which lets one
    # execute() carry several statements; SQLite runs in-process, so it has no round trip to save.
    options = connection.settings_dict.get("OPTIONS", {})
    return connection.vendor == "postgresql" and options.get("server_side_binding") is not True


def fetch_batch(statements: list[SqlFragment]) -> list[dict[str, Any] | None]:
    """The first row of each SELECT, as dicts; one round trip on PostgreSQL."""
    if not _batches_allowed():
        return [fetch_one(sql, params) for sql, params in statements]
    rows: list[dict[str, Any] | None] = []
    with connection.cursor() as cursor:
        cursor.execute(
            ";\n".join(sql for sql, _ in statements), [p for _, ps in statements for p in ps]
        )
        result = cursor.cursor  # psycopg's own, for the result's column names
        while True:
            row = cursor.fetchone() if result.pgresult.nfields else None  # BEGIN has no rows
            if row is None:
                rows.append(None)
            else:
                # Only the names: cursor.description would build typed column objects.
                names = [result.pgresult.fname(i).decode() for i in range(len(row))]
                rows.append(dict(zip(names, row, strict=True)))
            if not cursor.nextset():
                break
    return rows


def execute_batch(statements: list[SqlFragment]) -> None:
    """Run writes in order; one round trip on PostgreSQL."""
    if not _batches_allowed():
        for sql, params in statements:
            execute(sql, params)
        return
    execute(";\n".join(sql for sql, _ in statements), [p for _, ps in statements for p in ps])


# --- Prepared statements -----------------------------------------------------------------------
# Client-side binding makes PostgreSQL parse and plan every statement again, which is most of its
# work on the answer's small statements. Django leaves psycopg's own prepared statements off, and
# those need one protocol message per statement anyway; so the hot path PREPAREs its statements
# once per connection and sends `EXECUTE name(values)` in the same multi-statement batches.

_PLACEHOLDER = re.compile(r"%%|%s")
_prepared_on: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


@functools.lru_cache(maxsize=256)
def _statement(sql: str, arity: int) -> tuple[str, str]:
    """The statement's name on the server and the EXECUTE that runs it."""
    name = "savoir_" + hashlib.blake2b(sql.encode(), digest_size=8).hexdigest()
    return name, f"EXECUTE {name}({', '.join(['%s'] * arity)})" if arity else f"EXECUTE {name}"


def _to_server_placeholders(sql: str) -> str:
    """`%s` placeholders to PostgreSQL's `$1, $2...` (and `%%` back to `%`)."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if match.group() == "%%":
            return "%"
        count += 1
        return f"${count}"

    return _PLACEHOLDER.sub(replace, sql)


def _prepared(statements: list[SqlFragment]) -> list[SqlFragment]:
    """The statements as EXECUTEs of statements prepared on this connection (preparing the
    missing ones first, in one round trip of their own)."""
    connection.ensure_connection()
    known = _prepared_on.setdefault(connection.connection, set())
    calls: list[SqlFragment] = []
    missing: dict[str, str] = {}
    for sql, params in statements:
        name, call = _statement(sql, len(params))
        if name not in known:
            missing[name] = sql
        calls.append((call, params))
    if missing:
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    ";\n".join(
                        f"PREPARE {name} AS {_to_server_placeholders(sql)}"
                        for name, sql in missing.items()
                    )
                )
            except DatabaseError:
                # Some may exist now: ask the server which before trying again next time.
                cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'savoir%%'")
                known.clear()
                known.update(name for (name,) in cursor.fetchall())
                raise
        known.update(missing)
    return calls


def _forget_prepared() -> None:
    if connection.connection is not None:
        _prepared_on.pop(connection.connection, None)


def _transient(error: BaseException) -> bool:
    # serialization_failure, deadlock_detected: the transaction may simply be run again.
    return getattr(error.__cause__, "sqlstate", None) in {"40001", "40P01"}


def _missing_prepared_statement(error: BaseException) -> bool:
    # A pooler in transaction mode, or DISCARD ALL, can drop them behind our back.
    return getattr(error.__cause__, "sqlstate", None) == "26000"  # invalid_sql_statement_name


def read_then_write(
    reads: list[SqlFragment], decide: Callable[[list[dict[str, Any] | None]], list[SqlFragment]]
) -> None:
    """One transaction: locking reads, then the writes `decide` derives from their rows.

    A serialization failure or a deadlock runs the transaction again, TRANSIENT_ATTEMPTS times at
    most, then answers 503 (never a 500). Inside an atomic block that belongs to the caller there
    is nothing to retry: the error is the caller's.

    On PostgreSQL outside any atomic block it costs two round trips: BEGIN travels with the
    reads and COMMIT with the writes (instead of four: BEGIN, reads, writes, COMMIT), and with
    DB_PREPARED_STATEMENTS on (the default) the server runs plans it already made. Anywhere
    else it is an ordinary transaction.atomic() block."""
    if not (_batches_allowed() and connection.get_autocommit() and not connection.in_atomic_block):
        with transaction.atomic():
            execute_batch(decide(fetch_batch(reads)))
        return
    # A connection closed after every request would prepare on every request: a loss.
    use_prepared = (
        settings.DB_PREPARED_STATEMENTS and connection.settings_dict.get("CONN_MAX_AGE") != 0
    )
    prepared_again = False
    for attempt in range(1, TRANSIENT_ATTEMPTS + 1):
        try:
            _read_then_write_batches(reads, decide, prepared=use_prepared)
            return
        except DatabaseError as error:
            if use_prepared and not prepared_again and _missing_prepared_statement(error):
                _forget_prepared()
                prepared_again = True
                continue
            if not _transient(error):
                raise
            if attempt == TRANSIENT_ATTEMPTS:
                raise ServiceUnavailable() from error
            # A short random pause so that the transactions that collided do not collide again.
            time.sleep(random.uniform(0.005, 0.02) * attempt)


def _read_then_write_batches(
    reads: list[SqlFragment],
    decide: Callable[[list[dict[str, Any] | None]], list[SqlFragment]],
    *,
    prepared: bool,
) -> None:
    def sent(statements: list[SqlFragment]) -> list[SqlFragment]:
        return _prepared(statements) if prepared else statements

    try:
        rows = fetch_batch([("BEGIN", []), *sent(reads)])[1:]
        execute_batch([*sent(decide(rows)), ("COMMIT", [])])
    except BaseException:
        with connection.cursor() as cursor:
            cursor.execute("ROLLBACK")
        raise


def fill_factor(model_label: str, percent: int) -> migrations.RunPython:
    """A migration operation leaving `percent` of each new PostgreSQL page free for its rows'
    next versions, so that updates of unindexed columns stay on the page (HOT updates, no index
    writes). Pages written before keep theirs until the table is rewritten (VACUUM FULL)."""

    def apply(value: str) -> Callable[[Any, Any], None]:
        def run(apps: Any, schema_editor: Any) -> None:
            if schema_editor.connection.vendor != "postgresql":
                return
            table_name = schema_editor.quote_name(apps.get_model(model_label)._meta.db_table)
            schema_editor.execute(f"ALTER TABLE {table_name} {value}")

        return run

    return migrations.RunPython(
        apply(f"SET (fillfactor = {int(percent)})"), apply("RESET (fillfactor)")
    )
