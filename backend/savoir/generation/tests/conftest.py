"""Fixtures of the generation tests: the fake model server and a small catalog."""

from __future__ import annotations

import pytest
from django.test import override_settings

from savoir.questions.tests.factories import mini_catalog

from .fake_openai import FakeResponsesServer

SECRET = "sk-test-secret-never-logged"


@pytest.fixture
def fake():
    server = FakeResponsesServer().start()
    with override_settings(
        OPENAI_API_KEY=SECRET,
        OPENAI_BASE_URL=server.base_url,
        OPENAI_MODEL="gpt-4.1-mini",
        GENERATION_RETRY_BACKOFF_SECONDS=0.01,
        GENERATION_TIMEOUT_SECONDS=2.0,
    ):
        yield server
    server.stop()
    assert server.problems == []


@pytest.fixture
def subs(db):
    return mini_catalog()
