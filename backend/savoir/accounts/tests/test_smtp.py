"""The reset e-mail goes through a real SMTP server listening on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from conftest import ApiClient
from savoir.accounts.models import User


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def smtp_inbox():
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


@pytest.mark.django_db
def test_reset_email_through_real_smtp_then_reset(api: ApiClient, make_user, smtp_inbox):
    inbox, port = smtp_inbox
    user: User = make_user(email="smtp@example.com", language="fr", first_name="Sami")
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
    ):
        response = api.call("POST", "/api/auth/password/forgot", {"email": "smtp@example.com"})
    assert response.status_code == 200
    assert len(inbox.messages) == 1
    mail_from, rcpt, raw = inbox.messages[0]
    assert rcpt == ["smtp@example.com"]
    assert mail_from == "no-reply@savoir.local"
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "Réinitialisez votre mot de passe Savoir"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    match = re.search(r"reset-password\?token=([\w.\-]+)", body.get_content())
    assert match is not None
    token = match.group(1)
    reset = api.call(
        "POST", "/api/auth/password/reset", {"token": token, "newPassword": "Via-Smtp-2026"}
    )
    assert reset.status_code == 200
    user.refresh_from_db()
    assert user.check_password("Via-Smtp-2026")
