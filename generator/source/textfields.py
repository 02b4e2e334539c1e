"""The free-text fields of content, found from the models: what translators translate, what
the hostile and longest test content fill.

Free text is a string whose constraints have no pattern: names, steps, cautions... never ids,
file names, colours, numbers or choices. A field marked Verbatim in the model (an editor's
note, a paper's authors and title) is text but is never translated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.types import StringConstraints

from generator.source.model import Verbatim
from generator.source.yamlsource import KeyPath


@dataclass(frozen=True)
class TextField:
    """One free-text value in a content document."""

    path: KeyPath
    shortest: int
    longest: int
    #: Kept as written in every language (never translated).
    verbatim: bool


def text_fields(model: type[BaseModel], data: Any) -> Iterator[TextField]:
    """Every free-text value in `data` (a document of `model`), in document order."""
    yield from _fields(model, data, (), False)


def _fields(
    model: type[BaseModel], data: Any, path: KeyPath, verbatim: bool
) -> Iterator[TextField]:
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in data:
            kept = verbatim or any(isinstance(m, Verbatim) for m in info.metadata)
            yield from _walk(info.annotation, list(info.metadata), data[key], (*path, key), kept)


def _walk(
    annotation: Any, metadata: list[Any], value: Any, path: KeyPath, verbatim: bool
) -> Iterator[TextField]:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *more = get_args(annotation)
        kept = verbatim or any(isinstance(m, Verbatim) for m in more)
        yield from _walk(base, metadata + more, value, path, kept)
    elif origin in (Union, type(int | None)):
        for option in get_args(annotation):
            if option is not type(None) and _fits(option, value):
                yield from _walk(option, metadata, value, path, verbatim)
                return
    elif origin is list and isinstance(value, list):
        (item,) = get_args(annotation)
        for index, entry in enumerate(value):
            yield from _walk(item, [], entry, (*path, index), verbatim)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from _fields(annotation, value, path, verbatim)
    elif annotation is str and isinstance(value, str):
        constraints = [m for m in metadata if isinstance(m, StringConstraints)]
        if constraints and all(c.pattern is None for c in constraints):
            shortest = max(c.min_length or 0 for c in constraints)
            longest = min(c.max_length or 10**6 for c in constraints)
            yield TextField(path, shortest, longest, verbatim)


def _fits(option: Any, value: Any) -> bool:
    base = get_args(option)[0] if get_origin(option) is Annotated else option
    base = get_origin(base) or base
    return isinstance(base, type) and (
        isinstance(value, base) or (issubclass(base, BaseModel) and isinstance(value, dict))
    )


def get_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def set_at(data: Any, path: KeyPath, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
