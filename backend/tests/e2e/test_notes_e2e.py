"""Study notes end to end, in a real Chromium at phone and desktop sizes: read a note on the
study screen (before the actions, its table scrolling inside its box), follow a glossary link to
the entry, and find a word from a note in the catalog search, then land on its section."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import heading, set_language

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_read_a_note_follow_a_glossary_link_and_find_a_note_in_search(
    content, page: Page, context: BrowserContext, live_server, shot, viewport: str
) -> None:
    set_language(context, "fr", live_server.url)
    page.goto(f"{live_server.url}/catalog/SY0-701/1.4/1.4.1")
    expect(heading(page, "Infrastructure à clés publiques (PKI)")).to_be_visible()
    note = page.get_by_role("region", name="Fiche de cours")
    expect(note.get_by_role("heading", level=2, name="De quoi s'agit-il")).to_be_visible()
    expect(note.get_by_role("heading", level=2, name="Pièges")).to_be_attached()
    # French typography from the loader: no-break spaces, never a line starting with ":".
    assert "\u00a0:" in note.inner_text()
    # The study actions, then the note: Practise stays a few Tab presses from the top.
    actions = page.get_by_role("region", name="Travailler ce sous-objectif")
    note_box, actions_box = note.bounding_box(), actions.bounding_box()
    assert note_box and actions_box and actions_box["y"] < note_box["y"]
    # A table scrolls inside its own box; the page itself never scrolls sideways.
    table_box = note.locator(".note-table").first
    expect(table_box).to_be_visible()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths
    if viewport == "phone":
        assert table_box.evaluate("box => box.scrollWidth > box.clientWidth")
    shot("note fr")

    # A glossary link opens the glossary on its entry.
    note.get_by_role("link", name="PKI", exact=True).first.click()
    expect(heading(page, "Glossaire")).to_be_visible()
    assert urlsplit(page.url).path == "/glossary" and urlsplit(page.url).fragment == "PKI"
    entry = page.locator("[aria-current='true']").first
    expect(entry).to_contain_text("PKI")
    expect(entry).to_be_in_viewport()
    shot("glossary entry")

    # A word that only a note has (the French note on 4.5.8), accents left out.
    page.goto(f"{live_server.url}/catalog/SY0-701")
    page.get_by_role("searchbox", name="Rechercher dans le catalogue").fill("ecremage")
    hits = page.get_by_role("list", name="Dans les fiches de cours")
    hit = hits.get_by_role("link").first
    expect(hit).to_contain_text("Section\u00a0: Pourquoi c'est important")
    expect(hit).to_contain_text("écrémage")
    shot("note search hit")
    hit.click()
    assert urlsplit(page.url).path == "/catalog/SY0-701/4.5/4.5.8"
    assert urlsplit(page.url).fragment == "note-pourquoi-c-est-important"
    section = page.get_by_role("heading", level=2, name="Pourquoi c'est important")
    expect(section).to_be_focused()
    expect(section).to_be_in_viewport()

    # The same screen in English.
    set_language(context, "en", live_server.url)
    page.goto(f"{live_server.url}/catalog/SY0-701/1.4/1.4.1")
    english = page.get_by_role("region", name="Study note")
    expect(english.get_by_role("heading", level=2, name="What it is")).to_be_visible()
    shot("note en")
