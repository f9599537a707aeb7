"""Load everything the apps ship (catalog, glossary, question bank...): each app registers its
loader (savoir/core/content.py). Idempotent."""

from typing import Any

from django.core.management.base import BaseCommand

from savoir.core.content import content_loaders


class Command(BaseCommand):
    help = "Import the content every app ships (changes nothing when already loaded)."

    def handle(self, *args: Any, **options: Any) -> None:
        for loader in content_loaders():
            loader.load(self.stdout)  # type: ignore[arg-type]  # an OutputWrapper writes like a TextIO
