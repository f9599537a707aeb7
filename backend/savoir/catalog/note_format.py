"""Study notes: one Markdown file per sub-objective and language,
`content/notes/<exam>/<locale>/<sub-objective code>.md` (format: content/README.md, "Study notes").

Pure functions, no database: reading a note's Markdown, checking it, and rendering it to safe
HTML. Markdown goes through markdown-it-py's "js-default" preset (raw HTML escaped, javascript:
and data: links refused, tables on), then nh3 with an allowlist, so nothing a note says can run
in a learner's browser. French notes get the project's French typography at load time.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from savoir.core.text import fold, french_typography

# Bump when the rendering changes (allowlist, ids, links): every note is then rendered again on
# the next load, since the stored hash covers the renderer as well as the file.
RENDERER_VERSION = "1"

GLOSSARY_SCHEME = "glossary:"
GLOSSARY_PATH = "/glossary"
# The ids of a note's headings, prefixed so they never collide with the page's own ids.
HEADING_ID_PREFIX = "note-"

REQUIRED_HEADINGS: dict[str, tuple[str, ...]] = {
    "en": ("What it is", "Why it matters", "On the exam", "Traps"),
    "fr": ("De quoi s'agit-il", "Pourquoi c'est important", "À l'examen", "Pièges"),
}

_CODE_FILE = re.compile(r"^\d+\.\d+\.\d+\.md$")
_UNPARSED_GLOSSARY_LINK = re.compile(r"\]\(glossary:[^)]*\)")

_ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "div", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "class", "data-acronym"},
    "h2": {"id"},
    "h3": {"id"},
    "div": {"class", "tabindex"},
    "th": {"style"},
    "td": {"style"},
    "ol": {"start"},
}


def _markdown() -> MarkdownIt:
    return MarkdownIt("js-default").enable("table")


_MD = _markdown()


def note_source_hash(source: str) -> str:
    """What decides whether a stored note is up to date: its file and the renderer."""
    return hashlib.sha256(f"{RENDERER_VERSION}\n{source}".encode()).hexdigest()


def glossary_href(acronym: str) -> str:
    """The glossary page, anchored on the acronym (the page scrolls to its entry)."""
    return f"{GLOSSARY_PATH}#{quote(acronym, safe='')}"


_LINK_TARGET = re.compile(r"\]\((?:<[^>]*>|[^)]*)\)")


def note_names(source: str, wording: str) -> bool:
    """Whether a note's Markdown names `wording` (a topic or a title): case-, accent- and
    punctuation-insensitive, link targets left out (`[PKI](glossary:PKI)` reads as "PKI")."""
    return f" {fold(wording)} " in f" {fold(_LINK_TARGET.sub(']', source))} "


def heading_slug(text: str) -> str:
    return HEADING_ID_PREFIX + ("-".join(fold(text).split()) or "section")


@dataclass(frozen=True)
class NoteSection:
    """One `##` section: its anchor, heading and plain text (what search indexes)."""

    anchor: str
    heading: str
    text: str


@dataclass
class ParsedNote:
    locale: str
    code: str
    source: str
    html: str = ""
    plain_text: str = ""
    sections: list[NoteSection] = field(default_factory=list)
    glossary_links: list[str] = field(default_factory=list)
    word_count: int = 0
    errors: list[str] = field(default_factory=list)


def note_files(directory: Path) -> tuple[dict[tuple[str, str], Path], list[str]]:
    """(locale, code) -> file for every note under `directory`, and the files that do not fit."""
    found: dict[tuple[str, str], Path] = {}
    errors: list[str] = []
    if not directory.is_dir():
        return found, [f"{directory}: no such folder"]
    for path in sorted(directory.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(directory)
        if len(relative.parts) != 2 or relative.parts[0] not in REQUIRED_HEADINGS:
            errors.append(
                f"{relative}: a note lives in <language>/<code>.md, language one of "
                f"{', '.join(REQUIRED_HEADINGS)}"
            )
        elif not _CODE_FILE.match(path.name):
            errors.append(f"{relative}: a note is named after its sub-objective, e.g. 1.4.1.md")
        else:
            found[(relative.parts[0], path.name.removesuffix(".md"))] = path
    return found, errors


def _typography(tokens: list[Token], locale: str) -> None:
    if locale != "fr":
        return
    for token in tokens:
        for child in token.children or []:
            if child.type == "text":
                child.content = french_typography(child.content)


def _inline_text(inline: Token) -> str:
    return "".join(
        c.content if c.type in ("text", "code_inline") else " " if c.type == "softbreak" else ""
        for c in inline.children or []
    )


def parse_note(
    *, locale: str, code: str, source: str, glossary: set[str], label: str = ""
) -> ParsedNote:
    """Check and render one note; `errors` name the file (`label`) and the line."""
    label = label or f"{locale}/{code}.md"
    note = ParsedNote(locale=locale, code=code, source=source)
    if not source.strip():
        note.errors.append(f"{label}: the note is empty")
        return note
    env: dict[str, object] = {}
    tokens = _MD.parse(source, env)
    _typography(tokens, locale)

    headings: list[str] = []
    used_ids: set[str] = set()
    sections: list[tuple[str, str, list[str]]] = [("", "", [])]
    for index, token in enumerate(tokens):
        line = f"{label}:{token.map[0] + 1}" if token.map else label
        if token.type == "heading_open":
            inline = tokens[index + 1]
            text = _inline_text(inline).strip()
            if token.tag == "h1":
                note.errors.append(
                    f"{line}: no level-1 heading (# …): the screen shows the title already"
                )
            if token.tag in ("h2", "h3"):
                anchor, n = heading_slug(text), 2
                while anchor in used_ids:
                    anchor, n = f"{heading_slug(text)}-{n}", n + 1
                used_ids.add(anchor)
                token.attrSet("id", anchor)
            if token.tag == "h2":
                headings.append(text)
                sections.append((anchor, text, []))
                continue
        if token.type != "inline":
            continue
        if index and tokens[index - 1].type == "heading_open" and tokens[index - 1].tag == "h2":
            continue
        plain = _inline_text(token)
        if _UNPARSED_GLOSSARY_LINK.search(plain):
            note.errors.append(
                f"{line}: a glossary link whose acronym has a space is written "
                "[text](<glossary:SE Linux>), with angle brackets"
            )
        sections[-1][2].append(plain)
        for child in token.children or []:
            if child.type == "image":
                note.errors.append(f"{line}: no images in a note")
            if child.type != "link_open":
                continue
            href = str(child.attrGet("href") or "")
            if not href.startswith(GLOSSARY_SCHEME):
                note.errors.append(
                    f"{line}: a link must point to the glossary, [PKI](glossary:PKI), not {href!r}"
                )
                continue
            acronym = unquote(href.removeprefix(GLOSSARY_SCHEME))
            if acronym not in glossary:
                note.errors.append(f"{line}: {acronym!r} is not in the exam's glossary")
                continue
            note.glossary_links.append(acronym)
            child.attrSet("href", glossary_href(acronym))
            child.attrSet("class", "glossary-link")
            child.attrSet("data-acronym", acronym)
    # markdown-it refuses javascript:/data: links before we see them: they stay literal text.
    for missing in [h for h in REQUIRED_HEADINGS[locale] if h not in headings]:
        note.errors.append(f"{label}: the heading '## {missing}' is missing")

    note.sections = [
        NoteSection(anchor, heading, " ".join(" ".join(parts).split()))
        for anchor, heading, parts in sections
        if heading or " ".join(parts).strip()
    ]
    note.plain_text = "\n".join(f"{s.heading}\n{s.text}" for s in note.sections)
    note.word_count = len(fold(note.plain_text).split())
    if not note.errors:
        note.html = sanitize(_render(tokens, env))
    return note


def _render(tokens: list[Token], env: dict[str, object]) -> str:
    html: str = _MD.renderer.render(tokens, _MD.options, env)
    # A table scrolls inside its own box on a narrow screen; the box can take the focus so that
    # a keyboard can scroll it too.
    return html.replace("<table>", '<div class="note-table" tabindex="0"><table>').replace(
        "</table>", "</table></div>"
    )


def sanitize(html: str) -> str:
    """The last word on what a note's HTML may contain, whatever produced it."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=set(),  # relative links only: the glossary
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )
