"""Validation errors worded for authors: file, line and key path, what was expected, what
was found, and how to fix it.

What a field expects is never written here: bounds, choices and forms come from the model's
own declarations (its Field bounds, Literal choices, Unit and Expects markers).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.errors import ContentProblem
from generator.source.model import Expects, OnCard, Unit
from generator.source.yamlsource import KeyPath, Source, describe, key_path


def problem(source: Source, model: type[BaseModel], err: Any) -> ContentProblem:
    loc: KeyPath = tuple(err["loc"])
    kind: str = err["type"]
    value = err.get("input")
    expected = expected_words(model, loc)
    ctx = err.get("ctx") or {}
    if kind == "missing":
        message = "required field is missing"
        description = _field_description(model, loc)
        if description:
            message += f" ({description.rstrip('.')})"
    elif kind == "extra_forbidden":
        message = "unknown field"
        options = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), options, n=1, cutoff=0.6)
        message += (
            f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(options)}"
        )
    elif kind == "literal_error":
        choices = _literal_choices(model, loc)
        message = f"expected one of {', '.join(choices)}; got {describe(value)}"
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean '{close[0]}'?"
    elif kind in _EXPECTED_BY_KIND:
        wanted = _EXPECTED_BY_KIND[kind] if kind in _SHAPES else expected or _EXPECTED_BY_KIND[kind]
        message = f"expected {wanted}, got {describe(value)}"
    elif kind in _COUNTED:
        bound, limit = _COUNTED[kind]
        measure = (
            _items(ctx.get(limit)) if kind.startswith("too_") else f"{ctx.get(limit)} characters"
        )
        message = f"expected {bound} {measure}, got {len(value)}"
        if kind in ("string_too_long", "too_long") and printed_on_cards(model, loc):
            message += ": it is printed on the one-page cards, which must fit one sheet"
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    else:
        message = f"{err['msg']}, got {describe(value)}"
    return ContentProblem(source.path, source.line(loc), key_path(loc), message)


# Pydantic error kinds whose message is "expected <what the field wants>, got <value>", with
# the words used when the field's declaration says nothing more.
_EXPECTED_BY_KIND = {
    "greater_than_equal": "a number in range",
    "less_than_equal": "a number in range",
    "greater_than": "a number in range",
    "less_than": "a number in range",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "string_pattern_mismatch": "text of the right form",
    "string_type": "text",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date",
    "date_parsing": "a date",
    "date_from_datetime_parsing": "a date",
}
# Kinds about too many or too few characters or items: (bound word, context key).
_COUNTED = {
    "string_too_long": ("at most", "max_length"),
    "string_too_short": ("at least", "min_length"),
    "too_long": ("at most", "max_length"),
    "too_short": ("at least", "min_length"),
}
# Structural kinds say what shape was expected whatever the field's own words are.
_SHAPES = {"string_type", "list_type", "model_type", "dict_type", "model_attributes_type"}


def _items(count: Any) -> str:
    return f"{count} item{'' if count == 1 else 's'}"


def _walk(model: type[BaseModel], loc: KeyPath) -> Iterator[tuple[type[BaseModel], str]]:
    """Follow a key path through nested models, yielding each (model, field name)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return
        info = _field_bykey_path(current, part)
        if info is None:
            return
        yield current, info
        current = _inner_model(current.model_fields[info].annotation)


def _field_bykey_path(model: type[BaseModel], key: str) -> str | None:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return name
    return None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _field_names(model: type[BaseModel], loc: KeyPath) -> list[str]:
    target: Any = model
    for owner, name in _walk(model, loc):
        target = _inner_model(owner.model_fields[name].annotation)
    if not (isinstance(target, type) and issubclass(target, BaseModel)):
        return []
    return [info.alias or name for name, info in target.model_fields.items()]


def _field_description(model: type[BaseModel], loc: KeyPath) -> str | None:
    walked = list(_walk(model, loc))
    if not walked or len(walked) != len([part for part in loc if isinstance(part, str)]):
        return None
    owner, name = walked[-1]
    return owner.model_fields[name].description


def _literal_choices(model: type[BaseModel], loc: KeyPath) -> list[str]:
    walked = list(_walk(model, loc))
    if not walked:
        return []
    owner, name = walked[-1]
    return sorted(_literals(owner.model_fields[name].annotation), key=str)


def _literals(annotation: Any) -> list[str]:
    if str(get_origin(annotation)) == "typing.Literal":
        return [str(arg) for arg in get_args(annotation)]
    found: list[str] = []
    for arg in get_args(annotation):
        found += _literals(arg)
    return found


def expected_words(model: type[BaseModel], loc: KeyPath) -> str | None:
    """What the field at `loc` expects, in words made from its declaration, or None."""
    walked = list(_walk(model, loc))
    if not walked:
        return None
    owner, name = walked[-1]
    info = owner.model_fields[name]
    marks = list(info.metadata) + list(_marks(info.annotation))
    for mark in marks:
        if isinstance(mark, Expects):
            return mark.words
    units = [mark.name for mark in marks if isinstance(mark, Unit)]
    least = next((mark.ge for mark in marks if isinstance(mark, Ge)), None)
    most = next((mark.le for mark in marks if isinstance(mark, Le)), None)
    if units and least is not None and most is not None:
        return f"a whole number of {units[0]} from {least} to {most}"
    if info.annotation is not None and "date" in str(info.annotation):
        return "a date written YYYY-MM-DD"
    return None


def _marks(annotation: Any) -> Iterator[Any]:
    """The metadata of an annotation and of the types inside it (Optional, list items)."""
    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        for mark in metadata:
            # A Field(ge=..., le=...) inside Annotated keeps its bounds as its own metadata.
            yield from mark.metadata if isinstance(mark, FieldInfo) else [mark]
        yield from _marks(base)
        return
    for arg in get_args(annotation):
        yield from _marks(arg)


def printed_on_cards(model: type[BaseModel], loc: KeyPath) -> bool:
    """Whether the field at `loc` is printed on cards (its type carries the OnCard mark)."""
    walked = list(_walk(model, loc))
    if not walked:
        return False
    owner, name = walked[-1]
    info = owner.model_fields[name]
    return any(isinstance(mark, OnCard) for mark in [*info.metadata, *_marks(info.annotation)])


def misspelt(model: type[BaseModel], errors: list[Any]) -> set[KeyPath]:
    """The missing required fields that an unknown field beside them is a misspelling of:
    the unknown field's "did you mean" says it all, so "required field is missing" would be
    the same mistake told twice."""
    suggested = set()
    for err in errors:
        loc: KeyPath = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            options = _field_names(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), options, n=1, cutoff=0.6)
            suggested |= {(*loc[:-1], name) for name in close}
    return suggested
