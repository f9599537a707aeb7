"""An automated accessibility audit: axe-core's WCAG 2.0/2.1 A and AA rules, run in the real
Chromium on every kind of page (signed out and signed in, before and after answering, a dashboard
with real figures), in French and in English, on a phone and on a desktop. Any violation fails the
test with the rule, its impact, the elements and their markup; each audited page is also saved
as a screenshot in /tmp/savoir-e2e (accessibility-<lang>-<viewport>-NN-<page>.png)."""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, expect

from savoir.accounts.models import User
from savoir.accounts.services import user_create
from savoir.catalog.models import Exam, SubObjective
from savoir.practice.services import AnswerInput, answer_submit
from savoir.progress.services import exam_goal_set
from savoir.questions.models import PRACTICE_STATUSES, Question, Source, Status
from savoir.questions.services import ChoiceData, question_create, report_create, report_resolve

from .conftest import APOS, Shots, heading, log_in, new_context, set_language

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE_JS = Path(settings.BASE_DIR).parent / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "Every-Page-For-Everyone-4!"
STUDY_PATH = "/catalog/SY0-701/2.4/2.4.1"
OBJECTIVE_PATH = "/catalog/SY0-701/2.4"
LEVELS = ["not_started", "attempted", "familiar", "proficient", "mastered"]


@dataclass(frozen=True)
class Ui:
    """The strings the audit waits for, in one language."""

    locale: str
    home: str
    welcome: str
    login: str
    register: str
    forgot: str
    domains: str
    glossary: str
    glossary_count: str
    study: str
    topics: str
    sub_objectives: str
    not_found: str
    question_of: str
    submit: str
    report: str
    feedback: str
    explained: str
    next_question: str
    finish: str
    summary: str
    practice: str
    recent: str
    dashboard: str
    readiness: str
    show_table: str
    plan: str
    search: str
    search_results: str


UI = {
    "fr": Ui(
        locale="fr-FR",
        home="Réussissez votre certification en toute confiance",
        welcome="Bienvenue, Ada\u00a0!",
        login="Connexion",
        register="Créez votre compte",
        forgot="Mot de passe oublié\u00a0?",
        domains=f"Domaines de l{APOS}examen",
        glossary="Glossaire",
        glossary_count="334 sigles",
        study="Attaques par logiciel malveillant",
        topics="Notions à connaître",
        sub_objectives="Sous-objectifs",
        not_found="Page introuvable",
        question_of="Question {number} sur 10",
        submit="Valider ma réponse",
        report="Signaler cette question",
        # An accessible-name pattern: Playwright folds the no-break space into a plain one.
        feedback=r"^(Bonne réponse !|Mauvaise réponse)$",
        explained="Chaque réponse expliquée",
        next_question="Question suivante",
        finish="Terminer",
        summary="Bilan de la séance",
        practice="Entraînement",
        recent="Travaillés récemment",
        dashboard="Tableau de bord",
        readiness=f"Préparation à l{APOS}examen",
        show_table="Afficher en tableau",
        plan="Plan quotidien",
        search="Rechercher dans le catalogue",
        search_results=r"^\d+ résultats?$",
    ),
    "en": Ui(
        locale="en-US",
        home="Pass your certification with confidence",
        welcome="Welcome, Ada!",
        login="Log in",
        register="Create your account",
        forgot="Forgot your password?",
        domains="Exam domains",
        glossary="Glossary",
        glossary_count="334 acronyms",
        study="Malware attacks",
        topics="Topics to know",
        sub_objectives="Sub-objectives",
        not_found="Page not found",
        question_of="Question {number} of 10",
        submit="Submit my answer",
        report="Report this question",
        feedback=r"^(Correct!|Incorrect)$",
        explained="Every answer explained",
        next_question="Next question",
        finish="Finish",
        summary="Session results",
        practice="Practice",
        recent="Recently practised",
        dashboard="Dashboard",
        readiness="Exam readiness",
        show_table="Show as table",
        plan="Daily plan",
        search="Search the catalog",
        search_results=r"^\d+ results?$",
    ),
}


