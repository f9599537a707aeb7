"""Screens ask whether generation can work before offering it (an empty sub-objective's
practice page offers it only then)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_availability_follows_the_model_configuration(logged_in: ApiClient):
    with override_settings(OPENAI_API_KEY="", OPENAI_BASE_URL=""):
        assert logged_in.get("/api/generation/availability").json() == {"available": False}
    with override_settings(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=""):
        assert logged_in.get("/api/generation/availability").json() == {"available": True}
    with override_settings(OPENAI_API_KEY="", OPENAI_BASE_URL="http://127.0.0.1:9/v1"):
        assert logged_in.get("/api/generation/availability").json() == {"available": True}


def test_availability_is_for_signed_in_users(api: ApiClient):
    assert api.get("/api/generation/availability").status_code == 401
