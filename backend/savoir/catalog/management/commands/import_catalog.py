from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from savoir.catalog.services import catalog_import, glossary_import
from savoir.core.content import ContentError, yaml_load


class Command(BaseCommand):
    help = (
        "Import a catalog file (exam blueprint) or a glossary file. The whole file is validated "
        "first; then entries are upserted by code in one transaction, and entries missing from "
        "the file are retired, never deleted."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report; write nothing."
        )

    def handle(self, *args: Any, path: Path, dry_run: bool, **options: Any) -> None:
        try:
            data = yaml_load(path)
            importer = (
                glossary_import if isinstance(data, dict) and "entries" in data else catalog_import
            )
            summary = importer(data=data, dry_run=dry_run)
        except ContentError as exc:
            raise CommandError(
                f"{path}: {len(exc.errors)} error(s), nothing written:\n  "
                + "\n  ".join(exc.errors)
            ) from None
        prefix = "[dry run, nothing written] " if dry_run else ""
        self.stdout.write(f"{prefix}{path.name}:")
        for line in summary.lines():
            self.stdout.write(f"  {line}")
