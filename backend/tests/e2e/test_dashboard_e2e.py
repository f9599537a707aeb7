"""The learner dashboard, end to end: a phone in French after a first session (figures, then a
recommendation leading back into practice), and a desktop in English (exam date, daily plan)."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from savoir.accounts.services import user_create

from .conftest import APOS, heading, log_in, set_language

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Dashboard-Keeps-Score-9!"


def stat(page: Page, label: str) -> Locator:
    """One figure of the dashboard: the list item that starts with its label."""
    figures = page.get_by_role("list", name="Vos chiffres").or_(
        page.get_by_role("list", name="Your figures")
    )
    return figures.get_by_role("listitem").filter(has=page.get_by_text(label, exact=True))


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_dashboard_after_a_first_session_on_a_phone_in_french(
    content, page: Page, live_server, shot
) -> None:
    email = "irene@example.com"
    user_create(
        email=email, password=PASSWORD, first_name="Irène", last_name="Joliot", language="fr"
    )
    page.goto(f"{live_server.url}/login?next=/dashboard")
    log_in(page, email, PASSWORD, language="fr")

    # A new learner: an empty state that leads to a first session.
    expect(heading(page, "Tableau de bord")).to_be_visible()
    expect(
        heading(page, "Votre tableau de bord se remplit à mesure que vous vous entraînez", 2)
    ).to_be_visible()
    expect(page.get_by_role("link", name="Parcourir le catalogue")).to_be_visible()
    shot("empty fr")

    # Ten answers on domain 1.0, through the practice screen, then the summary.
    page.goto(f"{live_server.url}/practice/SY0-701/1.0")
    expect(page.get_by_role("heading", level=1, name=re.compile(r"^1\.0 "))).to_be_visible()
    for number in range(1, 11):
        expect(page.get_by_text(f"Question {number} sur 10")).to_be_visible()
        page.get_by_role("radiogroup").get_by_role("radio").first.check()
        page.get_by_role("button", name="Valider ma réponse").click()
        expect(
            page.get_by_role("heading", level=2, name=re.compile(r"^(Bonne|Mauvaise) réponse"))
        ).to_be_visible()
        if number < 10:
            page.get_by_role("button", name="Question suivante").click()
    page.get_by_role("button", name="Voir mon bilan").click()
    expect(heading(page, "Bilan de la séance")).to_be_visible()

    # The dashboard, from the navigation.
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Tableau de bord"
    ).click()
    expect(heading(page, "Tableau de bord")).to_be_visible()
    expect(stat(page, "Questions répondues").locator(".stat__value")).to_have_text("10")
    expect(stat(page, "Série").locator(".stat__value")).to_have_text("1 jour")
    expect(heading(page, f"Préparation à l{APOS}examen", 2)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Score estimé\u00a0: \d+$"))).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(r"^Score estimé \d+ sur une échelle de 100 à 900"))
    ).to_be_visible()
    shot("dashboard fr")

    # The heatmap's table view, then the drill-down from a heatmap cell to sub-objectives.
    heatmap = page.get_by_role("region", name="Carte de maîtrise")
    heatmap.get_by_role("button", name="Afficher en tableau").click()
    expect(heatmap.get_by_role("table")).to_be_visible()
    expect(heatmap.get_by_role("row").filter(has_text="1.1")).to_have_count(1)
    heatmap.get_by_role("button", name="Afficher en graphique").click()
    heatmap.get_by_role("button", name=re.compile(r"^1\.1 \d+ [^:]+\s: ")).click()
    domains = page.get_by_role("region", name="Progression par domaine")
    expect(domains.get_by_role("heading", level=3, name=re.compile(r"^1\.1 "))).to_be_focused()
    expect(
        domains.get_by_role("link", name=re.compile(f"^S{APOS}entraîner sur 1\\.1\\.1 "))
    ).to_be_visible()
    shot("drill down fr")

    # A recommendation starts the right session.
    recommendations = page.get_by_role("region", name="À travailler maintenant")
    link = recommendations.get_by_role("link", name=re.compile(f"^S{APOS}entraîner")).first
    expect(link).to_be_visible()
    shot("recommendations fr")
    link.click()
    expect(page).to_have_url(re.compile(r"/practice/SY0-701/\d+\.\d+\.\d+"))
    expect(page.locator(".question__stem")).to_be_visible()
    expect(page.get_by_role("radiogroup").get_by_role("radio").first).to_be_visible()
    shot("practice from recommendation fr")

    # The same dashboard in English.
    page.goto(f"{live_server.url}/dashboard")
    page.get_by_role("button", name="English").click()
    expect(heading(page, "Dashboard")).to_be_visible()
    expect(stat(page, "Questions answered").locator(".stat__value")).to_have_text("10")
    shot("dashboard en")


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_exam_date_and_plan_on_a_desktop_in_english(content, page: Page, live_server, shot) -> None:
    email = "grace@example.com"
    user_create(
        email=email, password=PASSWORD, first_name="Grace", last_name="Hopper", language="en"
    )
    set_language(page.context, "en", live_server.url)
    page.goto(f"{live_server.url}/login?next=/dashboard")
    log_in(page, email, PASSWORD)
    expect(heading(page, "Dashboard")).to_be_visible()
    expect(heading(page, "Exam date and daily plan", 2)).to_be_visible()
    expect(page.get_by_text("No exam date yet.")).to_be_visible()

    # A past date: the API's validation error under the field.
    field = page.get_by_label("Exam date", exact=True)
    field.fill("2020-01-01")
    page.get_by_role("button", name="Save the date").click()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Choose a date in the future.")).to_be_visible()
    shot("exam date error en")

    exam_day = datetime.date.today() + datetime.timedelta(days=30)
    field.fill(exam_day.isoformat())
    page.get_by_role("button", name="Save the date").click()
    expect(page.get_by_text("Exam date saved: your plan is ready.")).to_be_visible()
    plan = page.get_by_role("table", name="Daily plan")
    expect(plan).to_be_visible()
    expect(plan.get_by_role("columnheader", name="New questions")).to_be_visible()
    # The first 14 days, then all of them on demand.
    expect(plan.locator("tbody tr")).to_have_count(14)
    page.get_by_role("button", name=re.compile(r"^Show all \d+ days$")).click()
    assert plan.locator("tbody tr").count() > 14
    expect(page.get_by_text(re.compile(r"^Exam on "))).to_be_visible()
    shot("plan en")

    # A short session, then the figures, the drill-down and the heatmap in English, and in French.
    page.goto(f"{live_server.url}/practice/SY0-701/2.0")
    for number in range(1, 5):
        expect(page.get_by_text(f"Question {number} of 10")).to_be_visible()
        page.get_by_role("radiogroup").get_by_role("radio").first.check()
        page.get_by_role("button", name="Submit my answer").click()
        expect(
            page.get_by_role("heading", level=2, name=re.compile(r"^(Correct!|Incorrect)$"))
        ).to_be_visible()
        if number < 4:
            page.get_by_role("button", name="Next question").click()
    page.get_by_role("button", name="Finish").click()
    expect(heading(page, "Session results")).to_be_visible()
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Dashboard"
    ).click()
    expect(stat(page, "Questions answered").locator(".stat__value")).to_have_text("4")
    expect(page.get_by_role("table", name="Daily plan")).to_be_visible()
    page.get_by_role("region", name="Progress per domain").get_by_role(
        "button", name=re.compile(r"^2\.0 ")
    ).click()
    expect(page.get_by_role("heading", level=3, name=re.compile(r"^2\.0 "))).to_be_focused()
    page.mouse.move(0, 0)
    shot("dashboard en")
    page.get_by_role("button", name="Français").click()
    expect(heading(page, "Tableau de bord")).to_be_visible()
    expect(stat(page, "Questions répondues").locator(".stat__value")).to_have_text("4")
    shot("dashboard fr")
