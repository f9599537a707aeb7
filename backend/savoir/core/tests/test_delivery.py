"""How the built SPA goes over the wire: precompressed, and within the first screen's budget.

These read the real build (`make test` builds the frontend first), so they fail if the build
stops emitting compressed copies or the entry grows past its budget."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.test import Client

# The JavaScript a first visit downloads before anything shows, gzip-compressed (issue #12).
INITIAL_JS_BUDGET_GZIP = 150 * 1024


def _dist() -> Path:
    dist = Path(settings.FRONTEND_DIST)
    assert (dist / "index.html").is_file(), "build the frontend first (make build)"
    return dist


def _initial_scripts() -> list[str]:
    """The entry script and the modules index.html preloads: what the first screen needs."""
    html = (_dist() / "index.html").read_text()
    found = re.findall(r'<script type="module"[^>]* src="/static/([^"]+)"', html)
    found += re.findall(r'<link rel="modulepreload"[^>]* href="/static/([^"]+)"', html)
    assert found, "index.html names no script"
    return found


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("accept", "encoding", "decode"),
    [
        ("br, gzip, deflate", "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
        ("identity", None, lambda body: body),
    ],
)
def test_scripts_are_served_precompressed_when_the_browser_accepts_it(accept, encoding, decode):
    entry = _initial_scripts()[0]
    response = Client().get(f"/static/{entry}", HTTP_ACCEPT_ENCODING=accept)

    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert decode(_body(response)) == (_dist() / entry).read_bytes()


def test_every_built_script_and_stylesheet_has_compressed_copies():
    # WhiteNoise keeps a compressed copy only when it saves 5 %, which a few tiny chunks miss.
    assets = [
        p
        for p in (_dist() / "assets").iterdir()
        if p.suffix in {".js", ".css"} and p.stat().st_size > 1024
    ]
    assert assets
    missing = [
        p.name
        for p in assets
        if not (p.with_name(p.name + ".br").is_file() and p.with_name(p.name + ".gz").is_file())
    ]
    assert missing == []


def _gzip_size(name: str) -> int:
    return len(gzip.compress((_dist() / name).read_bytes()))


def test_the_first_screen_downloads_at_most_150_kb_of_javascript():
    """The entry, what index.html preloads, and the larger of the two languages' shell strings
    (Django preloads the visitor's one)."""
    manifest = json.loads((_dist() / ".vite" / "manifest.json").read_text())
    strings = [manifest[f"src/app/translations/{lang}.ts"]["file"] for lang in ("en", "fr")]
    total = sum(_gzip_size(name) for name in _initial_scripts())
    total += max(_gzip_size(name) for name in strings)
    assert total <= INITIAL_JS_BUDGET_GZIP, f"{total / 1024:.1f} KB gzip"
