import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command

NBSP = "\u00a0"
# Stands for an interpolated value (%(name)s, %s, {name}), so "%(n)s %" counts as a number.
VALUE = "\ue000"
_PLACEHOLDER = re.compile(r"%\([^)]*\)[#0 +-]*\d*(?:\.\d+)?[sdifr]|%[sdifr]|\{\w*\}")
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s\u00a0]*", re.IGNORECASE)


def test_every_server_message_has_a_french_translation_and_the_mo_is_current():
    # Raises CommandError listing each untranslated message or a stale .mo file.
    call_command("compile_translations", "--check")


def french_typography_problems(text: str) -> list[str]:
    """A no-break space before : ; ! ? and a percent sign, and inside « », as the frontend."""
    masked = _URL.sub("", _PLACEHOLDER.sub(VALUE, text)).replace("%%", "%")
    problems = []
    for i, char in enumerate(masked):
        before = masked[i - 1] if i else ""
        after = masked[i + 1 : i + 2]
        if char in ":;!?":
            if before == NBSP or (char in "!?" and before in ("!", "?")):
                continue
            if char == ":" and before.isdigit() and after.isdigit():  # 10:30
                continue
            problems.append(f"{before!r} before {char!r}")
        elif char == "%":
            number = before.isdigit() or before == VALUE
            spaced = (
                before.isspace() and i > 1 and (masked[i - 2].isdigit() or masked[i - 2] == VALUE)
            )
            if before != NBSP and (number or spaced):
                problems.append(f"{before!r} before '%'")
        elif char == "«" and after != NBSP:
            problems.append(f"{after!r} after '«'")
        elif char == "»" and before != NBSP:
            problems.append(f"{before!r} before '»'")
    return problems


def test_the_typography_check_knows_placeholders_urls_and_times():
    assert french_typography_problems(f"Valeurs{NBSP}: %(choices)s.") == []
    assert french_typography_problems("Valeurs : %(choices)s.") == ["' ' before ':'"]
    assert french_typography_problems("Voir https://example.com/?a=1 à 10:30") == []
    assert french_typography_problems(f"%(n)s{NBSP}% et «{NBSP}IA{NBSP}»") == []
    assert french_typography_problems("%(n)s %% et « IA »") == [
        "' ' before '%'",
        "' ' after '«'",
        "' ' before '»'",
    ]


def test_french_server_messages_use_no_break_spaces_before_double_punctuation():
    problems = []
    for locale_dir in settings.LOCALE_PATHS:
        for po_path in sorted(Path(locale_dir).glob("fr/LC_MESSAGES/*.po")):
            for entry in polib.pofile(str(po_path)):
                for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                    problems += [
                        f"{po_path.name} {entry.msgid!r}: {problem} in {text!r}"
                        for problem in french_typography_problems(text)
                    ]
    assert problems == []
