"""What every content file shares (catalog, glossary, question bank, notes): strict models,
errors that name the entry and field, and YAML loading. Apps define their formats on top."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError


class StrictContent(BaseModel):
    """A content entry: unknown fields are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ContentError(Exception):
    """A content file that cannot be imported; `errors` name each entry and field."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


def _describe(loc: tuple[Any, ...], data: Any) -> str:
    """Turn ('domains', 1, 'objectives', 0, 'title', 'fr') into a path that names codes."""
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and 0 <= key < len(node):
            node = node[key]
            code = node.get("code") if isinstance(node, dict) else None
            label = node.get("acronym") if isinstance(node, dict) and not code else code
            parts[-1] = f"{parts[-1]}[{key}]" + (f" ({label})" if label else "")
        else:
            node = node.get(key) if isinstance(node, dict) else None
            parts.append(str(key))
    return ".".join(parts) or "file"


def parse(model: type[BaseModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(
            [f"{_describe(tuple(e['loc']), data)}: {e['msg']}" for e in exc.errors()]
        ) from None


def yaml_load(path: Path) -> object:
    """A content file's data; a missing or malformed file is a ContentError."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError([f"{path}: no such file"]) from None
    except yaml.YAMLError as exc:
        raise ContentError([f"{path}: not valid YAML: {exc}"]) from None


@dataclass(frozen=True)
class ContentLoader:
    """One app's shipped content, loaded by `manage.py load_content` in `order` (lower first:
    the catalog before the questions that point into it)."""

    order: int
    name: str
    load: Callable[[IO[str]], None]


_loaders: dict[str, ContentLoader] = {}


def content_loader_register(loader: ContentLoader) -> None:
    """Called from an app's AppConfig.ready(): core never imports the apps above it."""
    _loaders[loader.name] = loader


def content_loaders() -> list[ContentLoader]:
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.name))
