"""Redis unreachable: sessions and content keep working from the database; the limits that
protect sign-in and generation fail closed with a clear 503; health says 503."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client, override_settings

from conftest import PASSWORD, ApiClient
from savoir.questions.tests.factories import make_question, mini_catalog

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every Redis call fails at once, as when the server is down.
_UNREACHABLE: dict[str, Any] = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
}
REDIS_DOWN = override_settings(
    CACHES={
        "default": {
            **_UNREACHABLE,
            "OPTIONS": {**_UNREACHABLE["OPTIONS"], "IGNORE_EXCEPTIONS": True},
        },
        "limits": _UNREACHABLE,
    },
    SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
)


@pytest.fixture
def signed_in_learner(api: ApiClient, user) -> ApiClient:
    api.login_as(user.email)  # while the cache still works
    return api


def test_sessions_content_and_answers_keep_working_without_redis(signed_in_learner: ApiClient):
    subs = mini_catalog()
    question = make_question(subs["1.1.1"], correct=0)
    with REDIS_DOWN:
        me = signed_in_learner.get("/api/auth/me")
        assert me.status_code == 200
        assert me.json()["email"] == "ada@example.com"
        assert signed_in_learner.get("/api/catalog/exams").status_code == 200
        answer = signed_in_learner.call(
            "POST",
            "/api/practice/answers",
            {
                "questionId": question.pk,
                "choiceId": question.choices.get(is_correct=True).pk,
                "timeSpentMs": 5000,
                "clientAnswerId": str(uuid.uuid4()),
            },
        )
        assert answer.status_code == 200
        assert answer.json()["isCorrect"] is True


def test_sign_in_fails_closed_with_a_clear_503(api: ApiClient, user):
    api.csrf()
    with REDIS_DOWN:
        response = api.call(
            "POST",
            "/api/auth/login",
            {"email": user.email, "password": PASSWORD},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 503
        assert response.json()["error"] == {
            "code": "service_unavailable",
            "message": "This action is temporarily unavailable. Please try again in a minute.",
            "fields": None,
        }
        french = api.call(
            "POST",
            "/api/auth/login",
            {"email": user.email, "password": PASSWORD},
            HTTP_ACCEPT_LANGUAGE="fr",
        )
        assert french.json()["error"]["message"] == (
            "Cette action est momentanément indisponible. Réessayez dans une minute."
        )
        admin = Client().post("/admin/login/", {"username": user.email, "password": PASSWORD})
        assert admin.status_code == 503


def test_generation_fails_closed_without_redis(signed_in_learner: ApiClient):
    subs = mini_catalog()
    with REDIS_DOWN, override_settings(OPENAI_API_KEY="sk-test"):
        response = signed_in_learner.call(
            "POST",
            "/api/generation/runs",
            {"subObjectiveId": subs["1.1.1"].pk, "lang": "en", "difficulty": 3, "count": 5},
        )
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_unavailable"


def test_health_is_503_when_redis_is_down(api: ApiClient):
    with REDIS_DOWN:
        response = api.get("/api/health")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
    assert api.get("/api/health").json() == {"status": "ok", "database": "ok", "cache": "ok"}