@pytest.fixture(params=list(UI), ids=list(UI))
def language(request: pytest.FixtureRequest) -> str:
    code: str = request.param
    return code


@pytest.fixture
def audit_page(browser: Browser, viewport: str, language: str, live_server) -> Iterator[Page]:
    # axe is injected as an inline <script>, which the app's CSP (script-src 'self') rightly
    # refuses: this audit context alone bypasses the CSP. Reduced motion: the audit must not
    # measure colours half-way through a fade-in.
    context = new_context(
        browser, viewport, locale=UI[language].locale, bypass_csp=True, reduced_motion="reduce"
    )
    set_language(context, language, live_server.url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == [], f"errors in the page: {errors}"


class Audit:
    """Runs axe on the page as it is and keeps every violation, labelled with the page's name."""

    def __init__(self, page: Page, prefix: str) -> None:
        self.page = page
        self.shot = Shots(page, prefix)
        self.violations: list[str] = []
        self.pages: list[str] = []

    def __call__(self, name: str) -> None:
        page = self.page
        # The page's own content, not a loading skeleton, and no pointer hovering anything.
        expect(page.locator(".skeleton, .skeleton-block")).to_have_count(0)
        page.mouse.move(0, 0)
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(path=str(AXE_JS))
        found: list[dict[str, Any]] = page.evaluate(
            """async (tags) => {
                const results = await window.axe.run(document, {
                    runOnly: { type: "tag", values: tags },
                    resultTypes: ["violations"],
                });
                return results.violations.map((violation) => ({
                    id: violation.id,
                    impact: violation.impact,
                    help: violation.help,
                    nodes: violation.nodes.map((node) => ({
                        target: node.target.join(" "),
                        html: node.html,
                        summary: node.failureSummary,
                    })),
                }));
            }""",
            WCAG_TAGS,
        )
        self.pages.append(name)
        self.shot(name)
        for violation in found:
            lines = [f"[{name}] {violation['id']} ({violation['impact']}): {violation['help']}"]
            for node in violation["nodes"]:
                summary = " ".join(node["summary"].split())
                lines.append(f"    {node['target']}\n      {node['html'][:200]}\n      {summary}")
            self.violations.append("\n".join(lines))


NON_TEXT_CONTRAST_JS = """(cells) => {
    // rgb()/rgba() -> [r, g, b, alpha]; a translucent colour is blended over what is behind it.
    const parse = (color) => {
        const [r, g, b, a = 1] = color.match(/[\\d.]+/g).map(Number);
        return [r, g, b, color.includes("%") ? a / 100 : a];
    };
    const over = (color, behind) => {
        const [r, g, b, a] = parse(color);
        const [br, bg, bb] = parse(behind);
        return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
    };
    // WCAG relative luminance and contrast ratio.
    const luminance = (rgb) => {
        const [r, g, b] = rgb.map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
    };
    const backdrop = (element) => {
        for (let node = element.parentElement; node; node = node.parentElement) {
            const color = getComputedStyle(node).backgroundColor;
            if (parse(color)[3] === 1) return color;
        }
        return "rgb(255, 255, 255)";
    };
    return cells.map((cell) => {
        const style = getComputedStyle(cell);
        const behind = backdrop(cell);
        const base = parse(behind).slice(0, 3);
        const fill = over(style.backgroundColor, behind);
        return {
            cell: cell.className,
            fill: ratio(fill, base),
            edge: ratio(over(style.borderTopColor, `rgb(${fill.join(", ")})`), base),
        };
    });
}"""


def answer_many(user: User, language: str, code: str, *, right: int, wrong: int) -> None:
    """Answers through the practice service (as the API would), cycling over the questions of one
    sub-objective: enough history for every mastery level to appear on screen."""
    questions = list(
        Question.objects.filter(
            sub_objective__code=code, language=language, status__in=PRACTICE_STATUSES
        )
        .prefetch_related("choices")
        .order_by("pk")
    )
    assert len(questions) >= 1, code
    for index in range(right + wrong):
        question = questions[index % len(questions)]
        choice = next(c for c in question.choices.all() if c.is_correct == (index >= wrong))
        answer_submit(
            user=user,
            data=AnswerInput(
                question_id=question.pk,
                choice_id=choice.pk,
                time_spent_ms=20_000,
                confidence=None,
                client_answer_id=uuid.uuid4(),
            ),
        )


def test_every_page_meets_wcag_2_1_aa(
    content, audit_page: Page, live_server, viewport: str, language: str
) -> None:
    page = audit_page
    ui = UI[language]
    url = live_server.url
    audit = Audit(page, f"accessibility-{language}-{viewport}")

    # Signed out.
    page.goto(f"{url}/")
    expect(heading(page, ui.home)).to_be_visible()
    # One light theme (tokens.css sets color-scheme: light). A dark theme would need its own audit
    # (a context with color_scheme="dark"): this fails the day one appears without it.
    dark_rules = page.evaluate(
        """() => [...document.styleSheets]
            .flatMap((sheet) => [...sheet.cssRules])
            .filter((rule) => rule instanceof CSSMediaRule)
            .filter((rule) => rule.conditionText.includes("prefers-color-scheme")).length"""
    )
    assert dark_rules == 0, "a prefers-color-scheme theme appeared: audit it with color_scheme"
    audit("home signed out")

    page.goto(f"{url}/register")
    expect(heading(page, ui.register)).to_be_visible()
    audit("register")

    page.goto(f"{url}/forgot-password")
    expect(heading(page, ui.forgot)).to_be_visible()
    audit("forgot password")

    page.goto(f"{url}/catalog")
    expect(heading(page, "CompTIA Security+")).to_be_visible()
    expect(page.get_by_role("list", name=ui.domains).get_by_role("listitem")).to_have_count(5)
    audit("catalog signed out")

    page.goto(f"{url}{STUDY_PATH}")
    expect(heading(page, ui.study)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=ui.topics)).to_be_visible()
    audit("study signed out")

    page.goto(f"{url}/glossary")
    expect(heading(page, ui.glossary)).to_be_visible()
    expect(page.get_by_text(ui.glossary_count)).to_be_visible()
    audit("glossary")

    page.goto(f"{url}/no-such-page")
    expect(heading(page, ui.not_found)).to_be_visible()
    audit("not found")

    # Signed in, with history given through the answer service so that every mastery level is on
    # screen: the sub-objectives of 2.4 in the catalog, objectives 1.1, 3.1, 4.9 on the heatmap.
    user = user_create(
        email="ada@example.com",
        password=PASSWORD,
        first_name="Ada",
        last_name="Lovelace",
        language=language,
    )
    for codes, right, wrong in [
        (("1.1.1", "1.1.2", "2.4.1"), 9, 0),  # mastered
        (("3.1.1", "3.1.2", "2.4.3"), 5, 2),  # proficient
        (("4.9.1", "4.9.2", "2.4.6"), 3, 1),  # familiar
        (("2.4.7",), 0, 1),  # attempted
    ]:
        for code in codes:
            answer_many(user, language, code, right=right, wrong=wrong)
    today = datetime.date.today()
    exam_goal_set(
        user=user,
        exam=Exam.objects.get(code="SY0-701"),
        exam_date=today + datetime.timedelta(days=45),
        today=today,
    )
    page.goto(f"{url}/login")
    expect(heading(page, ui.login)).to_be_visible()
    audit("login")
    log_in(page, user.email, PASSWORD, language=language)
    expect(heading(page, ui.welcome)).to_be_visible()
    audit("home signed in")

    page.goto(f"{url}{OBJECTIVE_PATH}")
    sub_objectives = page.get_by_role("list", name=ui.sub_objectives)
    for level in LEVELS:
        expect(sub_objectives.locator(f".mastery--{level}").first).to_be_visible()
    audit("objective with mastery")

    page.goto(f"{url}{STUDY_PATH}")
    expect(heading(page, ui.study)).to_be_visible()
    expect(page.locator(".level-header .mastery")).to_be_visible()
    audit("study signed in")

    page.get_by_role("searchbox", name=ui.search).fill("phishing")
    expect(
        page.get_by_role("status").filter(has_text=re.compile(ui.search_results))
    ).to_be_visible()
    audit("catalog search")

    page.goto(f"{url}/profile")
    expect(heading(page, "Ada Lovelace")).to_be_visible()
    audit("profile")

    page.goto(f"{url}/no-such-page")
    expect(heading(page, ui.not_found)).to_be_visible()
    audit("not found signed in")

    # Practice: the question, the feedback, a few more answers, the summary.
    page.goto(f"{url}/practice/SY0-701/5.0")
    for number in range(1, 6):
        expect(page.get_by_text(ui.question_of.format(number=number))).to_be_visible()
        expect(page.locator(".question__stem")).to_be_visible()
        if number == 1:
            audit("practice question")
            page.get_by_role("button", name=ui.report).click()
            dialog = page.get_by_role("dialog", name=ui.report)
            expect(dialog.get_by_role("radio").first).to_be_focused()
            audit("report dialog")
            page.keyboard.press("Escape")
            expect(dialog).to_have_count(0)
        page.get_by_role("radiogroup").get_by_role("radio").nth(number % 4).check()
        page.get_by_role("button", name=ui.submit).click()
        expect(page.get_by_role("heading", level=2, name=re.compile(ui.feedback))).to_be_visible()
        expect(page.get_by_role("list", name=ui.explained).get_by_role("listitem")).to_have_count(4)
        if number == 1:
            audit("practice feedback")
        if number < 5:
            page.get_by_role("button", name=ui.next_question).click()
    page.get_by_role("button", name=ui.finish).click()
    expect(heading(page, ui.summary)).to_be_visible()
    audit("practice summary")

    page.goto(f"{url}/practice")
    expect(heading(page, ui.practice)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=ui.recent)).to_be_visible()
    audit("practice home")

    # The dashboard with those figures: gauge, heatmap, calendar, progress; then the table views.
    page.goto(f"{url}/dashboard")
    expect(heading(page, ui.dashboard)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=ui.readiness)).to_be_visible()
    expect(page.locator(".gauge")).to_be_visible()
    for level in LEVELS:
        expect(page.locator(f".heat-cell.heat--{level}").first).to_be_visible()
    expect(page.locator(".calendar .calendar__day--4")).to_have_count(1)
    expect(page.get_by_role("table", name=ui.plan)).to_be_visible()
    audit("dashboard")
    # axe checks text, not graphics: every activity level (the legend shows them all) must stand
    # out from the card at 3:1, by its fill or by its edge (WCAG 1.4.11).
    levels = page.locator(".calendar-legend .calendar__day:not(.calendar__day--0)")
    expect(levels).to_have_count(4)
    contrast = levels.evaluate_all(NON_TEXT_CONTRAST_JS)
    assert [c for c in contrast if max(c["fill"], c["edge"]) < 3] == [], contrast
    # The heatmap's and the calendar's table views (each toggle changes its name once pressed).
    show_table = page.get_by_role("button", name=ui.show_table)
    expect(show_table).to_have_count(2)
    show_table.first.click()
    show_table.first.click()
    expect(show_table).to_have_count(0)
    page.locator(".readiness__details summary").click()
    expect(page.locator("#heatmap-view table")).to_be_visible()
    expect(page.locator("#activity-view table")).to_be_visible()
    expect(page.locator(".readiness__details table")).to_be_visible()
    audit("dashboard tables")

    report = "\n".join(audit.violations)
    assert audit.violations == [], (
        f"{len(audit.violations)} accessibility violation(s) on {len(audit.pages)} pages:\n{report}"
    )


