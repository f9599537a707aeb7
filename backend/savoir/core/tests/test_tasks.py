"""Background work goes to its task's queue: mail never waits behind generation."""

from __future__ import annotations

import threading

import pytest
from celery import shared_task
from django.test import override_settings

from savoir.accounts.tasks import password_reset_email_task
from savoir.core.tasks import task_enqueue, task_queue
from savoir.generation.tasks import generation_run_task

_release = threading.Event()
_mail_sent = threading.Event()


@shared_task(queue="generation")
def _slow_generation() -> None:
    _release.wait(10)


@shared_task(queue="mail")
def _mail() -> None:
    _mail_sent.set()


def test_each_task_names_its_queue():
    assert task_queue(password_reset_email_task) == "mail"
    assert task_queue(generation_run_task) == "generation"


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS_RUN_INLINE=False, CELERY_BROKER_URL="")
def test_mail_is_not_held_up_by_a_busy_generation_pool():
    try:
        for _ in range(4):  # more generation than its pool runs at once
            task_enqueue(_slow_generation)
        task_enqueue(_mail)
        assert _mail_sent.wait(5), "the e-mail waited behind generation"
    finally:
        _release.set()
