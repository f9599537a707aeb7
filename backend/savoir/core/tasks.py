"""One way to start background work, whatever runs it.

With CELERY_BROKER_URL set, tasks go to Celery workers. Without a broker (`make run`), they run
in this process on small thread pools, after the transaction commits, so the web request does
not wait for them (e-mail sending must not reveal by its timing whether an account exists).
Tests set TASKS_RUN_INLINE so a task's effects are visible when the request returns.

Each task names its queue (`@shared_task(queue="mail")`): a queue has its own pool here and its
own workers in production (docs/operations.md), so a password-reset e-mail never waits behind
minutes of AI generation.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from celery import Task
from django.conf import settings
from django.db import close_old_connections, transaction

logger = logging.getLogger(__name__)
_pools: dict[str, ThreadPoolExecutor] = {}
_pools_lock = threading.Lock()
DEFAULT_QUEUE = "default"


def _pool(queue: str) -> ThreadPoolExecutor:
    with _pools_lock:
        if queue not in _pools:
            _pools[queue] = ThreadPoolExecutor(max_workers=2, thread_name_prefix=f"savoir-{queue}")
        return _pools[queue]


def _run_in_thread(task: Task, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    try:
        task.apply(args=args, kwargs=kwargs, throw=True)
    except Exception:
        logger.exception("background task failed", extra={"task": task.name})
    finally:
        close_old_connections()


def task_queue(task: Task) -> str:
    return getattr(task, "queue", None) or DEFAULT_QUEUE


def task_enqueue(task: Task, *args: Any, **kwargs: Any) -> None:
    """Run `task` after the current transaction commits (immediately when there is none)."""

    def start() -> None:
        if settings.CELERY_BROKER_URL:
            task.apply_async(args=args, kwargs=kwargs)  # to the task's own queue
        elif settings.TASKS_RUN_INLINE:
            task.apply(args=args, kwargs=kwargs, throw=True)
        else:
            _pool(task_queue(task)).submit(_run_in_thread, task, args, kwargs)

    if settings.TASKS_RUN_INLINE:
        # Tests wrap each test in a transaction that never commits; run at once instead.
        start()
    else:
        transaction.on_commit(start)
