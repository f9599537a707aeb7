from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from savoir.catalog.services import notes_import
from savoir.core.content import ContentError


class Command(BaseCommand):
    help = (
        "Load an exam's study notes from a folder of <language>/<sub-objective code>.md files "
        "(e.g. savoir/catalog/content/notes/sy0-701). Every file is checked first; then changed "
        "notes are rendered again, unchanged ones left alone, and notes whose file is gone retired."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--exam", help="The exam's code (default: the folder's name in capitals, SY0-701)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report; write nothing."
        )

    def handle(
        self, *args: Any, path: Path, exam: str | None, dry_run: bool, **options: Any
    ) -> None:
        exam_code = exam or path.name.upper()
        try:
            summary = notes_import(exam_code=exam_code, directory=path, dry_run=dry_run)
        except ContentError as exc:
            raise CommandError(
                f"{path}: {len(exc.errors)} error(s), nothing written:\n  "
                + "\n  ".join(exc.errors)
            ) from None
        prefix = "[dry run, nothing written] " if dry_run else ""
        self.stdout.write(f"{prefix}notes of {exam_code}:")
        for line in summary.lines():
            self.stdout.write(f"  {line}")
