"""Malformed input gets a 4xx in the error envelope, never a 500: bodies over the limit, NUL
characters, integers beyond the database's range; and every input schema carries those bounds."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from pydantic import BaseModel

from config.api import api as ninja_api
from conftest import PASSWORD, ApiClient
from savoir.core.schemas import MAX_BIGINT, InputModel, InputSchema
from savoir.questions.tests.factories import make_question, mini_catalog

pytestmark = pytest.mark.django_db

NUL_MESSAGE = "Text must not contain NUL characters."


def _error(response) -> dict[str, Any]:
    error: dict[str, Any] = response.json()["error"]
    return error


def test_a_body_over_the_upload_limit_is_a_413(api: ApiClient):
    response = api.call(
        "POST",
        "/api/auth/login",
        {"email": "a@example.com", "password": "x" * (1024 * 1024 + 10)},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 413
    assert _error(response) == {
        "code": "payload_too_large",
        "message": "The request body is too large.",
        "fields": None,
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/practice/questions?subObjectiveId=1&lang=en&x=%00",
        "/api/catalog/exams/%00/tree?lang=en",
        "/api/progress/plan?examCode=%00",
        "/api/catalog/search?q=a%00b&lang=en",
    ],
)
def test_nul_in_a_url_is_a_422(logged_in: ApiClient, path):
    response = logged_in.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert _error(response) == {"code": "validation_error", "message": NUL_MESSAGE, "fields": None}


def test_nul_in_a_body_string_is_a_422_on_that_field(logged_in: ApiClient):
    question = make_question(mini_catalog()["1.1.1"])
    response = logged_in.call(
        "POST",
        f"/api/practice/questions/{question.pk}/reports",
        {"reason": "other", "comment": "bad\u0000key"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert _error(response)["fields"] == {"comment": [NUL_MESSAGE]}


@pytest.mark.parametrize(
    "path",
    [
        "/api/practice/questions?subObjectiveId=1&lang=en&offset=9223372036854775808",
        "/api/practice/questions?subObjectiveId=9223372036854775808&lang=en",
    ],
)
def test_integers_beyond_the_database_range_are_a_422(logged_in: ApiClient, path):
    response = logged_in.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert _error(response)["code"] == "validation_error"


def test_an_answer_with_an_id_of_2_to_the_63_is_a_422(logged_in: ApiClient):
    response = logged_in.call(
        "POST",
        "/api/practice/answers",
        {
            "questionId": 2**63,
            "choiceId": 1,
            "timeSpentMs": 1000,
            "clientAnswerId": str(uuid.uuid4()),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert "questionId" in _error(response)["fields"]


def test_a_path_id_of_2_to_the_63_is_a_422(logged_in: ApiClient):
    response = logged_in.call("DELETE", f"/api/practice/flags/{2**63}")
    assert response.status_code == 422


def test_passwords_keep_their_spaces(api: ApiClient):
    body = {
        "email": "spaces@example.com",
        "password": "  Compil3r-Bugs!  ",
        "firstName": "Grace",
        "lastName": "Hopper",
        "language": "en",
    }
    assert api.call("POST", "/api/auth/register", body).status_code == 201
    api.call("POST", "/api/auth/logout")
    stripped = {"email": "spaces@example.com", "password": "Compil3r-Bugs!"}
    assert ApiClient().call("POST", "/api/auth/login", stripped).status_code == 401
    exact = {"email": "spaces@example.com", "password": "  Compil3r-Bugs!  "}
    assert ApiClient().call("POST", "/api/auth/login", exact).status_code == 200


def test_every_input_schema_is_bounded():
    """Each operation's body and query schemas derive from InputSchema/InputModel, and each
    integer path parameter has an upper bound."""
    unbounded = []
    for _prefix, router in ninja_api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for params in operation.models:
                    for name, field in params.model_fields.items():
                        kind = field.annotation
                        if isinstance(kind, type) and issubclass(kind, BaseModel):
                            if not issubclass(kind, InputSchema | InputModel):
                                unbounded.append(f"{operation.operation_id}: {kind.__name__}")
                        elif kind is int and not any(
                            getattr(m, "le", None) == MAX_BIGINT for m in field.metadata
                        ):
                            unbounded.append(f"{operation.operation_id}: {name}")
    assert unbounded == []


def test_login_still_works_with_a_normal_password(api: ApiClient, user):
    assert (
        api.call("POST", "/api/auth/login", {"email": user.email, "password": PASSWORD}).status_code
        == 200
    )
