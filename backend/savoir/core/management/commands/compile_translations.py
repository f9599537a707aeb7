"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib, so no system gettext is needed.

`--check` fails when a message has no translation or a committed .mo is stale.
"""

import ast
import re
from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

_GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "ngettext", "ngettext_lazy"}
_TEMPLATE_TRANSLATE = re.compile(r'{%\s*translate\s+"([^"]+)"')


def source_messages(root: Path) -> set[str]:
    """Literal msgids passed to gettext in our Python code and {% translate %} in templates."""
    found: set[str] = set()
    for path in root.rglob("*.py"):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in _GETTEXT_NAMES
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    for path in root.rglob("*.html"):
        found.update(_TEMPLATE_TRANSLATE.findall(path.read_text()))
    for path in root.rglob("*.txt"):
        found.update(_TEMPLATE_TRANSLATE.findall(path.read_text()))
    return found


class Command(BaseCommand):
    help = "Compile .po files to .mo (or check they are complete and compiled)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        problems = []
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                po = polib.pofile(str(po_path))
                untranslated = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
                problems += [f"{po_path}: untranslated: {m!r}" for m in untranslated]
                mo_path = po_path.with_suffix(".mo")
                if options["check"]:
                    known = {e.msgid for e in po}
                    missing = source_messages(Path(settings.BASE_DIR) / "savoir") - known
                    problems += [
                        f"{po_path}: not extracted (run `make messages`): {m!r}"
                        for m in sorted(missing)
                    ]
                    expected = {
                        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
                        for e in po.translated_entries()
                    }
                    actual = {}
                    if mo_path.exists():
                        actual = {
                            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
                            for e in polib.mofile(str(mo_path))
                            if e.msgid
                        }
                    if expected != actual:
                        problems.append(f"{mo_path} is stale: run `make messages`")
                else:
                    po.save_as_mofile(str(mo_path))
                    self.stdout.write(f"compiled {mo_path}")
        if problems:
            raise CommandError("\n".join(problems))
