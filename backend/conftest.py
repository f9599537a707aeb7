"""Fixtures shared by every test: a browser-like API client that does CSRF like the SPA."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from savoir.accounts.models import User
from savoir.accounts.services import user_create
from savoir.progress.selectors import outline_cache_clear
from savoir.questions.selectors import answer_key_cache_clear

PASSWORD = "Correct-Horse-42!"


class ApiClient(Client):
    """A Django test client that enforces CSRF and behaves like the SPA: it fetches the token
    once, sends it in X-CSRFToken on unsafe calls, and speaks JSON."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(enforce_csrf_checks=True, **kwargs)

    def csrf(self) -> str:
        if "csrftoken" not in self.cookies:
            self.get("/api/auth/csrf")
        return self.cookies["csrftoken"].value

    def call(self, method: str, path: str, data: Any = None, *, csrf: bool = True, **extra: Any):
        headers = dict(extra.pop("headers", {}) or {})
        if csrf and method.upper() not in {"GET", "HEAD"}:
            headers["X-CSRFToken"] = self.csrf()
        body = json.dumps(data) if data is not None else None
        return self.generic(
            method.upper(), path, body, content_type="application/json", headers=headers, **extra
        )

    def login_as(self, email: str, password: str = PASSWORD):
        response = self.call("POST", "/api/auth/login", {"email": email, "password": password})
        assert response.status_code == 200, response.content
        return response


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rolled-back tests reuse primary keys, so no cached answer key may outlive its test.
    cache.clear()
    answer_key_cache_clear()
    outline_cache_clear()
    # Outside a request no language is active: services then speak their English source text,
    # whatever language an earlier request left active in this thread.
    translation.deactivate_all()
    yield
    cache.clear()
    answer_key_cache_clear()
    outline_cache_clear()


@pytest.fixture
def api() -> ApiClient:
    return ApiClient()


@pytest.fixture
def make_user(db):
    def make(email: str = "ada@example.com", **kwargs: Any) -> User:
        fields = {
            "password": PASSWORD,
            "first_name": "Ada",
            "last_name": "Lovelace",
            "language": "en",
        }
        fields.update(kwargs)
        return user_create(email=email, **fields)

    return make


@pytest.fixture
def user(make_user: Callable[..., User]) -> User:
    return make_user()


@pytest.fixture
def logged_in(api: ApiClient, user: User) -> ApiClient:
    api.login_as(user.email)
    return api
