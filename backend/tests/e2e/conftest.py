"""End-to-end fixtures: Debian's Chromium driven by Playwright against pytest-django's live server,
which serves the built SPA (frontend/dist, built by `npm run build`) and the API on one origin.

The helpers every browser test shares live here too, once: import them with
`from .conftest import heading, log_in, ...`."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from savoir.questions.models import Question

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
# French UI strings use the typographic apostrophe.
APOS = "\u2019"
# The login form's e-mail label, password label and submit button, per interface language.
LOGIN_LABELS: dict[str, tuple[str, str, str]] = {
    "fr": ("Adresse e-mail", "Mot de passe", "Se connecter"),
    "en": ("E-mail address", "Password", "Log in"),
}


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
    name: str = request.param
    return name


def new_context(
    browser: Browser, viewport: str, *, locale: str = "fr-FR", **options: Any
) -> BrowserContext:
    """A browser context at one of VIEWPORTS (a phone gets touch), with the default timeout;
    `options` go to Playwright's new_context. The caller closes it. The browser prefers French
    (`locale` sets navigator.languages and Accept-Language, which a first visit follows): tests
    in English say so with set_language, as a visitor's choice would."""
    phone = viewport == "phone"
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale=locale, is_mobile=phone, has_touch=phone, **options
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context


@pytest.fixture
def context(browser: Browser, viewport: str) -> Iterator[BrowserContext]:
    context = new_context(browser, viewport)
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


@pytest.fixture
def content(transactional_db) -> None:
    """The shipped content, as `make run` loads it: the SY0-701 blueprint, its glossary and the
    starter question bank (FR and EN)."""
    call_command("load_content", verbosity=0)


# --- Helpers --------------------------------------------------------------------------------------


def heading(page: Page, name: str | re.Pattern[str], level: int = 1) -> Locator:
    """A heading by its accessible name: the whole text, case included, for a string; a match
    for a pattern (Playwright ignores `exact` for patterns)."""
    return page.get_by_role("heading", level=level, name=name, exact=True)


def set_language(context: BrowserContext, language: str, base_url: str) -> None:
    """The interface language cookie, as the language switch sets it: the next page load speaks
    `language`."""
    context.add_cookies([{"name": "savoir_lang", "value": language, "url": base_url}])


def log_in(page: Page, email: str, password: str, *, language: str = "en") -> None:
    """Fills and submits the login form on screen, whose interface is in `language`."""
    email_label, password_label, submit = LOGIN_LABELS[language]
    page.get_by_label(email_label).fill(email)
    page.get_by_label(password_label, exact=True).fill(password)
    page.get_by_role("button", name=submit, exact=True).click()


def _spaced(text: str) -> str:
    # French no-break spaces: the bank's importer puts them in, the screen may add its own.
    return text.replace("\u00a0", " ")


def stem_on_screen(page: Page) -> str:
    """The stem on screen, no-break spaces as ordinary ones (see question_with_stem)."""
    return _spaced(page.locator(".question__stem").inner_text().strip())


def question_with_stem(stem: str) -> Question:
    """The question whose stem reads `stem`, whatever its no-break spaces."""
    return next(q for q in Question.objects.all() if _spaced(q.stem) == stem)


def right_choice(stem: str) -> str:
    """The text of the correct choice of the question with this stem."""
    return question_with_stem(stem).choices.get(is_correct=True).text


def wrong_choice(stem: str) -> str:
    """The text of the first wrong choice of the question with this stem."""
    question = question_with_stem(stem)
    return question.choices.filter(is_correct=False).order_by("pk").first().text  # type: ignore[union-attr]
