from pathlib import Path
from typing import IO

from django.apps import AppConfig
from django.core.management import call_command
from django.utils.translation import gettext_lazy as _

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def _load_shipped_bank(stdout: IO[str]) -> None:
    for path in sorted(CONTENT_DIR.glob("*.yaml")):
        call_command("import_questions", str(path), stdout=stdout)


class QuestionsConfig(AppConfig):
    name = "savoir.questions"
    label = "questions"
    verbose_name = _("Question bank")

    def ready(self) -> None:
        from savoir.catalog.selectors import question_counter_register
        from savoir.core.content import ContentLoader, content_loader_register

        from . import signals  # noqa: F401
        from .selectors import practice_question_counts

        content_loader_register(ContentLoader(20, "questions", _load_shipped_bank))
        # The catalog shows how many questions each sub-objective has without importing the bank.
        question_counter_register(practice_question_counts)
