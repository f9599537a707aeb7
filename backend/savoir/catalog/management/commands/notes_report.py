from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from savoir.catalog.selectors import notes_report


class Command(BaseCommand):
    help = (
        "The study notes' figures, from the loaded notes: notes written, average length, topics "
        "named in their note / all topics (in each language), glossary links."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--exam", default="SY0-701")

    def handle(self, *args: Any, exam: str, **options: Any) -> None:
        report = notes_report(exam_code=exam)
        for line in report.lines():
            self.stdout.write(line)
