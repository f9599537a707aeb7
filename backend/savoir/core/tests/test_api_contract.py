"""The API against its own OpenAPI schema, fuzzed with schemathesis (bounded): no operation
answers a 5xx, and every status it answers is declared in the schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from config.wsgi import application
from conftest import PASSWORD, ApiClient
from savoir.accounts.models import Role
from savoir.questions.tests.factories import make_question, mini_catalog

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def teacher_headers(make_user) -> Iterator[dict[str, str]]:
    """A signed-in teacher (moderation included) with its CSRF token, and some content."""
    subs = mini_catalog()
    for sub in subs.values():
        make_question(sub, correct=1)
    teacher = make_user("fuzz@example.com", role=Role.TEACHER)
    client = ApiClient()
    client.login_as(teacher.email, PASSWORD)
    token = client.csrf()
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    # As Django's test client does (and reverts after each of its own requests, hence here,
    # after the sign-in): requests must not close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield {"Cookie": cookies, "X-CSRFToken": token}
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.exclude(path_regex=r"/auth/(logout|login|register)$").parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI is repeatable
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_no_operation_answers_5xx_or_an_undeclared_status(case, teacher_headers):
    case.call_and_validate(
        headers=teacher_headers, checks=[not_a_server_error, status_code_conformance]
    )
