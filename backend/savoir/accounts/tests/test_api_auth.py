from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.contrib.sessions.models import Session

from conftest import PASSWORD, ApiClient
from savoir.accounts.models import User, UserSession

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "email": "Grace.Hopper@Example.com",
    "password": "Compil3r-Bugs!",
    "firstName": "Grace",
    "lastName": "Hopper",
    "country": "us",
    "language": "en",
}


def _error(response) -> dict[str, Any]:
    error: dict[str, Any] = response.json()["error"]
    return error


# --- CSRF ----------------------------------------------------------------------------------------


def test_csrf_endpoint_sets_a_readable_token_cookie(api: ApiClient):
    response = api.get("/api/auth/csrf")
    assert response.status_code == 204
    cookie = response.cookies["csrftoken"]
    assert len(cookie.value) == 32
    assert cookie["httponly"] == ""  # the SPA must be able to read it
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/auth/register", REGISTRATION),
        ("POST", "/api/auth/login", {"email": "a@example.com", "password": "x"}),
        ("POST", "/api/auth/password/forgot", {"email": "a@example.com"}),
        ("POST", "/api/auth/password/reset", {"token": "x", "newPassword": "x"}),
        ("POST", "/api/auth/logout", None),
        ("PATCH", "/api/users/me", {"firstName": "Other"}),
    ],
)
def test_unsafe_calls_without_csrf_header_are_rejected(api: ApiClient, method, path, body):
    api.csrf()  # the cookie is there; only the header is missing
    response = api.call(method, path, body, csrf=False, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert _error(response)["code"] == "csrf_failed"
    assert User.objects.filter(email="grace.hopper@example.com").count() == 0


def test_a_wrong_csrf_header_is_rejected(api: ApiClient):
    api.csrf()
    response = api.call(
        "POST",
        "/api/auth/login",
        {"email": "a@b.co", "password": "x"},
        csrf=False,
        headers={"X-CSRFToken": "A" * 32},
    )
    assert response.status_code == 403


# --- Registration ------------------------------------------------------------------------------


def test_register_creates_the_user_and_signs_them_in(api: ApiClient):
    response = api.call("POST", "/api/auth/register", REGISTRATION)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {
        "id",
        "email",
        "firstName",
        "lastName",
        "country",
        "language",
        "timeZone",
        "role",
        "avatarUrl",
        "dateJoined",
    }
    assert body["email"] == "grace.hopper@example.com"
    assert (body["firstName"], body["lastName"], body["country"]) == ("Grace", "Hopper", "US")
    assert (body["language"], body["role"], body["avatarUrl"]) == ("en", "learner", None)
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["httponly"] is True
    assert session_cookie["samesite"] == "Lax"
    assert session_cookie.value not in response.content.decode()
    me = api.get("/api/auth/me")
    assert me.status_code == 200
    assert me.json()["id"] == body["id"]
    assert UserSession.objects.filter(user_id=body["id"]).count() == 1


def test_register_duplicate_email_is_case_insensitive(api: ApiClient, make_user):
    make_user(email="grace.hopper@example.com")
    response = api.call(
        "POST", "/api/auth/register", {**REGISTRATION, "email": "GRACE.hopper@example.COM"}
    )
    assert response.status_code == 409
    assert _error(response)["code"] == "email_taken"
    assert User.objects.count() == 1


def test_a_taken_address_is_only_told_after_the_password_is_valid(api: ApiClient, make_user):
    make_user(email="grace.hopper@example.com")
    response = api.call("POST", "/api/auth/register", {**REGISTRATION, "password": "weak"})
    assert response.status_code == 422
    assert list(_error(response)["fields"]) == ["password"]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Sh0rt!", "This password is too short. It must contain at least 8 characters."),
        ("lowercase-only-1", "The password must contain an upper-case letter."),
        ("No-Digits-Here", "The password must contain a digit."),
        ("NoSpecial1234", "The password must contain a special character."),
        ("Aa1!" + "x" * 125, "The password must be at most 128 characters."),
        ("P@ssw0rd", "This password is too common."),
        ("Hopper-12", "The password is too similar to the e-mail address."),
    ],
)
def test_register_rejects_weak_passwords_field_by_field(api: ApiClient, password, message):
    response = api.call(
        "POST",
        "/api/auth/register",
        {**REGISTRATION, "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    error = _error(response)
    assert error["code"] == "validation_error"
    assert message in error["fields"]["password"]
    assert User.objects.count() == 0


def test_register_accepts_a_128_character_password(api: ApiClient):
    response = api.call(
        "POST", "/api/auth/register", {**REGISTRATION, "password": "Aa1!" + "q" * 124}
    )
    assert response.status_code == 201


def test_register_validation_lists_each_bad_field_in_french_by_default(api: ApiClient):
    response = api.call(
        "POST",
        "/api/auth/register",
        {
            "email": "not-an-email",
            "password": "x",
            "firstName": "G",
            "lastName": "H" * 101,
            "country": "XX",
            "language": "de",
        },
    )
    assert response.status_code == 422
    error = _error(response)
    assert error["message"] == "Certains champs ne sont pas valides."
    assert error["fields"] == {
        "email": ["Saisissez une adresse e-mail valide."],
        "firstName": ["Doit contenir au moins 2 caractères."],
        "lastName": ["Doit contenir au plus 100 caractères."],
        "country": ["Utilisez un code pays ISO 3166-1 à deux lettres, par exemple FR ou CA."],
        "language": ["Doit être l'une des valeurs suivantes\u00a0: 'fr' or 'en'."],
    }


def test_register_with_missing_fields_and_wrong_types(api: ApiClient):
    response = api.call(
        "POST", "/api/auth/register", {"email": 12, "language": "en"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 422
    fields = _error(response)["fields"]
    assert fields["email"] == ["Must be text."]
    for name in ("password", "firstName", "lastName"):
        assert fields[name] == ["This field is required."]


def test_register_with_malformed_json_is_a_422(api: ApiClient):
    response = api.generic(
        "POST",
        "/api/auth/register",
        "{not json",
        content_type="application/json",
        headers={"X-CSRFToken": api.csrf()},
    )
    assert response.status_code in {400, 422}
    assert "error" in response.json()


# --- Login ------------------------------------------------------------------------------------------


def test_login_returns_the_user_and_an_httponly_session(api: ApiClient, user: User):
    response = api.call(
        "POST", "/api/auth/login", {"email": "ADA@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert response.json()["email"] == "ada@example.com"
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert api.get("/api/auth/me").json()["id"] == user.id


def test_every_login_gets_a_new_session_id_even_for_the_same_user(api: ApiClient, user: User):
    first = api.login_as(user.email).cookies["sessionid"].value
    second = api.login_as(user.email).cookies["sessionid"].value
    assert first != second
    assert not Session.objects.filter(session_key=first).exists()
    assert Session.objects.filter(session_key=second).exists()
    assert list(UserSession.objects.filter(user=user).values_list("session_key", flat=True)) == [
        second
    ]


def test_wrong_password_and_unknown_email_look_the_same(api: ApiClient, user: User):
    wrong = api.call("POST", "/api/auth/login", {"email": user.email, "password": "Nope-Nope-1!"})
    unknown = api.call(
        "POST", "/api/auth/login", {"email": "nobody@example.com", "password": "Nope-Nope-1!"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.content == unknown.content
    assert wrong.json()["error"]["code"] == "invalid_credentials"


def test_inactive_accounts_cannot_sign_in(api: ApiClient, user: User):
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = api.call("POST", "/api/auth/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 401


def test_login_is_limited_to_ten_attempts_per_ip_per_window(api: ApiClient, make_user):
    for n in range(10):
        response = api.call(
            "POST", "/api/auth/login", {"email": f"user{n}@example.com", "password": "Wrong-1!x"}
        )
        assert response.status_code == 401
    response = api.call(
        "POST", "/api/auth/login", {"email": "new@example.com", "password": "Wrong-1!x"}
    )
    assert response.status_code == 429
    assert _error(response)["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 15 * 60 + 1
    # Another address is not affected.
    other = ApiClient(REMOTE_ADDR="203.0.113.9")
    assert (
        other.call(
            "POST", "/api/auth/login", {"email": "new@example.com", "password": "Wrong-1!x"}
        ).status_code
        == 401
    )


def test_five_failures_lock_the_account_for_that_ip_only(user: User):
    attacker = ApiClient(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        assert (
            attacker.call(
                "POST", "/api/auth/login", {"email": user.email, "password": "Guess-123!"}
            ).status_code
            == 401
        )
    locked = attacker.call("POST", "/api/auth/login", {"email": user.email, "password": PASSWORD})
    assert locked.status_code == 429
    assert _error(locked)["code"] == "account_locked"
    assert 1 <= int(locked["Retry-After"]) <= 15 * 60 + 1
    # The owner, elsewhere, is never blocked by it.
    owner = ApiClient(REMOTE_ADDR="192.0.2.44")
    assert (
        owner.call(
            "POST", "/api/auth/login", {"email": user.email, "password": PASSWORD}
        ).status_code
        == 200
    )


def test_the_lock_ends_after_fifteen_minutes(user: User):
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        client = ApiClient(REMOTE_ADDR="198.51.100.7")
        for _ in range(5):
            client.call("POST", "/api/auth/login", {"email": user.email, "password": "Guess-123!"})
        assert (
            client.call(
                "POST", "/api/auth/login", {"email": user.email, "password": PASSWORD}
            ).status_code
            == 429
        )
        clock.shift(dt.timedelta(minutes=14))
        assert (
            client.call(
                "POST", "/api/auth/login", {"email": user.email, "password": PASSWORD}
            ).status_code
            == 429
        )
        clock.shift(dt.timedelta(minutes=1, seconds=2))
        assert (
            client.call(
                "POST", "/api/auth/login", {"email": user.email, "password": PASSWORD}
            ).status_code
            == 200
        )


def test_a_success_resets_the_consecutive_failure_count(user: User):
    client = ApiClient(REMOTE_ADDR="198.51.100.8")
    for _ in range(4):
        client.call("POST", "/api/auth/login", {"email": user.email, "password": "Guess-123!"})
    assert (
        client.call(
            "POST", "/api/auth/login", {"email": user.email, "password": PASSWORD}
        ).status_code
        == 200
    )
    other = ApiClient(REMOTE_ADDR="198.51.100.8")
    for _ in range(4):
        assert (
            other.call(
                "POST", "/api/auth/login", {"email": user.email, "password": "Guess-123!"}
            ).status_code
            == 401
        )
    assert (
        other.call(
            "POST", "/api/auth/login", {"email": user.email, "password": PASSWORD}
        ).status_code
        == 200
    )


def test_unknown_emails_lock_the_same_way_so_locks_reveal_nothing():
    client = ApiClient(REMOTE_ADDR="198.51.100.9")
    for _ in range(5):
        client.call(
            "POST", "/api/auth/login", {"email": "ghost@example.com", "password": "Guess-123!"}
        )
    response = client.call(
        "POST", "/api/auth/login", {"email": "ghost@example.com", "password": "Guess-123!"}
    )
    assert _error(response)["code"] == "account_locked"


# --- Logout, me, lifetimes -------------------------------------------------------------------------


def test_logout_deletes_the_session_server_side(logged_in: ApiClient, user: User):
    old_cookie = logged_in.cookies["sessionid"].value
    response = logged_in.call("POST", "/api/auth/logout")
    assert response.status_code == 204
    assert not Session.objects.filter(session_key=old_cookie).exists()
    assert not UserSession.objects.filter(user=user).exists()
    replay = ApiClient()
    replay.cookies["sessionid"] = old_cookie
    response = replay.get("/api/auth/me", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json() == {
        "error": {"code": "not_authenticated", "message": "You need to sign in.", "fields": None}
    }


def test_me_without_a_session_is_401(api: ApiClient):
    assert api.get("/api/auth/me").status_code == 401


def test_idle_sessions_expire_after_fourteen_days(api: ApiClient, user: User):
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        api.login_as(user.email)
        clock.shift(dt.timedelta(days=13, hours=23))
        assert api.get("/api/auth/me").status_code == 200
        clock.shift(dt.timedelta(days=14, minutes=1))
        assert api.get("/api/auth/me").status_code == 401
        assert not UserSession.objects.filter(user=user).exists()


def test_active_sessions_still_end_after_thirty_days(api: ApiClient, user: User):
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        api.login_as(user.email)
        for _ in range(29):
            clock.shift(dt.timedelta(days=1))
            assert api.get("/api/auth/me").status_code == 200
        clock.shift(dt.timedelta(days=1, minutes=1))
        assert api.get("/api/auth/me").status_code == 401
