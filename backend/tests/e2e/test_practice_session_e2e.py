"""A practice session in a real browser: a reload right after answering, a language switch in
the middle, an answer sent while offline, the sticky "Next question" on a phone, an empty
sub-objective and the summary's questions."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from savoir.accounts.services import user_create
from savoir.practice.models import PracticeSession, UserAnswer
from savoir.questions.models import Question, Status

from .conftest import (
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
RECORD_ANSWERS = """
(() => {
  const send = window.fetch.bind(window);
  window.__answersSent = [];
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.url.endsWith("/api/practice/answers")) {
      window.__answersSent.push(await request.clone().text());
    }
    return send(request);
  };
})();
"""
SUB = "1.4.1"  # three questions in each language
PRACTICE = f"/practice/SY0-701/{SUB}"


def _sign_in(page: Page, url: str, email: str, language: str) -> None:
    user_create(
        email=email, password=PASSWORD, first_name="Ada", last_name="Byron", language=language
    )
    set_language(page.context, language, url)
    page.goto(f"{url}/login?next={PRACTICE}")
    log_in(page, email, PASSWORD, language=language)
    expect(page.get_by_role("heading", level=1, name=re.compile(r"^1\.4\.1 "))).to_be_visible()


def _answer(page: Page, *, correct: bool, submit: str = "Submit my answer") -> str:
    stem = stem_on_screen(page)
    choice = right_choice(stem) if correct else wrong_choice(stem)
    page.get_by_role("radio", name=choice, exact=True).check()
    page.get_by_role("button", name=submit).click()
    return stem


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_reload_after_answering_shows_the_same_feedback(content, page: Page, live_server, shot):
    _sign_in(page, live_server.url, "reload@example.com", "en")
    expect(page.get_by_text("Question 1 of 3", exact=True)).to_be_visible()
    stem = _answer(page, correct=False)
    expect(heading(page, "Incorrect", level=2)).to_be_visible()
    explanation = page.locator(".choice__explanation").first.inner_text()

    page.reload()
    expect(heading(page, "Incorrect", level=2)).to_be_visible()
    assert stem_on_screen(page) == stem
    expect(page.get_by_text("Question 1 of 3", exact=True)).to_be_visible()
    expect(page.locator(".choice__explanation").first).to_have_text(explanation)
    expect(page.get_by_role("button", name="Submit my answer")).to_have_count(0)
    shot("feedback after reload")
    assert UserAnswer.objects.count() == 1

    page.get_by_role("button", name="Next question").click()
    expect(page.get_by_text("Question 2 of 3", exact=True)).to_be_visible()
    assert stem_on_screen(page) != stem


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_switching_language_mid_session_keeps_the_question(content, page: Page, live_server, shot):
    _sign_in(page, live_server.url, "bilingue@example.com", "fr")
    expect(page.get_by_text("Question 1 sur 3", exact=True)).to_be_visible()
    french = question_with_stem(stem_on_screen(page))
    _answer(page, correct=True, submit="Valider ma réponse")
    expect(heading(page, "Bonne réponse\u00a0!", level=2)).to_be_visible()
    page.get_by_role("button", name="Question suivante").click()
    expect(page.get_by_text("Question 2 sur 3", exact=True)).to_be_visible()
    second_fr = question_with_stem(stem_on_screen(page))
    assert second_fr.group_id != french.group_id

    # Before answering: the same question in English, the counter where it was.
    page.get_by_role("button", name="English", exact=True).click()
    expect(page.get_by_text("Question 2 of 3", exact=True)).to_be_visible()
    second_en = question_with_stem(stem_on_screen(page))
    assert (second_en.group_id, second_en.language) == (second_fr.group_id, "en")
    _answer(page, correct=False)
    expect(heading(page, "Incorrect", level=2)).to_be_visible()

    # After answering: back in French, the same question and its feedback, in French.
    page.get_by_role("button", name="Français", exact=True).click()
    expect(heading(page, "Mauvaise réponse", level=2)).to_be_visible()
    expect(page.get_by_text("Question 2 sur 3", exact=True)).to_be_visible()
    assert question_with_stem(stem_on_screen(page)).pk == second_fr.pk
    shown = page.locator('[class*="feedback__explanation"]').inner_text()
    assert shown.replace("\u00a0", " ") == second_fr.explanation.replace("\u00a0", " ")
    answers = page.get_by_role("list", name="Chaque réponse expliquée").get_by_role("listitem")
    expect(answers).to_have_count(4)
    shot("feedback switched to french")

    page.get_by_role("button", name="Question suivante").click()
    expect(page.get_by_text("Question 3 sur 3", exact=True)).to_be_visible()
    assert PracticeSession.objects.count() == 1
    assert UserAnswer.objects.count() == 2


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_an_answer_sent_offline_is_kept_and_sent_once_back_online(
    content, page: Page, live_server, shot
):
    # Records the body of every answer the page tries to send (Chromium does not expose the body
    # of a fetch that never left the browser).
    page.add_init_script(RECORD_ANSWERS)
    _sign_in(page, live_server.url, "offline@example.com", "en")
    expect(page.get_by_text("Question 1 of 3", exact=True)).to_be_visible()
    stem = stem_on_screen(page)
    page.get_by_role("radio", name=right_choice(stem), exact=True).check()

    page.context.set_offline(True)
    page.get_by_role("button", name="Submit my answer").click()
    expect(page.get_by_text("You are offline", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Submit my answer")).to_be_disabled()
    expect(page.get_by_role("radio", name=right_choice(stem), exact=True)).to_be_checked()
    shot("offline")
    assert UserAnswer.objects.count() == 0

    # "Retry" while still offline: the answer stays kept.
    page.get_by_role("button", name="Retry").click()
    expect(page.get_by_text("You are offline", exact=True)).to_be_visible()

    page.context.set_offline(False)
    expect(heading(page, "Correct!", level=2)).to_be_visible()
    expect(page.get_by_text("You are offline", exact=True)).to_have_count(0)
    shot("sent when back online")
    assert UserAnswer.objects.count() == 1
    # Every attempt carried the same clientAnswerId.
    answer = UserAnswer.objects.get()
    sent = [json.loads(body) for body in page.evaluate("window.__answersSent")]
    assert len(sent) == 3  # offline, Retry while offline, back online
    assert {body["clientAnswerId"] for body in sent} == {str(answer.client_answer_id)}
    assert all(body == sent[0] for body in sent)


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_next_question_stays_in_reach_on_a_phone(content, page: Page, live_server, shot):
    _sign_in(page, live_server.url, "phone@example.com", "en")
    _answer(page, correct=False)
    expect(heading(page, "Incorrect", level=2)).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    next_button = page.get_by_role("button", name="Next question")
    nav_top = page.locator("nav.nav").bounding_box()
    for _ in range(4):
        box = next_button.bounding_box()
        assert box is not None and nav_top is not None
        # Inside the screen, above the bottom navigation, wherever the page is scrolled.
        assert box["y"] >= 0 and box["y"] + box["height"] <= nav_top["y"] + 1, (box, nav_top)
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(100)
    shot("next in reach")
    # At the very end the bar sits in its own place: what comes before it is not under it.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(100)
    before_bottom, bar_top = page.evaluate(
        """() => {
            const bar = document.querySelector('.feedback__actions--sticky');
            const before = bar.previousElementSibling.getBoundingClientRect();
            return [before.bottom, bar.getBoundingClientRect().top];
        }"""
    )
    assert before_bottom <= bar_top + 1, (before_bottom, bar_top)
    # Reachable from the keyboard, and Enter goes on.
    next_button.focus()
    expect(next_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Question 2 of 3", exact=True)).to_be_visible()


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_an_empty_sub_objective_says_so_and_offers_what_exists(
    content, page: Page, live_server, shot
):
    Question.objects.filter(sub_objective__code=SUB).update(status=Status.RETIRED)
    _sign_in(page, live_server.url, "empty@example.com", "en")
    expect(heading(page, "No questions on this sub-objective yet", level=2)).to_be_visible()
    expect(page.get_by_text(re.compile(r"Question \d+ of"))).to_have_count(0)
    expect(page.get_by_text(re.compile("You have answered every question"))).to_have_count(0)
    # The test server has no AI model configured: nothing offers to generate.
    expect(page.get_by_role("link", name="Generate questions with AI")).to_have_count(0)
    expect(page.get_by_role("link", name="Open the study screen")).to_have_attribute(
        "href", "/catalog/SY0-701/1.4/1.4.1"
    )
    shot("empty sub-objective")
    page.get_by_role("link", name="Practise the whole objective 1.4").click()
    expect(page.get_by_role("heading", level=1, name=re.compile(r"^1\.4 "))).to_be_visible()
    expect(page.get_by_text("Question 1 of 10", exact=True)).to_be_visible()


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_summary_lists_every_question_in_french(content, page: Page, live_server, shot):
    _sign_in(page, live_server.url, "bilan@example.com", "fr")
    stems = []
    for number in (1, 2, 3):
        expect(page.get_by_text(f"Question {number} sur 3", exact=True)).to_be_visible()
        stems.append(_answer(page, correct=number != 2, submit="Valider ma réponse"))
        expect(page.get_by_role("heading", level=2, name=re.compile("réponse"))).to_be_visible()
        page.get_by_role(
            "button", name="Question suivante" if number < 3 else "Voir mon bilan"
        ).click()
    expect(heading(page, "Bilan de la séance")).to_be_visible()
    section = page.get_by_role("region", name="Les questions de la séance")
    items = section.locator(":scope > ol > li")
    expect(items).to_have_count(3)
    wrong = items.filter(has_text=stems[1].split("\u00a0")[0][:40])
    expect(wrong.get_by_text("Mauvaise réponse", exact=True)).to_be_visible()
    expect(wrong.locator("dt")).to_have_text(["Votre réponse", "La bonne réponse"])
    spaced = [text.replace("\u00a0", " ") for text in wrong.locator("dd").all_inner_texts()]
    assert spaced == [wrong_choice(stems[1]), right_choice(stems[1])]
    wrong.get_by_text("Chaque réponse expliquée").click()
    expect(wrong.locator("details li")).to_have_count(4)
    shot("summary questions fr")
