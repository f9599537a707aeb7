"""Browsing the app as a learner in a real Chromium: no page wider than a phone, "Practise" a few
Tab presses from the top of a study screen (skip link and landmarks), and an offline page, with a
retry, when navigating without a connection."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect

from savoir.accounts.models import User
from savoir.accounts.services import user_create
from savoir.catalog.models import Exam
from savoir.practice.services import AnswerInput, answer_submit
from savoir.progress.services import exam_goal_set
from savoir.questions.models import PRACTICE_STATUSES, Question

from .conftest import APOS, Shots, heading, log_in, new_context, set_language

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Browse-Every-Page-9!"
# 2.2.12 is "Vecteurs humains/ingénierie sociale": a long word on a narrow screen.
LONG_TITLE = "2.2.12"
MAIN_PAGES = [
    "/",
    "/dashboard",
    "/dashboard?domain=2.0&objective=2.2",
    "/catalog/SY0-701",
    "/catalog/SY0-701/2.0",
    "/catalog/SY0-701/2.2",
    f"/catalog/SY0-701/2.2/{LONG_TITLE}",
    "/glossary",
    "/practice",
    f"/practice/SY0-701/{LONG_TITLE}",
    f"/generate/SY0-701/{LONG_TITLE}",
    "/profile",
]
SUBMIT = {"fr": "Valider ma réponse", "en": "Submit my answer"}
OFFLINE_TITLE = {"fr": "Vous semblez hors ligne", "en": "You seem to be offline"}
RETRY = {"fr": "Réessayer", "en": "Try again"}


def learner_with_history(language: str) -> User:
    """A learner with answers on a few sub-objectives (through the practice service, as the API
    would record them) and an exam date: every section of the dashboard is on screen."""
    user = user_create(
        email=f"lea-{language}@example.com",
        password=PASSWORD,
        first_name="Léa",
        last_name="Lambert",
        language=language,
    )
    for code, right, wrong in [("1.1.1", 6, 1), ("2.2.12", 2, 3), ("4.9.2", 1, 1)]:
        questions = list(
            Question.objects.filter(
                sub_objective__code=code, language=language, status__in=PRACTICE_STATUSES
            )
            .prefetch_related("choices")
            .order_by("pk")
        )
        for index in range(right + wrong):
            question = questions[index % len(questions)]
            choice = next(c for c in question.choices.all() if c.is_correct == (index >= wrong))
            answer_submit(
                user=user,
                data=AnswerInput(
                    question_id=question.pk,
                    choice_id=choice.pk,
                    time_spent_ms=15_000,
                    confidence=None,
                    client_answer_id=uuid.uuid4(),
                ),
            )
    today = datetime.date.today()
    exam_goal_set(
        user=user,
        exam=Exam.objects.get(code="SY0-701"),
        exam_date=today + datetime.timedelta(days=40),
        today=today,
    )
    return user


def signed_in_page(browser: Browser, live_server, viewport: str, language: str) -> Page:
    user = learner_with_history(language)
    context = new_context(browser, viewport, locale="fr-FR" if language == "fr" else "en-US")
    set_language(context, language, live_server.url)
    page = context.new_page()
    page.goto(f"{live_server.url}/login")
    log_in(page, user.email, PASSWORD, language=language)
    expect(page.get_by_role("navigation").first).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"/login"))
    return page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_page_is_wider_than_a_phone(content, browser: Browser, live_server, language) -> None:
    page = signed_in_page(browser, live_server, "phone", language)
    shot = Shots(page, f"browse-width-{language}-phone")
    try:
        for path in MAIN_PAGES:
            page.goto(f"{live_server.url}{path}")
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            expect(page.locator(".skeleton, .skeleton-block")).to_have_count(0)
            if path.startswith("/practice/"):
                # With the feedback open: the explanations are the longest text of the app.
                page.get_by_role("radiogroup").get_by_role("radio").first.check()
                page.get_by_role("button", name=SUBMIT[language]).click()
                expect(page.locator(".choice__explanation").first).to_be_visible()
            width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
            shot(path)
            assert width[0] <= width[1], f"{path} is {width[0]}px wide on a {width[1]}px screen"
    finally:
        page.context.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_practise_is_a_few_tab_presses_from_the_top_of_a_study_screen(
    content, browser: Browser, live_server, viewport: str, language: str
) -> None:
    page = signed_in_page(browser, live_server, viewport, language)
    practise = f"S{APOS}entraîner" if language == "fr" else "Practise"
    try:
        page.goto(f"{live_server.url}/catalog/SY0-701/2.4/2.4.1")
        expect(
            heading(
                page, "Attaques par logiciel malveillant" if language == "fr" else "Malware attacks"
            )
        ).to_be_visible()
        # The landmarks: one of each, the main one focusable by the skip link.
        for role in ("banner", "main", "contentinfo"):
            expect(page.get_by_role(role)).to_have_count(1)
        expect(
            page.get_by_role(
                "navigation", name=re.compile(r"^(Navigation principale|Main navigation)$")
            )
        ).to_have_count(1)
        main = page.get_by_role("main")
        expect(main).to_have_attribute("id", "main")
        expect(main).to_have_attribute("tabindex", "-1")

        page.keyboard.press("Tab")
        skip = page.get_by_role(
            "link", name="Aller au contenu" if language == "fr" else "Skip to content"
        )
        expect(skip).to_be_focused()
        expect(skip).to_be_visible()  # shown when focused
        page.keyboard.press("Enter")
        presses = 1
        target = page.get_by_role("link", name=practise, exact=True)
        while presses < 60 and not target.evaluate("(el) => el === document.activeElement"):
            page.keyboard.press("Tab")
            presses += 1
        expect(target).to_be_focused()
        # Skip link, then at most the official English wording before "Practise" (was ~49).
        assert presses <= 4, f"{presses} Tab presses to reach Practise"
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/practice/SY0-701/2\.4\.1$"))
    finally:
        page.context.close()


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_navigation_offline_shows_the_offline_page_with_a_retry(
    content, browser: Browser, live_server, viewport: str, language: str
) -> None:
    page = signed_in_page(browser, live_server, viewport, language)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    shot = Shots(page, f"browse-offline-{language}-{viewport}")
    context = page.context
    nav = page.get_by_role(
        "navigation", name=re.compile(r"^(Navigation principale|Main navigation)$")
    )
    try:
        # A page whose code was never loaded: the dashboard, from the home page.
        expect(page).to_have_url(re.compile(r"/$"))
        context.set_offline(True)
        nav.get_by_role("link", name="Tableau de bord" if language == "fr" else "Dashboard").click()
        offline = heading(page, OFFLINE_TITLE[language])
        expect(offline).to_be_visible()
        expect(page.get_by_role("alert")).to_contain_text("Savoir")
        shot("dashboard offline")
        # Trying again while still offline: the same page, asked once more (no endless retries).
        requests: list[str] = []
        page.on("requestfailed", lambda request: requests.append(request.url))
        page.get_by_role("button", name=RETRY[language]).click()
        expect(offline).to_be_visible()
        page.wait_for_timeout(1_000)
        assert 0 < len(requests) < 20, requests
        # Back online: the page loads by itself.
        context.set_offline(False)
        expect(
            heading(page, "Tableau de bord" if language == "fr" else "Dashboard")
        ).to_be_visible()
        expect(offline).to_have_count(0)

        # A page whose code is there but whose data is not: a domain, from the catalog.
        page.goto(f"{live_server.url}/catalog/SY0-701")
        expect(heading(page, "CompTIA Security+")).to_be_visible()
        context.set_offline(True)
        page.get_by_role("link", name=re.compile(r"^2\.0 ")).first.click()
        expect(offline).to_be_visible()
        shot("domain offline")
        # Not the generic error: that one is for bugs, not for a lost connection.
        expect(
            page.get_by_text(
                "Une erreur s\u2019est produite" if language == "fr" else "Something went wrong"
            )
        ).to_have_count(0)
        context.set_offline(False)
        expect(heading(page, re.compile(r"^(Menaces|Threats)"))).to_be_visible()
        expect(offline).to_have_count(0)
    finally:
        context.close()
    assert errors == [], f"errors in the page: {errors}"
