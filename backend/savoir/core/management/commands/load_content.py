"""Load everything the project ships (catalog, glossary; more as apps add content). Idempotent."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

CATALOG_DIR = Path(settings.BASE_DIR) / "savoir" / "catalog" / "content"
QUESTIONS_DIR = Path(settings.BASE_DIR) / "savoir" / "questions" / "content"


class Command(BaseCommand):
    help = "Import the shipped catalog, glossary and starter question bank (changes nothing when already loaded)."

    def handle(self, *args, **options):
        blueprints = sorted(
            p for p in CATALOG_DIR.glob("*.yaml") if not p.name.endswith("-glossary.yaml")
        )
        glossaries = sorted(CATALOG_DIR.glob("*-glossary.yaml"))
        for path in [*blueprints, *glossaries]:
            call_command("import_catalog", str(path), stdout=self.stdout)
        for path in sorted(QUESTIONS_DIR.glob("*.yaml")):
            call_command("import_questions", str(path), stdout=self.stdout)
