"""Turns pydantic/ninja validation errors into localized, per-field messages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind in {"string_too_short", "too_short"}:
        if "min_length" in ctx:
            return _("Must be at least %(n)s characters.") % {"n": ctx["min_length"]}
        return _("Too short.")
    if kind in {"string_too_long", "too_long"}:
        if "max_length" in ctx:
            return _("Must be at most %(n)s characters.") % {"n": ctx["max_length"]}
        return _("Too long.")
    if kind in {"literal_error", "enum"}:
        return _("Must be one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind in {"greater_than_equal", "greater_than"}:
        limit = ctx.get("ge", ctx.get("gt"))
        return _("Must be at least %(n)s.") % {"n": limit}
    if kind in {"less_than_equal", "less_than"}:
        limit = ctx.get("le", ctx.get("lt"))
        return _("Must be at most %(n)s.") % {"n": limit}
    if kind == "value_error" and "error" in ctx:
        # Our own validators raise ValueError with an already-translated message.
        return str(ctx["error"])
    if kind in {"json_invalid", "model_attributes_type", "dict_type", "model_type"}:
        return _("The request body is not valid JSON for this operation.")
    if kind.startswith("int_") or kind.startswith("float_"):
        return _("Must be a number.")
    if kind.startswith("bool_"):
        return _("Must be true or false.")
    if kind.startswith("string_") or kind == "str_type":
        return _("Must be text.")
    if kind.startswith("uuid"):
        return _("Must be a valid identifier.")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Must be a valid date.")
    return _("Invalid value.")


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    # ninja prefixes with the source ("body", "query", "path", "form", "file") and, for bodies,
    # the parameter name; what the client knows is the field itself.
    if parts and parts[0] in {"body", "form", "file"} and len(parts) > 2:
        parts = parts[2:]
    elif parts and parts[0] in {"query", "path", "header", "cookie", "body", "form", "file"}:
        parts = parts[1:]
    return ".".join(parts) or "nonField"


def field_errors(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        fields.setdefault(_field_name(error.get("loc", ())), []).append(_message(error))
    return fields
