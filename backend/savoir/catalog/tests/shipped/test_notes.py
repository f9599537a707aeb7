"""The shipped study notes (loaded by load_content like `make run` does) and their loader:
coverage of the blueprint, glossary links, safe HTML, French typography, idempotent reloads,
edits, removals and broken files. The writers' checker (check_notes.py) lives on here."""

from __future__ import annotations

import re
import shutil
import unicodedata
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ApiClient
from savoir.catalog.models import GlossaryEntry, SearchDocument, StudyNote, SubObjective
from savoir.catalog.note_format import REQUIRED_HEADINGS
from savoir.catalog.services import notes_import
from savoir.catalog.tests.helpers import BLUEPRINT, CONTENT
from savoir.catalog.tests.test_note_format import unsafe_parts

pytestmark = pytest.mark.django_db

NOTES = CONTENT / "notes" / "sy0-701"
LOCALES = ("en", "fr")


def _sub_objectives() -> list[dict[str, Any]]:
    catalog = yaml.safe_load(BLUEPRINT.read_text())
    return [
        sub
        for domain in catalog["domains"]
        for objective in domain["objectives"]
        for sub in objective["sub_objectives"]
    ]


def _norm(text: str) -> str:
    """The writers' checker's matching: case- and accent-insensitive, spaces collapsed."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text)


def _without_link_targets(text: str) -> str:
    return re.sub(r"\]\((?:<[^>]*>|[^)]*)\)", "]", text)


def _read(locale: str, code: str) -> str:
    return (NOTES / locale / f"{code}.md").read_text(encoding="utf-8")


# --- The content --------------------------------------------------------------------------------


def test_every_sub_objective_has_a_note_in_both_languages(catalog):
    codes = {sub["code"] for sub in _sub_objectives()}
    assert len(codes) == 177
    for locale in LOCALES:
        assert {p.stem for p in (NOTES / locale).glob("*.md")} == codes, locale
    loaded = StudyNote.objects.filter(retired_at__isnull=True)
    for locale in LOCALES:
        assert set(
            loaded.filter(locale=locale).values_list("sub_objective__code", flat=True)
        ) == set(SubObjective.objects.values_list("code", flat=True)), locale


def test_every_topic_is_named_in_its_note():
    gaps = []
    for sub in _sub_objectives():
        for locale in LOCALES:
            body = _norm(_without_link_targets(_read(locale, sub["code"])))
            gaps += [
                f"{locale} {topic['code']} {topic[locale]!r}"
                for topic in sub["topics"]
                if _norm(topic[locale]) not in body
            ]
            if not sub["topics"]:
                title = _norm(sub["title"][locale]).split(" (")[0]
                if title not in body:
                    gaps.append(f"{locale} {sub['code']} title {sub['title'][locale]!r}")
    assert gaps == []


def test_every_note_has_the_four_headings_no_title_and_a_study_length():
    problems = []
    for sub in _sub_objectives():
        for locale in LOCALES:
            text = _read(locale, sub["code"])
            words = len(re.findall(r"\w+", re.sub(r"[#|*\-`>]", " ", text)))
            if not 180 <= words <= 650:
                problems.append(f"{locale}/{sub['code']}: {words} words")
            for heading in REQUIRED_HEADINGS[locale]:
                if not re.search(f"^## {re.escape(heading)}\\s*$", text, re.M):
                    problems.append(f"{locale}/{sub['code']}: no '## {heading}'")
            if text.lstrip().startswith("# "):
                problems.append(f"{locale}/{sub['code']}: a level-1 title")
    assert problems == []


def test_every_glossary_link_resolves(catalog):
    glossary = set(
        GlossaryEntry.objects.filter(retired_at__isnull=True).values_list("acronym", flat=True)
    )
    links = 0
    for note in StudyNote.objects.filter(retired_at__isnull=True):
        assert set(note.glossary_links) <= glossary, note.source_path
        hrefs = re.findall(r'<a href="([^"]*)"', note.html)
        assert len(hrefs) == len(note.glossary_links), note.source_path
        assert all(href.startswith("/glossary#") for href in hrefs), note.source_path
        assert "](glossary:" not in note.html and "](<glossary:" not in note.html
        links += len(hrefs)
    assert links >= 354
    spaced = StudyNote.objects.get(sub_objective__code="4.5.4", locale="en")
    assert 'href="/glossary#SE%20Linux"' in spaced.html


def test_rendered_notes_have_no_script_event_handler_or_javascript_url(catalog):
    for note in StudyNote.objects.all():
        assert unsafe_parts(note.html) == [], note.source_path
        assert "<script" not in note.html.lower() and "javascript:" not in note.html.lower()


FRENCH_LINE_RULES = [
    (re.compile(r"[^\s\d][;:!?](\s|$)"), "no space before ; : ! ?"),
    (re.compile('"'), '" instead of « »'),
    (re.compile(r"«(?![\u00a0 ])|(?<![\u00a0 ])»"), "« » without a space inside"),
    (re.compile(r"\bcrypt(age|er|é)", re.I), "« cryptage » instead of « chiffrement »"),
]


def test_french_notes_follow_the_house_typography_and_vocabulary():
    problems = []
    for path in sorted((NOTES / "fr").glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or (line.startswith("|") and set(line) <= set("|-: ")):
                continue
            clean = re.sub(r"`[^`]*`", "", _without_link_targets(line))
            clean = re.sub(r"https?://\S+", "", clean)
            problems += [
                f"{path.name}: {why}: {line[:60]}"
                for rule, why in FRENCH_LINE_RULES
                if rule.search(clean)
            ]
    assert problems == []


def test_french_notes_are_loaded_with_no_break_spaces(catalog):
    note = StudyNote.objects.get(sub_objective__code="4.5.4", locale="fr")
    html = note.html.replace("&nbsp;", "\u00a0")
    assert "\u00a0:" in html and "«\u00a0" in html and "\u00a0»" in html
    assert re.search(r"\w :", re.sub(r"<code>.*?</code>", "", html)) is None


def test_notes_report_gives_the_issue_figures(catalog):
    out = StringIO()
    call_command("notes_report", stdout=out)
    report = out.getvalue()
    print(report)  # the figures, in the test log: pytest -s
    assert "notes written: 354 (en 177, fr 177) for 177 sub-objectives" in report
    assert "topics covered (en): 590/590" in report
    assert "topics covered (fr): 590/590" in report
    assert "missing" not in report and "not named" not in report
    average = re.search(r"average length: (\d+) words", report)
    assert average is not None and 200 <= int(average.group(1)) <= 500
    links = re.search(r"glossary links: (\d+)", report)
    assert links is not None and int(links.group(1)) == sum(
        len(n.glossary_links) for n in StudyNote.objects.all()
    )


# --- The loader ---------------------------------------------------------------------------------


def _snapshot() -> dict[int, tuple[Any, ...]]:
    return {
        n.pk: (n.content_hash, n.version, n.updated_at, n.retired_at)
        for n in StudyNote.objects.all()
    }


def test_reloading_changes_nothing(catalog):
    before = _snapshot()
    documents = list(SearchDocument.objects.order_by("pk").values_list("pk", flat=True))
    out = StringIO()
    call_command("load_content", stdout=out)
    assert "notes of SY0-701:\n  no changes" in out.getvalue()
    assert _snapshot() == before
    assert list(SearchDocument.objects.order_by("pk").values_list("pk", flat=True)) == documents


@pytest.fixture
def notes_copy(tmp_path: Path) -> Path:
    folder: Path = tmp_path / "sy0-701"
    shutil.copytree(NOTES, folder)
    return folder


def test_an_edited_file_updates_only_its_note(catalog, notes_copy):
    before = _snapshot()
    edited = notes_copy / "fr" / "1.4.1.md"
    edited.write_text(
        edited.read_text().replace(
            "## Pièges", "Le mot zythophile est nouveau : voilà.\n\n## Pièges"
        )
    )
    summary = notes_import(exam_code="SY0-701", directory=notes_copy)
    assert (summary.created, summary.updated, summary.retired) == ({}, {"notes": 1}, {})
    note = StudyNote.objects.get(sub_objective__code="1.4.1", locale="fr")
    after = _snapshot()
    assert [pk for pk in before if before[pk] != after[pk]] == [note.pk]
    assert note.version == 2 and "zythophile est nouveau\u00a0: voilà" in note.html.replace(
        "&nbsp;", "\u00a0"
    )
    hits = ApiClient().get("/api/catalog/search", {"q": "zythophile", "lang": "fr"}).json()
    assert [(h["kind"], h["code"]) for h in hits] == [("note", "1.4.1")]


def test_a_removed_file_retires_its_note_and_it_comes_back(catalog, notes_copy, api):
    (notes_copy / "en" / "2.2.1.md").unlink()
    summary = notes_import(exam_code="SY0-701", directory=notes_copy)
    assert (summary.updated, summary.retired) == ({}, {"notes": 1})
    note = StudyNote.objects.get(sub_objective__code="2.2.1", locale="en")
    assert note.retired_at is not None
    assert (
        api.get("/api/catalog/exams/SY0-701/sub-objectives/2.2.1/note?lang=en").status_code == 404
    )
    summary = notes_import(exam_code="SY0-701", directory=NOTES)
    assert (summary.updated, summary.retired) == ({"notes": 1}, {})
    note.refresh_from_db()
    assert note.retired_at is None and note.version == 1


def test_a_broken_folder_writes_nothing_and_names_each_file(catalog, notes_copy):
    before = _snapshot()
    (notes_copy / "en" / "1.1.1.md").write_text("# Title\n\n" + _read("en", "1.1.1"))
    fr = notes_copy / "fr" / "3.1.1.md"
    fr.write_text(fr.read_text() + "\nVoir [XYZ](glossary:XYZ).\n")
    (notes_copy / "fr" / "9.9.9.md").write_text("x")
    (notes_copy / "en" / "2.1.1.md").unlink()  # would be retired, were the folder valid
    with pytest.raises(CommandError) as error:
        call_command("import_notes", str(notes_copy), stdout=StringIO())
    message = str(error.value)
    assert "3 error(s), nothing written" in message
    assert "en/1.1.1.md:1: no level-1 heading" in message
    assert "fr/3.1.1.md:" in message and "'XYZ' is not in the exam's glossary" in message
    assert "fr/9.9.9.md: 9.9.9 is not a sub-objective of SY0-701" in message
    assert _snapshot() == before


def test_a_dry_run_writes_nothing(catalog, notes_copy):
    before = _snapshot()
    (notes_copy / "en" / "1.1.1.md").write_text(_read("en", "1.1.1") + "\nMore.\n")
    out = StringIO()
    call_command("import_notes", str(notes_copy), "--dry-run", stdout=out)
    assert "[dry run, nothing written]" in out.getvalue() and "1 updated" in out.getvalue()
    assert _snapshot() == before


# --- The API --------------------------------------------------------------------------------------


def test_the_note_of_a_sub_objective_in_the_readers_language(api: ApiClient, catalog):
    body = api.get("/api/catalog/exams/SY0-701/sub-objectives/1.4.1/note?lang=fr").json()
    assert body["subObjectiveCode"] == "1.4.1" and body["examCode"] == "SY0-701"
    assert body["title"] == "Infrastructure à clés publiques (PKI)"
    assert body["titleEn"] == "Public key infrastructure (PKI)"
    assert (body["locale"], body["fallback"], body["version"]) == ("fr", False, 1)
    assert body["html"].startswith('<h2 id="note-de-quoi-s-agit-il">')
    assert [s["id"] for s in body["sections"]][-2:] == ["note-a-l-examen", "note-pieges"]
    assert body["sections"][-1]["heading"] == "Pièges"
    english = api.get("/api/catalog/exams/SY0-701/sub-objectives/1.4.1/note?lang=en").json()
    assert english["locale"] == "en" and english["title"] == "Public key infrastructure (PKI)"
    assert "What it is" in english["html"]


def test_the_note_is_the_same_for_every_reader(api: ApiClient, logged_in: ApiClient, catalog):
    url = "/api/catalog/exams/SY0-701/sub-objectives/2.2.1/note?lang=en"
    assert ApiClient().get(url).json() == logged_in.get(url).json()


def test_a_missing_french_note_falls_back_to_english(api: ApiClient, catalog):
    StudyNote.objects.filter(sub_objective__code="1.1.1", locale="fr").update(
        retired_at="2026-01-01T00:00:00Z"
    )
    body = api.get("/api/catalog/exams/SY0-701/sub-objectives/1.1.1/note?lang=fr").json()
    assert (body["locale"], body["fallback"]) == ("en", True)
    assert body["title"] != body["titleEn"]  # the title stays in French


def test_an_unknown_sub_objective_is_a_404(api: ApiClient, catalog):
    response = api.get("/api/catalog/exams/SY0-701/sub-objectives/9.9.9/note?lang=en")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert api.get("/api/catalog/exams/XX-1/sub-objectives/1.1.1/note").status_code == 404


def test_the_note_takes_a_fixed_number_of_queries(api: ApiClient, catalog):
    for code in ("1.1.1", "4.5.4"):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(f"/api/catalog/exams/SY0-701/sub-objectives/{code}/note?lang=fr")
        assert response.status_code == 200
        assert len(queries.captured_queries) <= 5, [q["sql"] for q in queries.captured_queries]


def test_search_finds_words_inside_notes_accent_insensitive_and_says_where(api: ApiClient, catalog):
    hits = api.get("/api/catalog/search", {"q": "ecremage", "lang": "fr"}).json()
    notes = [h for h in hits if h["kind"] == "note"]
    assert [h["code"] for h in notes] == ["4.5.8"]
    hit = notes[0]
    assert hit["title"] == hit["contextTitle"] == "Contrôle d'intégrité des fichiers"
    assert (hit["objectiveCode"], hit["subObjectiveCode"]) == ("4.5", "4.5.8")
    assert hit["section"] == {
        "id": "note-pourquoi-c-est-important",
        "heading": "Pourquoi c'est important",
    }
    assert "écrémage" in hit["snippet"] and len(hit["snippet"]) < 300
    # Like a sub-objective hit, it says how many questions wait on that study screen.
    assert isinstance(hit["questionCount"], int) and hit["questionCount"] > 0
    # Notes are searched in the reader's language: the English note says "web skimmer".
    assert not [
        h
        for h in api.get("/api/catalog/search", {"q": "ecremage", "lang": "en"}).json()
        if h["kind"] == "note"
    ]


def test_search_shows_one_passage_per_note_after_the_titles(api: ApiClient, catalog):
    hits = api.get("/api/catalog/search", {"q": "escrow", "lang": "en"}).json()
    kinds = [h["kind"] for h in hits]
    assert kinds.index("note") > kinds.index("topic")
    note_codes = [h["code"] for h in hits if h["kind"] == "note"]
    assert "1.4.1" in note_codes and len(note_codes) == len(set(note_codes)) <= 8
