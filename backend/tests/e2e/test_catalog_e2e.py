"""The bilingual SY0-701 catalog, end to end, in a real browser at phone and desktop sizes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import APOS, heading

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STUDY_PATH = "/catalog/SY0-701/2.4/2.4.1"


def path_of(page: Page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_browse_study_switch_language_deep_link_and_search(
    content, page: Page, context: BrowserContext, live_server, shot, viewport: str
) -> None:
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    # Catalog, from the main navigation (bottom bar on a phone, side bar on a desktop).
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav.get_by_role("link", name="Glossaire", exact=True)).to_be_visible()
    nav.get_by_role("link", name="Catalogue", exact=True).click()
    expect(heading(page, "CompTIA Security+")).to_be_visible()
    assert path_of(page) == "/catalog/SY0-701"
    domains = page.get_by_role("list", name=f"Domaines de l{APOS}examen")
    expect(domains.get_by_role("listitem")).to_have_count(5)
    expect(domains.get_by_text(f"22\u00a0% de l{APOS}examen")).to_be_visible()
    outline = page.get_by_role("navigation", name=f"Plan de l{APOS}examen")
    if viewport == "desktop":
        expect(outline).to_be_visible()
    else:
        expect(outline).to_have_count(0)
    shot("catalog fr")

    # Domain 2.0, then objective 2.4 (a "given a scenario" objective).
    domains.get_by_role("link", name="2.0 Menaces, vulnérabilités et mesures d'atténuation").click()
    expect(heading(page, "Menaces, vulnérabilités et mesures d'atténuation")).to_be_visible()
    assert path_of(page) == "/catalog/SY0-701/2.0"
    shot("domain 2.0 fr")
    page.get_by_role("list", name="Objectifs").get_by_role(
        "link", name=re.compile(r"^2\.4 ")
    ).click()
    expect(
        heading(page, "À partir d'un scénario, analyser les indicateurs d'activité malveillante.")
    ).to_be_visible()
    assert path_of(page) == "/catalog/SY0-701/2.4"
    expect(page.get_by_text("Un objectif en mise en situation")).to_be_visible()
    crumbs = page.get_by_role("navigation", name=f"Fil d{APOS}Ariane")
    expect(crumbs.get_by_role("link")).to_have_count(3)
    expect(crumbs.get_by_role("link").last).to_have_attribute("aria-current", "page")
    shot("objective 2.4 fr")

    # A sub-objective: from the list on a phone, from the outline on a desktop.
    if viewport == "desktop":
        outline.get_by_role("link", name="2.4.1 Attaques par logiciel malveillant").click()
    else:
        page.get_by_role("list", name="Sous-objectifs").get_by_role(
            "link", name="2.4.1 Attaques par logiciel malveillant"
        ).click()
    expect(heading(page, "Attaques par logiciel malveillant")).to_be_visible()
    assert path_of(page) == STUDY_PATH
    expect(page.get_by_role("heading", level=2, name="Notions à connaître")).to_be_visible()
    for action in (f"S{APOS}entraîner", "Générer des questions", "Réviser"):
        expect(page.get_by_role("button", name=action, exact=True)).to_be_disabled()
    # The official English wording, one tap away.
    page.locator(".level-header").get_by_text("Intitulé officiel en anglais").click()
    expect(page.locator(".level-header").get_by_text("Malware attacks", exact=True)).to_be_visible()
    expect(crumbs.get_by_role("link")).to_have_count(4)
    shot("study 2.4.1 fr")

    # Switch to English: the same sub-objective, now in English.
    page.get_by_role("button", name="English").click()
    expect(heading(page, "Malware attacks")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert path_of(page) == STUDY_PATH
    expect(page.get_by_role("button", name="Practise", exact=True)).to_be_disabled()
    expect(page.get_by_text("Official English wording")).to_have_count(0)
    shot("study 2.4.1 en")

    # The deep link, in a fresh page.
    fresh = context.new_page()
    fresh.goto(f"{live_server.url}{STUDY_PATH}")
    expect(heading(fresh, "Malware attacks")).to_be_visible()
    expect(
        fresh.get_by_role("navigation", name="Breadcrumb").get_by_role(
            "link", name=re.compile(r"^2\.4 ")
        )
    ).to_have_attribute("href", "/catalog/SY0-701/2.4")
    fresh.close()

    # Search "phishing" and follow the topic hit to its sub-objective.
    search = page.get_by_role("searchbox", name="Search the catalog")
    search.fill("phishing")
    expect(
        page.get_by_role("status").filter(has_text=re.compile(r"^\d+ results?$"))
    ).to_be_visible()
    topics = page.get_by_role("list", name="Topics")
    hit = topics.get_by_role("link", name=re.compile(r"^2\.2\.12\.1 Phishing"))
    expect(hit).to_be_visible()
    shot("search phishing en")
    hit.click()
    expect(heading(page, "Human vectors/social engineering")).to_be_visible()
    assert path_of(page) == "/catalog/SY0-701/2.2/2.2.12?topic=2.2.12.1"
    expect(page.get_by_text("Found by your search: Phishing")).to_be_visible()
    expect(search).to_have_value("")
    shot("search result en")


def test_glossary_and_unknown_codes(content, page: Page, live_server, shot) -> None:
    page.goto(f"{live_server.url}/glossary")
    expect(heading(page, "Glossaire")).to_be_visible()
    expect(page.get_by_text("334 sigles")).to_be_visible()
    page.get_by_role("searchbox", name="Rechercher un sigle").fill("AES")
    expect(page.get_by_text("Advanced Encryption Standard", exact=True)).to_be_visible()
    page.get_by_role("searchbox", name="Rechercher un sigle").fill("zzzz")
    expect(page.get_by_text("Aucun sigle trouvé")).to_be_visible()
    shot("glossary fr")

    page.goto(f"{live_server.url}/catalog/SY0-701/9.9")
    expect(heading(page, "Introuvable dans le catalogue")).to_be_visible()
    expect(page.get_by_text("Objectif 9.9 inconnu.")).to_be_visible()
    shot("unknown objective fr")
