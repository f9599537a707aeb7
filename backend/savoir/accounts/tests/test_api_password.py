from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from conftest import PASSWORD, ApiClient
from savoir.accounts.models import User, UserSession

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Brand-New-Pass-7"


def _forgot(client: ApiClient, email: str, **extra):
    return client.call("POST", "/api/auth/password/forgot", {"email": email}, **extra)


def _token_from_mail(message) -> str:
    match = re.search(r"/reset-password\?token=([\w.\-]+)", message.body)
    assert match, message.body
    return match.group(1)


def test_forgot_answers_the_same_for_known_and_unknown_addresses(api: ApiClient, user: User):
    known = _forgot(api, user.email)
    unknown = _forgot(api, "nobody@example.com")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.com"]


@override_settings(TASKS_RUN_INLINE=False)  # the e-mail's task stays queued: measure the request
def test_forgot_does_the_same_work_for_known_and_unknown_addresses(api: ApiClient, user: User):
    """No account lookup in the request: its timing cannot tell whether an address exists."""
    api.csrf()
    with CaptureQueriesContext(connection) as known:
        assert _forgot(api, user.email).status_code == 200
    with CaptureQueriesContext(connection) as unknown:
        assert _forgot(api, "nobody@example.com").status_code == 200
    sent = [[q["sql"] for q in ctx.captured_queries] for ctx in (known, unknown)]
    assert sent[0] == sent[1]
    assert not any("accounts_user" in sql for sql in sent[0])


def test_the_reset_email_is_in_the_users_language(api: ApiClient, make_user):
    make_user(email="fr@example.com", language="fr", first_name="Émilie")
    make_user(email="en@example.com", language="en", first_name="Emily")
    _forgot(api, "fr@example.com", HTTP_ACCEPT_LANGUAGE="en")
    _forgot(api, "en@example.com", HTTP_ACCEPT_LANGUAGE="fr")
    french, english = mail.outbox
    assert french.subject == "Réinitialisez votre mot de passe Savoir"
    assert french.body.startswith("Bonjour Émilie,")
    assert "expire dans 6 heures" in french.body
    assert english.subject == "Reset your Savoir password"
    assert english.body.startswith("Hello Emily,")
    assert "expires in 6 hours" in english.body
    assert english.alternatives[0][1] == "text/html"  # type: ignore[attr-defined]
    assert "http://testserver/reset-password?token=" in english.body


def test_reset_with_the_mailed_token_changes_the_password_once(api: ApiClient, user: User):
    _forgot(api, user.email)
    token = _token_from_mail(mail.outbox[0])
    response = api.call(
        "POST",
        "/api/auth/password/reset",
        {"token": token, "newPassword": NEW_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert response.json() == {"detail": "Your password has been changed. You can now sign in."}
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    again = api.call(
        "POST", "/api/auth/password/reset", {"token": token, "newPassword": "Another-Pass-8"}
    )
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "invalid_token"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_an_expired_token_is_refused(api: ApiClient, user: User):
    with time_machine.travel(dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.UTC), tick=False) as clock:
        _forgot(api, user.email)
        token = _token_from_mail(mail.outbox[0])
        clock.shift(dt.timedelta(hours=6, minutes=1))
        response = api.call(
            "POST", "/api/auth/password/reset", {"token": token, "newPassword": NEW_PASSWORD}
        )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_token"
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_token_is_still_good_just_before_six_hours(api: ApiClient, user: User):
    with time_machine.travel(dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.UTC), tick=False) as clock:
        _forgot(api, user.email)
        token = _token_from_mail(mail.outbox[0])
        clock.shift(dt.timedelta(hours=5, minutes=59))
        response = api.call(
            "POST", "/api/auth/password/reset", {"token": token, "newPassword": NEW_PASSWORD}
        )
    assert response.status_code == 200


@pytest.mark.parametrize("token", ["garbage", "MQ.abc-def", "not base64.x", "." * 10])
def test_forged_tokens_are_refused(api: ApiClient, user: User, token):
    response = api.call(
        "POST", "/api/auth/password/reset", {"token": token, "newPassword": NEW_PASSWORD}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_token"


def test_a_weak_new_password_is_a_422_and_keeps_the_token_usable(api: ApiClient, user: User):
    _forgot(api, user.email)
    token = _token_from_mail(mail.outbox[0])
    weak = api.call(
        "POST",
        "/api/auth/password/reset",
        {"token": token, "newPassword": "weakpass"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert weak.status_code == 422
    assert weak.json()["error"]["fields"]["newPassword"] == [
        "The password must contain an upper-case letter.",
        "The password must contain a digit.",
        "The password must contain a special character.",
    ]
    ok = api.call("POST", "/api/auth/password/reset", {"token": token, "newPassword": NEW_PASSWORD})
    assert ok.status_code == 200


def test_a_reset_ends_every_session_of_the_user(api: ApiClient, user: User):
    laptop, phone = ApiClient(), ApiClient()
    laptop.login_as(user.email)
    phone.login_as(user.email)
    _forgot(api, user.email)
    api.call(
        "POST",
        "/api/auth/password/reset",
        {"token": _token_from_mail(mail.outbox[0]), "newPassword": NEW_PASSWORD},
    )
    assert laptop.get("/api/auth/me").status_code == 401
    assert phone.get("/api/auth/me").status_code == 401
    assert not UserSession.objects.filter(user=user).exists()
    assert ApiClient().login_as(user.email, NEW_PASSWORD).status_code == 200


def test_forgot_mails_are_capped_per_account_without_telling(api: ApiClient, user: User):
    responses = [_forgot(ApiClient(REMOTE_ADDR=f"192.0.2.{n}"), user.email) for n in range(5)]
    assert {r.status_code for r in responses} == {200}
    assert len({r.content for r in responses}) == 1
    assert len(mail.outbox) == 3


def test_forgot_rejects_a_malformed_address(api: ApiClient):
    response = _forgot(api, "not-an-address", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"email": ["Enter a valid e-mail address."]}
