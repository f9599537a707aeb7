"""The language of the page the server renders (the SPA's index.html): the signed-in user's saved
language, else the savoir_lang cookie (a visitor's own choice), else the browser's
Accept-Language, else French. The SPA makes the same choice from navigator.languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from conftest import ApiClient

pytestmark = pytest.mark.django_db

INDEX = '<!doctype html>\n<html lang="fr">\n<head><title>Savoir</title></head></html>\n'


@pytest.fixture(autouse=True)
def _built_spa(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "index.html").write_text(INDEX)
    with override_settings(FRONTEND_DIST=tmp_path):
        yield


def _page_language(client: ApiClient, path: str = "/", accept_language: str = "") -> str:
    response = client.get(
        path, headers={"Accept-Language": accept_language} if accept_language else {}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<html lang=") == 1
    language = html.split('<html lang="', 1)[1].split('"', 1)[0]
    # The header says the same, and caches keep one copy per language source.
    assert response["Content-Language"] == language
    assert {"accept-language", "cookie"} <= {v.strip().lower() for v in response["Vary"].split(",")}
    return language


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "en"),
        ("en-GB", "en"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        ("fr-CA", "fr"),
        # The first language the app speaks, in the browser's order of preference.
        ("de-DE,de;q=0.9,en;q=0.8,fr;q=0.7", "en"),
        ("es-ES,es;q=0.9,fr;q=0.5", "fr"),
        # Nothing the app speaks, or nothing said: French.
        ("de-DE,de;q=0.9", "fr"),
        ("", "fr"),
    ],
)
def test_a_first_visit_follows_the_browser(api: ApiClient, accept_language, expected):
    assert _page_language(api, "/", accept_language) == expected
    assert _page_language(api, "/catalog/SY0-701", accept_language) == expected


def test_the_visitors_choice_beats_the_browser(api: ApiClient):
    api.cookies["savoir_lang"] = "fr"
    assert _page_language(api, "/", accept_language="en-US,en;q=0.9") == "fr"
    api.cookies["savoir_lang"] = "en"
    assert _page_language(api, "/", accept_language="fr-FR") == "en"


def test_an_unknown_cookie_value_falls_back_to_the_browser(api: ApiClient):
    api.cookies["savoir_lang"] = "de"
    assert _page_language(api, "/", accept_language="en-US") == "en"


def test_the_signed_in_users_language_beats_cookie_and_browser(api: ApiClient, make_user):
    user = make_user(language="fr")
    api.login_as(user.email)
    api.cookies["savoir_lang"] = "en"
    assert _page_language(api, "/dashboard", accept_language="en-US") == "fr"
    response = api.call("PATCH", "/api/users/me", {"language": "en"})
    assert response.status_code == 200
    # Saving the language also sets the cookie, so it stays after signing out.
    assert response.cookies["savoir_lang"].value == "en"
    assert _page_language(api, "/dashboard", accept_language="fr-FR") == "en"
    api.call("POST", "/api/auth/logout")
    assert _page_language(api, "/", accept_language="fr-FR") == "en"


def test_api_messages_follow_the_same_negotiation(api: ApiClient):
    """What the server says to a visitor (here, a failed sign-in) speaks the page's language."""

    def message(accept_language: str) -> str:
        response = api.call(
            "POST",
            "/api/auth/login",
            {"email": "nobody@example.com", "password": "x"},
            headers={"Accept-Language": accept_language},
        )
        assert response.status_code == 401
        text: str = response.json()["error"]["message"]
        return text

    assert message(accept_language="en-US,en;q=0.9") == "Incorrect e-mail or password."
    assert message(accept_language="fr-FR") == "Adresse e-mail ou mot de passe incorrect."
    assert message(accept_language="de-DE") == "Adresse e-mail ou mot de passe incorrect."
