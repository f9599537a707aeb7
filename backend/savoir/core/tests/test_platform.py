"""Cross-cutting behaviour: health, headers, error envelope and its language, the SPA route."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from conftest import ApiClient
from savoir.accounts.models import User

pytestmark = pytest.mark.django_db

CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
}


def test_health_reports_database_and_cache(api: ApiClient):
    response = api.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_health_is_503_when_the_database_is_unreachable(api: ApiClient):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("down"),
    ):
        response = api.get("/api/health")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}


def test_security_headers_on_api_and_pages(api: ApiClient, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>Savoir</title>")
    with override_settings(FRONTEND_DIST=tmp_path):
        for path in ("/api/health", "/profile"):
            response = api.get(path)
            assert set(response["Content-Security-Policy"].split("; ")) == CSP
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["X-Frame-Options"] == "DENY"
            assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_client_routes_get_the_spa_index(api: ApiClient, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>Savoir SPA</title>")
    with override_settings(FRONTEND_DIST=tmp_path):
        for path in ("/", "/login", "/profile", "/reset-password", "/some/deep/link"):
            response = api.get(path)
            assert response.status_code == 200
            assert b"Savoir SPA" in response.content
            assert response["Cache-Control"] == "no-cache"


def test_unknown_api_paths_are_json_404s(api: ApiClient):
    response = api.get("/api/does-not-exist", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "code": "not_found",
            "message": "This API endpoint does not exist.",
            "fields": None,
        }
    }


def test_unexpected_errors_are_a_generic_500_without_trace(api: ApiClient):
    with mock.patch(
        "savoir.core.selectors.health_status", side_effect=RuntimeError("secret detail")
    ):
        response = api.get("/api/health", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    assert response.json() == {
        "error": {
            "code": "server_error",
            "message": "Something went wrong on our side. Please try again.",
            "fields": None,
        }
    }
    assert b"secret detail" not in response.content and b"Traceback" not in response.content


def test_request_ids_are_issued_and_echoed(api: ApiClient):
    assert len(api.get("/api/health")["X-Request-ID"]) == 32
    assert api.get("/api/health", HTTP_X_REQUEST_ID="abc-123-xyz")["X-Request-ID"] == "abc-123-xyz"
    assert api.get("/api/health", HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"


# --- Language of error messages: user, then cookie, then Accept-Language, then French ----------


def _message(client: ApiClient, **headers) -> str:
    message: str = client.get("/api/auth/me", **headers).json()["error"]["message"]
    return message


def test_french_when_nothing_says(api: ApiClient):
    assert _message(api) == "Vous devez vous connecter."


def test_accept_language_is_used(api: ApiClient):
    assert _message(api, HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9") == "You need to sign in."


def test_the_cookie_beats_accept_language(api: ApiClient):
    api.cookies["savoir_lang"] = "en"
    assert _message(api, HTTP_ACCEPT_LANGUAGE="fr-FR") == "You need to sign in."


def test_the_users_preference_beats_the_cookie(api: ApiClient, make_user):
    user = make_user(language="fr")
    api.login_as(user.email)
    api.cookies["savoir_lang"] = "en"
    response = api.call(
        "PATCH", "/api/users/me", {"timeZone": "Nowhere/Land"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.json()["error"]["message"] == "Certains champs ne sont pas valides."


def test_method_not_allowed_is_not_a_500(api: ApiClient):
    assert api.call("DELETE", "/api/health").status_code == 405


def test_admin_is_for_staff_only(api: ApiClient, make_user):
    learner = make_user(email="learner@example.com")
    admin = make_user(email="boss@example.com", role="admin")
    assert (learner.is_staff, admin.is_staff, admin.is_superuser) == (False, True, True)
    api.force_login(learner)
    assert api.get("/admin/").status_code == 302
    api.force_login(admin)
    assert api.get("/admin/").status_code == 200
    assert api.get("/admin/accounts/user/").status_code == 200
    assert User.objects.count() == 2


def _spa_with_manifest(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html>\n<html lang="fr">\n<head><title>Savoir</title></head><body></body></html>'
    )
    (tmp_path / ".vite").mkdir()
    (tmp_path / ".vite" / "manifest.json").write_text(
        '{"src/app/translations/en.ts": {"file": "assets/en-AAAA.js"},'
        ' "src/app/translations/fr.ts": {"file": "assets/fr-BBBB.js"}}'
    )
    return override_settings(FRONTEND_DIST=tmp_path)


def test_the_page_carries_the_negotiated_language_and_preloads_its_strings(api, tmp_path):
    with _spa_with_manifest(tmp_path):
        english = api.get("/login", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
        french = api.get("/login", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,en;q=0.5").content.decode()
        other = api.get("/login", HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()

    assert '<html lang="en" data-language="en" data-signed-in="false">' in english
    assert '<link rel="modulepreload" crossorigin href="/static/assets/en-AAAA.js">' in english
    assert "fr-BBBB" not in english
    assert '<html lang="fr" data-language="fr" data-signed-in="false">' in french
    assert "/static/assets/fr-BBBB.js" in french and "en-AAAA" not in french
    assert '<html lang="fr" data-language="fr"' in other  # neither: French, the default


def test_a_chosen_language_and_a_session_are_written_into_the_page(api, make_user, tmp_path):
    user = make_user(language="en")
    api.login_as(user.email)
    with _spa_with_manifest(tmp_path):
        response = api.get("/dashboard", HTTP_ACCEPT_LANGUAGE="fr-FR")

    html = response.content.decode()
    assert '<html lang="en" data-language="en" data-signed-in="true">' in html
    assert "/static/assets/en-AAAA.js" in html
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_the_page_is_served_without_a_manifest(api, tmp_path):
    (tmp_path / "index.html").write_text('<html lang="fr"><head></head></html>')
    with override_settings(FRONTEND_DIST=tmp_path):
        html = api.get("/login").content.decode()
    assert '<html lang="fr" data-language="fr" data-signed-in="false">' in html
    assert "modulepreload" not in html
