from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from savoir.core.content import ContentError, yaml_load
from savoir.questions.services import bank_import


class Command(BaseCommand):
    help = "Import a question-bank file (validated whole first; upsert by key; versions kept)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args: Any, path: Path, dry_run: bool, **options: Any) -> None:
        try:
            counts = bank_import(data=yaml_load(path), dry_run=dry_run)
        except ContentError as exc:
            raise CommandError(
                f"{path}: {len(exc.errors)} error(s), nothing written:\n  "
                + "\n  ".join(exc.errors)
            ) from None
        prefix = "[dry run, nothing written] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{path.name}: {counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged"
        )
