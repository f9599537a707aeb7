"""Practice, end to end: the starter question bank, answered in a real browser, on a phone in
French (touch) and on a desktop in English (keyboard only)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from savoir.accounts.services import user_create
from savoir.practice.models import Flag
from savoir.questions.models import Question, QuestionReport

from .conftest import (
    APOS,
    heading,
    log_in,
    question_with_stem,
    right_choice,
    set_language,
    stem_on_screen,
    wrong_choice,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Practice-Makes-Perfect-7!"


def expect_every_choice_explained(page: Page, title: str) -> None:
    answers = page.get_by_role("list", name=title)
    items = answers.get_by_role("listitem")
    expect(items).to_have_count(4)
    for index in range(4):
        explanation = items.nth(index).locator(".choice__explanation")
        expect(explanation).to_be_visible()
        assert len(explanation.inner_text().strip()) > 20


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_practise_on_a_phone_in_french(content, page: Page, live_server, shot) -> None:
    email = "marie@example.com"
    user_create(
        email=email, password=PASSWORD, first_name="Marie", last_name="Curie", language="fr"
    )
    assert Question.objects.filter(sub_objective__code="1.1.2", language="fr").count() >= 2
    study = "/catalog/SY0-701/1.1/1.1.2"

    # A visitor: practice needs an account; the login link comes back to the study screen.
    page.goto(f"{live_server.url}{study}")
    expect(page.get_by_role("button", name=f"S{APOS}entraîner", exact=True)).to_be_disabled()
    page.get_by_role("link", name=f"Se connecter pour s{APOS}entraîner").click()
    expect(heading(page, "Connexion")).to_be_visible()
    log_in(page, email, PASSWORD, language="fr")
    expect(page).to_have_url(re.compile(re.escape(study) + "$"))
    shot("study logged in fr")
    badge = page.locator(".level-header").get_by_text("Non commencé", exact=True)
    expect(badge).to_be_visible()
    page.get_by_role("link", name=f"S{APOS}entraîner", exact=True).click()

    expect(page.get_by_role("heading", level=1, name=re.compile(r"^1\.1\.2 "))).to_be_visible()
    # 1.1.2 has three questions in French: the session has three, not the target of ten.
    expect(page.get_by_text("Question 1 sur 3", exact=True)).to_be_visible()
    shot("question fr")

    # 1: a wrong answer, with a confidence; every choice explained; then "review later".
    stem = stem_on_screen(page)
    page.get_by_role("radio", name=wrong_choice(stem), exact=True).check()
    page.get_by_role("radio", name="Sûr(e)", exact=True).check()
    page.get_by_role("button", name="Valider ma réponse").click()
    expect(heading(page, "Mauvaise réponse", level=2)).to_be_focused()
    expect_every_choice_explained(page, "Chaque réponse expliquée")
    expect(page.get_by_text(re.compile(r"^Non commencé → "))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Prochaine révision de cette question "))).to_be_visible()
    flag = page.get_by_role("button", name="À revoir plus tard")
    flag.click()
    expect(flag).to_have_attribute("aria-pressed", "true")
    shot("feedback wrong fr")
    assert Flag.objects.filter(user__email=email).count() == 1
    page.get_by_role("button", name="Question suivante").click()

    # 2: reload before answering: the same question comes back. Report it, then answer it.
    expect(page.get_by_text("Question 2 sur 3", exact=True)).to_be_visible()
    stem = stem_on_screen(page)
    shown = page.locator(".question__stem").inner_text().strip()
    page.reload()
    expect(page.locator(".question__stem")).to_have_text(shown)
    page.get_by_role("button", name="Signaler cette question").click()
    dialog = page.get_by_role("dialog", name="Signaler cette question")
    expect(dialog).to_be_visible()
    dialog.get_by_role("radio", name="La question est ambiguë").check()
    dialog.get_by_label("Commentaire").fill("Deux réponses semblent possibles.")
    shot("report dialog fr")
    dialog.get_by_role("button", name="Envoyer le signalement").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_text("Merci\u00a0: votre signalement a été envoyé.")).to_be_visible()
    expect(page.get_by_role("button", name="Signalée")).to_be_visible()
    assert (
        QuestionReport.objects.filter(question=question_with_stem(stem), reason="ambiguous").count()
        == 1
    )
    page.get_by_role("radio", name=right_choice(stem), exact=True).check()
    page.get_by_role("button", name="Valider ma réponse").click()
    expect(heading(page, "Bonne réponse\u00a0!", level=2)).to_be_visible()
    expect_every_choice_explained(page, "Chaque réponse expliquée")
    page.get_by_role("button", name="Question suivante").click()

    # 3: the last question of 1.1.2 in French; its answer ends the session.
    expect(page.get_by_text("Question 3 sur 3", exact=True)).to_be_visible()
    stem = stem_on_screen(page)
    page.get_by_role("radio", name=right_choice(stem), exact=True).check()
    page.get_by_role("button", name="Valider ma réponse").click()
    expect(heading(page, "Bonne réponse\u00a0!", level=2)).to_be_visible()
    expect(page.get_by_role("button", name="Question suivante")).to_have_count(0)
    page.get_by_role("button", name="Voir mon bilan").click()

    # The sub-objective is done: its summary, then carry on with the whole objective 1.1.
    expect(heading(page, "Bilan de la séance")).to_be_visible()
    expect(page.get_by_text("2 / 3", exact=True)).to_be_visible()
    shot("sub-objective summary fr")
    page.get_by_role("link", name=f"S{APOS}entraîner sur tout l{APOS}objectif 1.1").click()
    expect(page.get_by_role("heading", level=1, name=re.compile(r"^1\.1 "))).to_be_visible()
    for number in (1, 2):
        # 1.1.1 and 1.1.2 have three questions each in French.
        expect(page.get_by_text(f"Question {number} sur 6", exact=True)).to_be_visible()
        stem = stem_on_screen(page)
        page.get_by_role("radio", name=wrong_choice(stem), exact=True).check()
        page.get_by_role("button", name="Valider ma réponse").click()
        expect(heading(page, "Mauvaise réponse", level=2)).to_be_visible()
        expect_every_choice_explained(page, "Chaque réponse expliquée")
        if number == 1:
            page.get_by_role("button", name="Question suivante").click()

    # Finish: the summary.
    page.get_by_role("button", name="Terminer").click()
    expect(heading(page, "Bilan de la séance")).to_be_visible()
    expect(page.get_by_text("0 / 2", exact=True)).to_be_visible()
    mastery = page.get_by_role("region", name="Maîtrise")
    expect(mastery.get_by_role("listitem").first).to_be_visible()
    shot("summary fr")

    # Back in the catalog, 1.1.2 is no longer "not started".
    page.get_by_role("link", name="Retour au catalogue").click()
    expect(page).to_have_url(re.compile(r"/catalog/SY0-701/1\.1$"))
    item = (
        page.get_by_role("list", name="Sous-objectifs")
        .get_by_role("listitem")
        .filter(has_text="1.1.2")
    )
    expect(item.locator(".mastery")).to_be_visible()
    expect(item.locator(".mastery")).not_to_have_text("Non commencé")
    expect(
        item.get_by_text(re.compile(r"Maîtrise\u00a0: (Abordé|Familier|Compétent|Maîtrisé)"))
    ).to_have_count(1)
    shot("catalog mastery fr")


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_practise_with_the_keyboard_in_english(content, page: Page, live_server, shot) -> None:
    email = "alan@example.com"
    user_create(
        email=email, password=PASSWORD, first_name="Alan", last_name="Turing", language="en"
    )
    assert Question.objects.filter(sub_objective__code="1.4.1", language="en").count() == 3
    set_language(page.context, "en", live_server.url)
    page.goto(f"{live_server.url}/login?next=/catalog/SY0-701/1.4/1.4.1")
    log_in(page, email, PASSWORD)
    practise = page.get_by_role("link", name="Practise", exact=True)
    expect(practise).to_be_visible()
    expect(page.locator(".level-header").get_by_text("Not started", exact=True)).to_be_visible()
    practise.click()
    expect(page.get_by_role("heading", level=1, name=re.compile(r"^1\.4\.1 "))).to_be_visible()
    expect(page.get_by_text("Keyboard: press 1 to 4 to choose, Enter to submit.")).to_be_visible()

    # The report dialog, from the keyboard: Enter opens it, Escape closes it, focus comes back.
    report = page.get_by_role("button", name="Report this question")
    report.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Report this question")
    expect(dialog.get_by_role("radio", name="The marked answer is wrong")).to_be_focused()
    shot("report dialog en")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(report).to_be_focused()

    # Keyboard only from here: digits choose, Enter submits and goes on.
    for number in (1, 2, 3):
        # 1.4.1 has three questions in English: a session of three.
        expect(page.get_by_text(f"Question {number} of 3", exact=True)).to_be_visible()
        stem = stem_on_screen(page)
        expect(page.get_by_role("radiogroup").get_by_role("radio")).to_have_count(4)
        labels = [
            page.locator(".choice").nth(i).locator(".choice__text").inner_text() for i in range(4)
        ]
        target = wrong_choice(stem) if number == 1 else right_choice(stem)
        key = str(labels.index(target) + 1)
        page.keyboard.press(key)
        expect(page.get_by_role("radio", name=target, exact=True)).to_be_checked()
        expect(page.get_by_role("radio", name=target, exact=True)).to_be_focused()
        if number == 1:
            shot("question en")
        page.keyboard.press("Enter")
        result = "Incorrect" if number == 1 else "Correct!"
        expect(heading(page, result, level=2)).to_be_focused()
        expect_every_choice_explained(page, "Every answer explained")
        if number == 1:
            shot("feedback wrong en")
        if number < 3:
            page.keyboard.press("Enter")
            expect(page.locator(".question__stem")).to_be_focused()

    # The third answer ends the session: Enter leads to the results.
    expect(page.get_by_role("button", name="See my results")).to_be_visible()
    expect(page.get_by_role("button", name="Next question")).to_have_count(0)
    page.keyboard.press("Enter")
    expect(heading(page, "Session results")).to_be_visible()
    expect(page.get_by_text("2 / 3", exact=True)).to_be_visible()
    expect(page.get_by_text("67%", exact=True)).to_be_visible()
    mastery = page.get_by_role("region", name="Mastery")
    expect(mastery.get_by_text("Not started → ", exact=False)).to_have_count(1)
    shot("summary en")

    # Back on the study screen: the outline shows the new mastery of 1.4.1.
    page.get_by_role("link", name="Back to the study screen").click()
    expect(page.get_by_role("link", name="Practise", exact=True)).to_be_visible()
    expect(page.locator(".level-header .mastery")).not_to_have_text("Not started")
    outline = page.get_by_role("navigation", name="Exam outline")
    expect(
        outline.locator(".tree__leaf").filter(has_text=re.compile(r"1\.4\.1\s")).locator(".mastery")
    ).to_be_visible()
    shot("catalog mastery en")
