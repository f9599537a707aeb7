"""Study notes' Markdown on its own: what a note may contain, how it renders, what is refused.
No database: note_format is pure."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from savoir.catalog.note_format import (
    REQUIRED_HEADINGS,
    note_files,
    note_names,
    note_source_hash,
    parse_note,
    sanitize,
)

GLOSSARY = {"PKI", "CA", "SE Linux", "PCI DSS"}


def _note(locale: str, body: str) -> str:
    headings = REQUIRED_HEADINGS[locale]
    return (
        f"## {headings[0]}\n\n{body}\n\n## {headings[1]}\n\nWhy.\n\n"
        f"## {headings[2]}\n\nExam.\n\n## {headings[3]}\n\nTraps.\n"
    )


def _parse(body: str, locale: str = "en", label: str = "en/1.4.1.md"):
    return parse_note(
        locale=locale, code="1.4.1", source=_note(locale, body), glossary=GLOSSARY, label=label
    )


class _Unsafe(HTMLParser):
    """Collects what could run in a browser: script-like tags, on* handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "iframe", "object", "embed", "img", "svg", "form"}:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(name)
            if (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{name}={value}")


def unsafe_parts(html: str) -> list[str]:
    parser = _Unsafe()
    parser.feed(html)
    return parser.found


def test_hostile_markdown_renders_to_inert_html():
    note = _parse(
        '<script>alert(1)</script> <img src=x onerror="alert(1)"> '
        "[click](javascript:alert(1)) <a href=\"javascript:alert(1)\" onclick='x'>a</a> "
        "[data](data:text/html;base64,PHNjcmlwdD4=)"
    )
    assert note.errors == []  # markdown-it leaves refused links as text: nothing to link
    assert unsafe_parts(note.html) == []
    assert "&lt;script&gt;" in note.html


def test_the_sanitizer_is_the_last_word_whatever_it_is_given():
    html = sanitize(
        '<p onclick="x">a</p><script>x</script><a href="javascript:alert(1)">j</a>'
        '<a href="https://evil.example">e</a><img src=x onerror=y><td style="color:red">c</td>'
        '<a href="/glossary#PKI" class="glossary-link">PKI</a>'
    )
    assert unsafe_parts(html) == []
    assert "evil.example" not in html and "color" not in html
    assert '<a href="/glossary#PKI" class="glossary-link">PKI</a>' in html


def test_glossary_links_point_to_the_glossary_entry_even_with_a_space():
    note = _parse("A [PKI](glossary:PKI) and [SELinux](<glossary:SE Linux>).")
    assert note.errors == []
    assert note.glossary_links == ["PKI", "SE Linux"]
    assert '<a href="/glossary#PKI" class="glossary-link" data-acronym="PKI">PKI</a>' in note.html
    assert 'href="/glossary#SE%20Linux"' in note.html


def test_a_glossary_link_with_a_space_and_no_angle_brackets_is_refused():
    note = _parse("Under [PCI DSS](glossary:PCI DSS).")
    assert note.errors == [
        "en/1.4.1.md:3: a glossary link whose acronym has a space is written "
        "[text](<glossary:SE Linux>), with angle brackets"
    ]


def test_links_must_resolve_in_the_glossary_and_nowhere_else():
    note = _parse("[XYZ](glossary:XYZ) and [site](https://example.com) ![img](x.png)")
    assert note.errors == [
        "en/1.4.1.md:3: 'XYZ' is not in the exam's glossary",
        "en/1.4.1.md:3: a link must point to the glossary, [PKI](glossary:PKI), not "
        "'https://example.com'",
        "en/1.4.1.md:3: no images in a note",
    ]
    assert note.html == ""


def test_a_title_or_a_missing_heading_is_an_error_naming_the_file():
    note = parse_note(
        locale="fr",
        code="1.4.1",
        source="# Titre\n\n## De quoi s'agit-il\n\nTexte.\n",
        glossary=GLOSSARY,
        label="fr/1.4.1.md",
    )
    assert note.errors == [
        "fr/1.4.1.md:1: no level-1 heading (# …): the screen shows the title already",
        "fr/1.4.1.md: the heading '## Pourquoi c'est important' is missing",
        "fr/1.4.1.md: the heading '## À l'examen' is missing",
        "fr/1.4.1.md: the heading '## Pièges' is missing",
    ]


def test_headings_get_stable_unique_ids_and_sections():
    note = _parse("### Keys\n\nOne.\n\n### Keys\n\nTwo.")
    assert '<h2 id="note-what-it-is">What it is</h2>' in note.html
    assert '<h3 id="note-keys">Keys</h3>' in note.html
    assert '<h3 id="note-keys-2">Keys</h3>' in note.html
    assert [s.anchor for s in note.sections] == [
        "note-what-it-is",
        "note-why-it-matters",
        "note-on-the-exam",
        "note-traps",
    ]
    french = _parse("Texte.", locale="fr")
    assert '<h2 id="note-a-l-examen">À l\'examen</h2>' in french.html
    assert '<h2 id="note-pieges">Pièges</h2>' in french.html


def test_french_typography_is_applied_to_text_not_to_code():
    note = _parse("Modes : « actif » ou `a : b` ; vraiment ?", locale="fr")
    assert "Modes\u00a0: «\u00a0actif\u00a0» ou <code>a : b</code>\u00a0; vraiment\u00a0?" in (
        note.html.replace("&nbsp;", "\u00a0")
    )
    english = _parse("Modes : a")
    assert "Modes : a" in english.html


def test_tables_scroll_inside_their_own_box():
    note = _parse("| Mode | Use |\n|---|:-:|\n| CBC | old |")
    assert '<div class="note-table" tabindex="0"><table>' in note.html
    assert '<th style="text-align:center">Use</th>' in note.html


def test_topic_matching_ignores_case_accents_and_link_targets():
    source = "La **clé publique** et l'[autorité de certification](glossary:CA)."
    assert note_names(source, "Clé Publique")
    assert note_names(source, "Autorite de certification")
    assert not note_names(source, "glossary")
    assert not note_names(source, "clé privée")


def test_the_hash_covers_the_file():
    assert note_source_hash("a") == note_source_hash("a") != note_source_hash("b")


def test_files_that_do_not_fit_the_layout_are_named(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "de").mkdir()
    (tmp_path / "en" / "1.4.1.md").write_text("x")
    (tmp_path / "en" / "notes.md").write_text("x")
    (tmp_path / "de" / "1.4.1.md").write_text("x")
    found, errors = note_files(tmp_path)
    assert list(found) == [("en", "1.4.1")]
    assert errors == [
        "de/1.4.1.md: a note lives in <language>/<code>.md, language one of en, fr",
        "en/notes.md: a note is named after its sub-objective, e.g. 1.4.1.md",
    ]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_an_empty_note_is_an_error(locale):
    note = parse_note(locale=locale, code="1.1.1", source="  \n", glossary=GLOSSARY)
    assert note.errors == [f"{locale}/1.1.1.md: the note is empty"]
