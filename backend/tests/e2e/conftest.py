"""End-to-end fixtures: Debian's Chromium driven by Playwright against pytest-django's live server,
which serves the built SPA (frontend/dist, built by `npm run build`) and the API on one origin."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS: dict[str, ViewportSize] = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 812},
}
SCREENSHOT_DIR = Path(os.environ.get("SAVOIR_E2E_SCREENSHOTS", "/tmp/savoir-e2e"))
DEFAULT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def _spa_built() -> None:
    dist = Path(getattr(settings, "FRONTEND_DIST", settings.BASE_DIR.parent / "frontend" / "dist"))
    if not (dist / "index.html").is_file():
        pytest.fail(f"{dist}/index.html is missing: run `npm run build` in frontend/ first.")


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are
    # still synchronous and safe. Allowed only while the browser tests run.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright, _spa_built: None) -> Iterator[Browser]:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(
            f"Chromium not found at {executable} (apt-get install chromium, or set CHROMIUM_PATH)."
        )
    browser = playwright_instance.chromium.launch(
        executable_path=executable, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def context(browser: Browser, viewport: str) -> Iterator[BrowserContext]:
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale="en-US",
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    # A CSP violation or an uncaught exception in the SPA fails the test that caused it.
    assert errors == [], f"errors in the page: {errors}"


class Shots:
    """Saves one numbered screenshot per step: /tmp/savoir-e2e/<test>-<viewport>-NN-<step>.png."""

    def __init__(self, page: Page, prefix: str) -> None:
        self.page = page
        self.prefix = prefix
        self.count = 0
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def __call__(self, step: str) -> None:
        self.count += 1
        name = f"{self.prefix}-{self.count:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower())}.png"
        self.page.screenshot(path=str(SCREENSHOT_DIR / name), full_page=True)


@pytest.fixture
def shot(page: Page, request: pytest.FixtureRequest, viewport: str) -> Shots:
    test_name = request.node.originalname.removeprefix("test_")
    return Shots(page, f"{test_name}-{viewport}")
