"""AI question generation, end to end: a learner on a phone in French generates five questions
on a sub-objective (the model is the fake Responses API server on 127.0.0.1, so the real SDK path
runs), answers one at once; then an administrator approves one from the review queue."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from playwright.sync_api import Browser, Page, expect

from savoir.accounts.services import user_create
from savoir.core.ratelimit import limits_cache
from savoir.generation.models import GenerationRun
from savoir.generation.services import _quota_key as quota_key
from savoir.generation.tests.fake_openai import FakeResponsesServer
from savoir.practice.models import UserAnswer
from savoir.questions.models import Question

from .conftest import APOS, Shots, log_in, new_context, right_choice, set_language, stem_on_screen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Generate-Then-Review-9!"
SUB = "1.1.2"
STUDY = f"/catalog/SY0-701/1.1/{SUB}"

# Five distinct French scenario stems, far from each other and from the starter bank.
STEMS = [
    "Une PME veut empêcher qu'un stagiaire valide seul ses propres notes de frais. Quel principe appliquer ?",
    "Après un incendie, une mairie doit reprendre son service d'état civil en quatre heures. Quel indicateur fixe ce délai ?",
    "Un hôpital impose une revue trimestrielle des droits d'accès au dossier patient. Quel type de contrôle est-ce ?",
    "Une banque affiche une bannière légale avant chaque connexion au poste de travail. Quel est le rôle principal de cette bannière ?",
    "Un éditeur de logiciels exige deux signatures avant toute mise en production. Quelle mesure de gouvernance est illustrée ?",
]


def french_item(n: int) -> dict[str, Any]:
    """One generated question as the model returns it: the key and three distractors."""
    return {
        "stem": STEMS[n],
        "explanation": "Cette réponse traite directement la situation décrite. C'est la mesure attendue ici.",
        "correct": {
            "text": f"Réponse attendue {n}",
            "explanation": "Elle répond exactement au besoin exprimé.",
            "misconception": None,
        },
        "distractors": [
            {
                "text": f"Piste secondaire {n}",
                "explanation": "Elle traite un autre besoin.",
                "misconception": "Toute mesure convient.",
            },
            {
                "text": f"Contrôle tardif {n}",
                "explanation": "Elle détecte seulement, trop tard.",
                "misconception": "Détecter, c'est prévenir.",
            },
            {
                "text": f"Simple masquage {n}",
                "explanation": "Elle masque sans protéger.",
                "misconception": "Masquer, c'est protéger.",
            },
        ],
    }


@pytest.fixture
def fake_model() -> Iterator[FakeResponsesServer]:
    server = FakeResponsesServer().start()
    server.questions = [french_item(n) for n in range(5)]
    # The live server runs in this process: the override reaches it.
    with override_settings(
        OPENAI_API_KEY="sk-test",
        OPENAI_BASE_URL=server.base_url,
        GENERATION_RETRY_BACKOFF_SECONDS=0.01,
    ):
        yield server
    server.stop()
    assert server.problems == []


@pytest.mark.parametrize("viewport", ["phone", "desktop"], indirect=True)
def test_generate_answer_then_approve_in_french(
    content,
    fake_model: FakeResponsesServer,
    browser: Browser,
    page: Page,
    live_server,
    shot,
    viewport: str,
) -> None:
    learner = "lea@example.com"
    user_create(email=learner, password=PASSWORD, first_name="Léa", last_name="Martin")
    # Few enough bank questions at this difficulty that the model is called.
    assert Question.objects.filter(sub_objective__code=SUB, language="fr", difficulty=5).count() < 5

    # The learner opens the study screen, then the generate screen.
    page.goto(f"{live_server.url}/login?next={STUDY}")
    log_in(page, learner, PASSWORD, language="fr")
    expect(page).to_have_url(re.compile(re.escape(STUDY) + "$"))
    page.get_by_role("link", name="Générer des questions", exact=True).click()
    expect(
        page.get_by_role("heading", level=1, name=re.compile(rf"^{re.escape(SUB)} "))
    ).to_be_visible()
    expect(
        page.get_by_text(f"Ce ne sont pas de vraies questions d{APOS}examen", exact=False)
    ).to_be_visible()
    expect(page.get_by_role("checkbox", name="Forcer une nouvelle génération")).to_have_count(0)
    expect(page.get_by_role("spinbutton", name="Nombre de questions")).to_have_value("5")
    page.get_by_role("radio", name=re.compile("Très difficile$")).check()
    shot("generate form fr")

    page.get_by_role("button", name="Générer les questions").click()
    expect(page.get_by_text("5 sur 5 prêtes")).to_be_visible()
    expect(page.get_by_text("Toutes les questions sont prêtes.")).to_be_visible()
    listed = page.get_by_role("list", name="Vos questions").get_by_role("listitem")
    expect(listed).to_have_count(5)
    expect(page.get_by_text("IA · non relue", exact=True)).to_have_count(5)
    for stem in STEMS:
        expect(listed.filter(has_text=stem)).to_have_count(1)
    assert len(fake_model.requests) == 1
    generated = Question.objects.filter(stem__in=STEMS)
    assert generated.count() == 5
    assert set(generated.values_list("status", flat=True)) == {"pending_review"}
    shot("questions listed fr")

    # Answer the first one right away: the answer comes only after submitting.
    page.get_by_role("button", name="Répondre à la question 1").click()
    expect(page.get_by_text("Question 1 sur 5")).to_be_visible()
    right = right_choice(stem_on_screen(page))
    expect(page.get_by_text("Bonne réponse", exact=True)).to_have_count(0)
    page.get_by_role("radio", name=right, exact=True).check()
    shot("answering fr")
    page.get_by_role("button", name="Valider ma réponse").click()
    expect(page.get_by_role("heading", level=2, name="Bonne réponse\u00a0!")).to_be_visible()
    shot("feedback fr")
    page.get_by_role("button", name="Retour à la liste").last.click()
    expect(page.get_by_text("Répondue\u00a0: juste")).to_be_visible()

    # Then the four others, from the list, as they came.
    for number in range(2, 6):
        page.get_by_role("button", name=f"Répondre à la question {number}").click()
        expect(page.get_by_text(f"Question {number} sur 5")).to_be_visible()
        right = right_choice(stem_on_screen(page))
        page.get_by_role("radio", name=right, exact=True).check()
        page.get_by_role("button", name="Valider ma réponse").click()
        expect(page.get_by_role("heading", level=2, name="Bonne réponse\u00a0!")).to_be_visible()
        page.get_by_role("button", name="Retour à la liste").last.click()
    expect(page.get_by_text("Répondue\u00a0: juste")).to_have_count(5)
    assert UserAnswer.objects.filter(question__stem__in=STEMS).count() == 5

    # An administrator approves one from the review queue.
    admin = "admin@example.com"
    user_create(email=admin, password=PASSWORD, first_name="Ada", last_name="Admin", role="admin")
    context = new_context(browser, viewport, locale="fr-FR")
    try:
        review = context.new_page()
        review_shot = Shots(review, f"generate_answer_then_approve_in_french-{viewport}-admin")
        review.goto(f"{live_server.url}/login?next=/moderation")
        log_in(review, admin, PASSWORD, language="fr")
        expect(review.get_by_role("heading", level=1, name="File de modération")).to_be_visible()
        expect(review.get_by_role("tab", name="Questions IA à relire")).to_have_attribute(
            "aria-selected", "true"
        )
        target = STEMS[2]
        card = review.locator(".moderation-card").filter(has_text=target)
        expect(card).to_have_count(1)
        expect(card.get_by_text("Bonne réponse")).to_be_visible()
        review_shot("review queue fr")
        card.get_by_role("button", name="Approuver").click()
        expect(review.get_by_text("Question approuvée.")).to_be_visible()
        expect(review.locator(".moderation-card").filter(has_text=target)).to_have_count(0)
        review_shot("approved fr")
    finally:
        context.close()
    assert Question.objects.get(stem=target).status == "approved"


EN_STEMS = [
    "A startup wants no single developer to push code to production alone. Which principle applies?",
    "After a flood, a clinic must restore its booking service within two hours. Which metric sets that limit?",
    "An auditor asks for a yearly review of firewall rules against the policy. What kind of control is that?",
    "A retailer shows a legal notice before every login to its tills. What is the notice mainly for?",
    "A bank requires two officers to open the vault together. Which governance measure does this show?",
]


def english_item(n: int) -> dict[str, Any]:
    item = french_item(n)
    item.update(
        stem=EN_STEMS[n],
        explanation="This answer addresses the situation directly. It is the expected measure here.",
        correct={
            "text": f"Right call {n}",
            "explanation": "It meets the stated need exactly.",
            "misconception": None,
        },
        distractors=[
            {
                "text": f"Side track {n}",
                "explanation": "It meets another need.",
                "misconception": "Any control will do.",
            },
            {
                "text": f"Late check {n}",
                "explanation": "It only detects, too late.",
                "misconception": "Detection prevents.",
            },
            {
                "text": f"Mere masking {n}",
                "explanation": "It hides without protecting.",
                "misconception": "Hiding is protecting.",
            },
        ],
    )
    return item


def log_in_en(page: Page, email: str, base_url: str) -> None:
    """Logs in from the login page, switched to English by the language cookie and a reload."""
    set_language(page.context, "en", base_url)
    page.reload()
    log_in(page, email, PASSWORD)


@pytest.mark.parametrize("viewport", ["desktop", "phone"], indirect=True)
def test_teacher_forces_a_generation_then_rejects_in_english(
    content, fake_model: FakeResponsesServer, page: Page, live_server, shot
) -> None:
    fake_model.questions = [english_item(n) for n in range(5)]
    teacher = "tom@example.com"
    user_create(
        email=teacher,
        password=PASSWORD,
        first_name="Tom",
        last_name="Teacher",
        language="en",
        role="teacher",
    )
    page.goto(f"{live_server.url}/login?next=/generate/SY0-701/{SUB}")
    log_in_en(page, teacher, live_server.url)
    expect(
        page.get_by_role("heading", level=1, name=re.compile(rf"^{re.escape(SUB)} "))
    ).to_be_visible()
    page.get_by_role("checkbox", name="Force a new generation").check()
    page.get_by_role("radio", name=re.compile("Easy$")).first.check()
    shot("generate form en")
    page.get_by_role("button", name="Generate the questions").click()
    expect(page.get_by_text("5 of 5 ready")).to_be_visible()
    expect(page.get_by_text("AI · not yet reviewed", exact=True)).to_have_count(5)
    shot("questions listed en")

    # "Practise these": one per screen.
    page.get_by_role("button", name="Practise these").click()
    expect(page.get_by_text("Question 1 of 5")).to_be_visible()
    shot("practise these en")

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Moderation"
    ).click()
    expect(page.get_by_role("heading", level=1, name="Moderation queue")).to_be_visible()
    target = EN_STEMS[1]
    card = page.locator(".moderation-card").filter(has_text=target)
    card.get_by_role("button", name="Reject").click()
    card.get_by_role("button", name="Reject the question").click()
    expect(card.get_by_text("Write a note explaining the rejection.")).to_be_visible()
    shot("reject needs a note en")
    card.get_by_label("Why is it rejected?").fill(
        "The metric named in the key is not the one asked."
    )
    card.get_by_role("button", name="Reject the question").click()
    expect(page.get_by_text("Question rejected.")).to_be_visible()
    expect(page.locator(".moderation-card").filter(has_text=target)).to_have_count(0)
    shot("rejected en")
    assert Question.objects.get(stem=target).status == "rejected"


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_generation_not_enabled_in_english(content, page: Page, live_server, shot) -> None:
    learner = "sam@example.com"
    user_create(email=learner, password=PASSWORD, first_name="Sam", last_name="Doe", language="en")
    with override_settings(OPENAI_API_KEY="", OPENAI_BASE_URL=""):
        page.goto(f"{live_server.url}/login?next=/generate/SY0-701/{SUB}")
        log_in_en(page, learner, live_server.url)
        page.get_by_role("radio", name=re.compile("Very hard$")).check()
        page.get_by_role("spinbutton", name="Number of questions").fill("20")
        page.get_by_role("button", name="Generate the questions").click()
        alert = page.get_by_role("alert")
        expect(alert.get_by_text("Question generation is not enabled")).to_be_visible()
        expect(alert.get_by_text("OPENAI_API_KEY", exact=False)).to_be_visible()
        shot("not enabled en")
        alert.get_by_role("link", name="Practise this sub-objective").click()
        # 1.1.2 has three questions in English: a session of three.
        expect(page.get_by_text("Question 1 of 3", exact=True)).to_be_visible()


@pytest.mark.parametrize("viewport", ["phone", "desktop"], indirect=True)
def test_a_slow_generation_shows_its_progress_and_is_cancelled_in_french(
    content, fake_model: FakeResponsesServer, page: Page, live_server, shot, viewport: str
) -> None:
    """The model writes slowly (about 3 s a question): the learner sees what is happening and
    the time passing, cancels after the first question, keeps it, and gets the rest of the
    quota back; the worker stops and nothing more is stored."""
    fake_model.tokens_per_second = 60
    learner = "lea@example.com"
    user = user_create(email=learner, password=PASSWORD, first_name="Léa", last_name="Martin")
    # A real background worker (a thread of the live server), so the request answers at once.
    with override_settings(TASKS_RUN_INLINE=False):
        page.goto(f"{live_server.url}/login?next=/generate/SY0-701/{SUB}")
        log_in(page, learner, PASSWORD, language="fr")
        page.get_by_role("radio", name=re.compile("Très difficile$")).check()
        page.get_by_role("button", name="Générer les questions").click()

        expect(page.get_by_text("L\u2019IA rédige la question 1 sur 5…")).to_be_visible()
        timer = page.get_by_role("timer")
        expect(timer).to_have_text(re.compile(r"^Temps écoulé\u00a0: 0:0\d$"))
        first_reading = seconds_shown(timer.inner_text())
        expect(timer).not_to_have_text(timer.inner_text())  # it ticks
        assert seconds_shown(timer.inner_text()) > first_reading
        shot("writing fr")

        expect(page.get_by_text("1 sur 5 prêtes")).to_be_visible()
        expect(page.get_by_text(STEMS[0])).to_be_visible()
        expect(page.get_by_text("L\u2019IA rédige la question 2 sur 5…")).to_be_visible()
        shot("first question fr")
        page.get_by_role("button", name="Annuler la génération").click()

        message = "Vous avez annulé la génération. 1 question déjà rédigée est conservée."
        expect(page.get_by_text(message)).to_have_count(1)
        expect(page.get_by_role("button", name="Annuler la génération")).to_have_count(0)
        expect(page.get_by_role("timer")).to_have_count(0)
        expect(page.get_by_role("alert")).to_have_count(0)
        expect(page.get_by_text(STEMS[0])).to_be_visible()
        shot("cancelled fr")

        run = GenerationRun.objects.get(user=user)
        assert (run.status, run.accepted, run.error_code) == ("cancelled", 1, "cancelled")
        # One question used; the four others are given back.
        assert int(limits_cache().get(quota_key(user.pk)) or 0) == 1
        # The worker stops: a while later the model has not finished a second question.
        page.wait_for_timeout(3500)
        assert len(fake_model.emitted_at) == 1
        assert list(
            Question.objects.filter(generation_run_id=run.pk).values_list("stem", flat=True)
        ) == [STEMS[0]]

        # The question kept can be answered; a reload shows the same outcome.
        page.reload()
        expect(page.get_by_text(message)).to_have_count(1)
        page.get_by_role("button", name="Répondre à la question 1").click()
        right = right_choice(stem_on_screen(page))
        page.get_by_role("radio", name=right, exact=True).check()
        page.get_by_role("button", name="Valider ma réponse").click()
        expect(page.get_by_role("heading", level=2, name="Bonne réponse\u00a0!")).to_be_visible()


def seconds_shown(text: str) -> int:
    """The seconds in "Temps écoulé : 1:05"."""
    minutes, seconds = text.rsplit(" ", 1)[1].split(":")
    return int(minutes) * 60 + int(seconds)
