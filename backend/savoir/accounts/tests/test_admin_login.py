"""Django admin's sign-in goes through the API's per-address limit, account lockout and audit log."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from django.test import Client, override_settings

from conftest import PASSWORD
from savoir.accounts.models import Role, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(make_user: Callable[..., User]) -> User:
    return make_user("admin@savoir.test", role=Role.ADMIN)


def _admin_login(client: Client, email: str, password: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": email, "password": password},
        headers={"Accept-Language": "en"},
    )


def _signed_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_wrong_passwords_lock_the_admin_account_for_that_address(admin_user: User):
    attacker = Client(REMOTE_ADDR="198.51.100.20")
    for _ in range(5):
        response = _admin_login(attacker, admin_user.email, "Guess-123!")
        assert response.status_code == 200
        assert "Please enter the correct" in response.content.decode()
    # The right password no longer gets in from this address: the 26th attempt.
    response = _admin_login(attacker, admin_user.email, PASSWORD)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 15 * 60 + 1
    assert "Too many failed sign-in attempts" in response.content.decode()
    french = attacker.post("/admin/login/", {"username": admin_user.email, "password": PASSWORD})
    assert "Trop de tentatives de connexion échouées" in french.content.decode()
    assert not _signed_in(attacker)
    # The owner elsewhere is not locked out.
    owner = Client(REMOTE_ADDR="192.0.2.50")
    assert _admin_login(owner, admin_user.email, PASSWORD).status_code == 302
    assert _signed_in(owner)


def test_admin_and_api_share_the_per_address_limit(admin_user: User, api):
    client = Client(REMOTE_ADDR="127.0.0.1")
    for n in range(10):
        assert _admin_login(client, f"someone{n}@example.com", "Guess-123!").status_code == 200
    response = _admin_login(client, admin_user.email, PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not _signed_in(client)
    # The API's login, from the same address, is over the limit too.
    api_response = api.call(
        "POST", "/api/auth/login", {"email": admin_user.email, "password": PASSWORD}
    )
    assert api_response.status_code == 429


def test_failures_on_the_api_count_towards_the_admin_lock(admin_user: User, api):
    for _ in range(5):
        api.call("POST", "/api/auth/login", {"email": admin_user.email, "password": "Guess-123!"})
    response = _admin_login(Client(REMOTE_ADDR="127.0.0.1"), admin_user.email, PASSWORD)
    assert response.status_code == 429


def test_a_learner_with_the_right_password_counts_as_a_failure(make_user):
    learner = make_user("learner@example.com")
    client = Client(REMOTE_ADDR="198.51.100.21")
    for _ in range(5):
        assert _admin_login(client, learner.email, PASSWORD).status_code == 200
    assert _admin_login(client, learner.email, PASSWORD).status_code == 429


def test_admin_sign_in_is_audited_like_the_api(admin_user: User, api, caplog):
    caplog.set_level(logging.INFO, logger="savoir.security")
    client = Client(REMOTE_ADDR="198.51.100.22")
    _admin_login(client, admin_user.email, "Guess-123!")
    _admin_login(client, admin_user.email, PASSWORD)
    api.call("POST", "/api/auth/login", {"email": admin_user.email, "password": "Guess-123!"})
    events = [(r.msg, r.channel, r.ip) for r in caplog.records if r.name == "savoir.security"]
    assert events == [
        ("login_failed", "admin", "198.51.100.22"),
        ("login_succeeded", "admin", "198.51.100.22"),
        ("login_failed", "api", "127.0.0.1"),
    ]
    # Addresses are hashed in the audit log, never written in clear.
    assert all(admin_user.email not in r.getMessage() + str(r.__dict__) for r in caplog.records)


@override_settings(ADMIN_ALLOWED_NETWORKS=["10.0.0.0/8"])
def test_admin_can_be_restricted_to_networks(admin_user: User):
    outside = Client(REMOTE_ADDR="198.51.100.23")
    assert outside.get("/admin/login/").status_code == 404
    assert _admin_login(outside, admin_user.email, PASSWORD).status_code == 404
    inside = Client(REMOTE_ADDR="10.1.2.3")
    assert inside.get("/admin/login/").status_code == 200
    # The API is not affected.
    assert outside.get("/api/health").status_code == 200
