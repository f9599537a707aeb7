"""The production posture, checked in a separate process started with DJANGO_ENV=production."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

BACKEND = Path(__file__).resolve().parents[3]


def _production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_ENV="production",
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="p" * 20 + "r0duct10n-s3cr3t-k3y-n0t-f0r-real-use-0123456789",
        ALLOWED_HOSTS="savoir.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    return env


def test_check_deploy_passes_with_no_warning(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BACKEND,
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = _production_env(tmp_path)
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


SCRIPT = textwrap.dedent(
    """
    import json, django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from savoir.accounts.services import user_create
    user_create(email="prod@example.com", password="Prod-Pass-2026!", first_name="Pro", last_name="Duction")
    from django.test import Client
    c = Client(enforce_csrf_checks=True, HTTP_HOST="savoir.example")
    plain = c.get("/api/health")
    c.get("/api/auth/csrf", secure=True)
    token = c.cookies["csrftoken"].value
    r = c.post("/api/auth/login", json.dumps({"email": "prod@example.com", "password": "Prod-Pass-2026!"}),
               content_type="application/json", secure=True, headers={"X-CSRFToken": token, "Referer": "https://savoir.example/login"})
    boom = c.get("/api/does-not-exist", secure=True)
    session = r.cookies.get("__Host-sessionid")
    print(json.dumps({
        "login": r.status_code,
        "cookie": {k: session[k] for k in ("secure", "httponly", "samesite", "path", "domain")} if session else None,
        "hsts": r.get("Strict-Transport-Security"),
        "http_health": plain.status_code,
        "csrf_secure": bool(c.cookies["csrftoken"]["secure"]),
        "not_found": boom.json(),
    }))
    """
)


def _run_in_production(script: str, tmp_path: Path) -> Any:
    """Run `script` in a fresh process with DJANGO_ENV=production; its last line is JSON."""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BACKEND,
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_hsts_and_errors_over_http(tmp_path):
    out = _run_in_production(SCRIPT, tmp_path)
    assert out["login"] == 200
    assert out["cookie"] == {
        "secure": True,
        "httponly": True,
        "samesite": "Lax",
        "path": "/",
        "domain": "",
    }
    assert out["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert out["http_health"] == 200  # the load balancer's plain-HTTP probe is not redirected
    assert out["csrf_secure"] is True
    assert out["not_found"]["error"]["code"] == "not_found"


@pytest.mark.parametrize("value", ["1", "true"])
def test_debug_cannot_be_switched_on_in_production(tmp_path, value):
    env = _production_env(tmp_path) | {"DEBUG": value}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DEBUG cannot be on in production" in result.stderr


STATIC_SCRIPT = textwrap.dedent(
    """
    import json, django
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    call_command("collectstatic", "--noinput", verbosity=0)
    from django.test import Client
    c = Client(HTTP_HOST="savoir.example")
    manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())["paths"]
    vite = next(n for n in manifest if n.startswith("assets/") and n.endswith(".js"))
    def cache(path):
        r = c.get("/static/" + path, secure=True)
        return [r.status_code, r.get("Cache-Control")]
    print(json.dumps({
        "vite": cache(vite), "manifest": cache(manifest[vite]), "plain": cache("favicon.svg"),
    }))
    """
)


def test_production_caches_fingerprinted_assets_for_a_year(tmp_path):
    out = _run_in_production(STATIC_SCRIPT, tmp_path)
    forever = [200, "max-age=315360000, public, immutable"]
    assert out == {"vite": forever, "manifest": forever, "plain": [200, "max-age=60, public"]}