@dataclass(frozen=True)
class ModerationUi:
    """The moderation queue's strings, in one language."""

    title: str
    pending: str
    reported: str
    preview: str
    preview_title: str
    edit: str
    save: str
    reject: str
    reject_note: str
    reject_submit: str
    note_required: str
    cancel: str
    back: str
    again: str
    submit: str
    ai_badge: str
    feedback: str


MODERATION_UI = {
    "fr": ModerationUi(
        title="File de modération",
        pending="Questions IA à relire",
        reported="Signalées",
        preview="Voir comme un apprenant",
        preview_title="Aperçu apprenant",
        edit="Modifier",
        save="Enregistrer",
        reject="Rejeter",
        reject_note="Pourquoi la rejeter\u00a0?",
        reject_submit="Rejeter la question",
        note_required="Écrivez une note qui explique le rejet.",
        cancel="Annuler",
        back="Retour à la modération",
        again="Répondre à nouveau",
        submit="Valider ma réponse",
        ai_badge="IA · non relue",
        # An accessible-name pattern: Playwright folds the no-break space into a plain one.
        feedback=r"^(Bonne réponse !|Mauvaise réponse)$",
    ),
    "en": ModerationUi(
        title="Moderation queue",
        pending="Pending AI questions",
        reported="Reported",
        preview="Preview as a learner",
        preview_title="Learner preview",
        edit="Edit",
        save="Save",
        reject="Reject",
        reject_note="Why is it rejected?",
        reject_submit="Reject the question",
        note_required="Write a note explaining the rejection.",
        cancel="Cancel",
        back="Back to moderation",
        again="Answer again",
        submit="Submit my answer",
        ai_badge="AI · not yet reviewed",
        feedback=r"^(Correct!|Incorrect)$",
    ),
}


