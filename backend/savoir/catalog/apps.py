from pathlib import Path
from typing import IO

from django.apps import AppConfig
from django.core.management import call_command
from django.utils.translation import gettext_lazy as _

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def _load_shipped_catalog(stdout: IO[str]) -> None:
    blueprints = sorted(
        p for p in CONTENT_DIR.glob("*.yaml") if not p.name.endswith("-glossary.yaml")
    )
    for path in [*blueprints, *sorted(CONTENT_DIR.glob("*-glossary.yaml"))]:
        call_command("import_catalog", str(path), stdout=stdout)


def _load_shipped_notes(stdout: IO[str]) -> None:
    for folder in sorted(p for p in (CONTENT_DIR / "notes").iterdir() if p.is_dir()):
        call_command("import_notes", str(folder), stdout=stdout)


class CatalogConfig(AppConfig):
    name = "savoir.catalog"
    label = "catalog"
    verbose_name = _("Catalog")

    def ready(self) -> None:
        from savoir.core.content import ContentLoader, content_loader_register

        content_loader_register(ContentLoader(10, "catalog", _load_shipped_catalog))
        # After the blueprint and the glossary its links point to.
        content_loader_register(ContentLoader(15, "study-notes", _load_shipped_notes))
