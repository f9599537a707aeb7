"""Small helpers for the few hot paths written in SQL (answering a question): the same
statements run on SQLite and PostgreSQL, with values prepared exactly as the ORM prepares them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connection, models, transaction

SqlFragment = tuple[str, list[Any]]


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
        while True:
            if cursor.description is None:  # a statement without rows, such as BEGIN
                rows.append(None)
            else:
                row = cursor.fetchone()
                columns = [c[0] for c in cursor.description]
                rows.append(dict(zip(columns, row, strict=True)) if row is not None else None)
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


def read_then_write(
    reads: list[SqlFragment], decide: Callable[[list[dict[str, Any] | None]], list[SqlFragment]]
) -> None:
    """One transaction: locking reads, then the writes `decide` derives from their rows.

    On PostgreSQL outside any atomic block it costs two round trips: BEGIN travels with the
    reads and COMMIT with the writes (instead of four: BEGIN, reads, writes, COMMIT). Anywhere
    else it is an ordinary transaction.atomic() block."""
    if not (_batches_allowed() and connection.get_autocommit() and not connection.in_atomic_block):
        with transaction.atomic():
            execute_batch(decide(fetch_batch(reads)))
        return
    try:
        rows = fetch_batch([("BEGIN", []), *reads])[1:]
        execute_batch([*decide(rows), ("COMMIT", [])])
    except BaseException:
        with connection.cursor() as cursor:
            cursor.execute("ROLLBACK")
        raise
