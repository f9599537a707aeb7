"""What the catalog tests share: the shipped content files, the import command's output, and
broken copies of the blueprint."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import yaml
from django.core.management import call_command

CONTENT = Path(__file__).resolve().parents[1] / "content"
BLUEPRINT = CONTENT / "sy0-701.yaml"
GLOSSARY = CONTENT / "sy0-701-glossary.yaml"


def run_import(*args: str) -> str:
    """`import_catalog` with these arguments; what it printed."""
    out = StringIO()
    call_command("import_catalog", *args, stdout=out)
    return out.getvalue()


def broken_copy(tmp_path: Path, mutate: Callable[[Any], None]) -> Path:
    """A copy of the shipped blueprint, changed by `mutate`, written under tmp_path."""
    data = yaml.safe_load(BLUEPRINT.read_text())
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path