# One AI question pending review per language: the queue shows every language by default, so a
# reviewer reading the interface in one language also sees questions written in the other.
@dataclass(frozen=True)
class PendingQuestion:
    stem: str
    explanation: str
    choices: list[tuple[str, bool, str]]  # text, correct, why


PENDING_QUESTIONS = {
    "fr": PendingQuestion(
        stem=(
            "Une PME veut empêcher qu'un stagiaire valide seul ses propres notes de frais\u00a0: "
            "quel principe appliquer\u00a0?"
        ),
        explanation="La séparation des tâches répartit une opération sensible entre deux personnes.",
        choices=[
            (
                "Séparation des tâches",
                True,
                "Deux personnes interviennent\u00a0: personne ne valide seul.",
            ),
            (
                "Moindre privilège",
                False,
                "Il limite les droits, pas le partage d'une opération.",
            ),
            ("Défense en profondeur", False, "Elle empile des protections techniques."),
            ("Rotation des postes", False, "Elle détecte les abus après coup."),
        ],
    ),
    "en": PendingQuestion(
        stem=(
            "A startup wants no single developer to push code to production alone. "
            "Which principle applies?"
        ),
        explanation="Separation of duties splits a sensitive operation between two people.",
        choices=[
            ("Separation of duties", True, "Two people take part: nobody acts alone."),
            ("Least privilege", False, "It limits rights, not who shares an operation."),
            ("Defense in depth", False, "It stacks technical protections."),
            ("Job rotation", False, "It detects abuse after the fact."),
        ],
    ),
}


