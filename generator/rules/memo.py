"""Caching what the rules work out from a dosage: the same dosage is put into words and laid
out into steps for its page, every routine that holds it, its cards and the API, and a
catalogue of a thousand exercises made that the largest cost of rendering."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T")


def fields_key(model: BaseModel) -> str:
    """A key naming every field value of `model` (a pydantic model is not hashable)."""
    return repr(vars(model))


class Uncompared(Generic[T]):
    """A value passed through functools' caches beside its key, without being part of it."""

    def __init__(self, value: T) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Uncompared)

    def __hash__(self) -> int:
        return 0