def review_queue_content(reviewer: User, language: str) -> None:
    """Pending AI questions in both languages, and a starter question in the reviewer's language
    reported twice (one report still open, one already resolved)."""
    sub_objective = SubObjective.objects.get(exam__code="SY0-701", code="2.4.1")
    for question_language, data in PENDING_QUESTIONS.items():
        question_create(
            sub_objective=sub_objective,
            language=question_language,
            stem=data.stem,
            explanation=data.explanation,
            difficulty=3,
            choices=[ChoiceData(text, correct, why) for text, correct, why in data.choices],
            source=Source.GENERATED,
            status=Status.PENDING_REVIEW,
        )
    learner = user_create(
        email="lin@example.com",
        password=PASSWORD,
        first_name="Lin",
        last_name="Learner",
        language=language,
    )
    reported = (
        Question.objects.filter(
            sub_objective=sub_objective, language=language, status=Status.APPROVED
        )
        .order_by("pk")
        .first()
    )
    assert reported is not None
    report_create(
        user=learner,
        question_id=reported.pk,
        reason="ambiguous",
        comment="Two answers could be right here.",
    )
    resolved = report_create(user=learner, question_id=reported.pk, reason="wrong_key", comment="")
    report_resolve(report=resolved, editor=reviewer)


def test_review_queue_meets_wcag_2_1_aa(
    content, audit_page: Page, live_server, viewport: str, language: str
) -> None:
    """The review queue as a reviewer uses it: both tabs, the edit and reject forms, and the
    learner preview before and after answering (a teacher in French, an administrator in English)."""
    page = audit_page
    review = MODERATION_UI[language]
    audit = Audit(page, f"accessibility-review-{language}-{viewport}")
    reviewer = user_create(
        email="rita@example.com",
        password=PASSWORD,
        first_name="Rita",
        last_name="Reviewer",
        language=language,
        role="teacher" if language == "fr" else "admin",
    )
    review_queue_content(reviewer, language)

    page.goto(f"{live_server.url}/login?next=/moderation")
    log_in(page, reviewer.email, PASSWORD, language=language)
    expect(heading(page, review.title)).to_be_visible()
    expect(page.get_by_role("tab", name=review.pending)).to_have_attribute("aria-selected", "true")
    cards = page.locator(".moderation-card")
    expect(cards).to_have_count(2)
    audit("review pending")
    # axe does not see it: a question in the other language says so (WCAG 3.1.2, language of parts).
    other = "en" if language == "fr" else "fr"
    other_card = cards.filter(has_text=PENDING_QUESTIONS[other].choices[0][0])
    expect(other_card.locator(".review-card__stem")).to_have_attribute("lang", other)
    expect(other_card.locator(".review-card__explanation p")).to_have_attribute("lang", other)

    # The card of the question in the reviewer's language.
    card = cards.filter(has_text=PENDING_QUESTIONS[language].choices[0][0])
    expect(card).to_have_count(1)
    card.get_by_role("button", name=review.edit).click()
    expect(card.get_by_role("button", name=review.save)).to_be_visible()
    expect(card.locator("textarea").first).to_have_attribute("lang", language)
    audit("review edit form")
    card.get_by_role("button", name=review.cancel).click()

    card.get_by_role("button", name=review.reject, exact=True).click()
    expect(card.get_by_label(review.reject_note)).to_be_visible()
    audit("review reject form")
    card.get_by_role("button", name=review.reject_submit).click()
    expect(card.get_by_text(review.note_required)).to_be_visible()
    audit("review reject form with error")
    card.get_by_role("button", name=review.cancel).click()

    card.get_by_role("button", name=review.preview).click()
    preview = card.get_by_role("region", name=review.preview_title)
    expect(preview.get_by_text(review.ai_badge)).to_be_visible()
    audit("review learner preview")
    preview.get_by_role("radiogroup").first.get_by_role("radio").first.check()
    preview.get_by_role("button", name=review.submit).click()
    expect(preview.get_by_role("heading", name=re.compile(review.feedback))).to_be_focused()
    expect(preview.get_by_role("button", name=review.again)).to_be_visible()
    audit("review learner preview feedback")
    preview.get_by_role("button", name=review.back).first.click()
    expect(card.get_by_role("button", name=review.preview)).to_be_focused()

    page.get_by_role("tab", name=review.reported).click()
    expect(page.get_by_role("tab", name=review.reported)).to_have_attribute("aria-selected", "true")
    expect(cards).to_have_count(1)
    expect(cards.locator(".moderation-report")).to_have_count(2)
    audit("review reported")

    report = "\n".join(audit.violations)
    assert audit.violations == [], (
        f"{len(audit.violations)} accessibility violation(s) on {len(audit.pages)} pages:\n{report}"
    )
