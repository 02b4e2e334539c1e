"""The checked handbook, as the render stage receives it: domain types beside the model."""

from __future__ import annotations

from dataclasses import dataclass

from generator.source.model import (
    Causes,
    Clinic,
    Dosage,
    Exercise,
    Handbook,
    Reference,
    Routine,
    Safety,
    minutes,
)


@dataclass(frozen=True)
class RoutineItem:
    """An exercise as a routine prescribes it."""

    exercise: Exercise
    dosage: Dosage
    note: str | None


@dataclass(frozen=True)
class PlannedRoutine:
    """A routine with its exercises resolved and its time computed."""

    routine: Routine
    items: tuple[RoutineItem, ...]
    seconds: int

    @property
    def minutes(self) -> int:
        return minutes(self.seconds)


@dataclass(frozen=True)
class Book:
    """The whole handbook, checked: what the render stage receives."""

    handbook: Handbook
    exercises: tuple[Exercise, ...]
    routines: tuple[PlannedRoutine, ...]
    causes: Causes | None
    references: tuple[Reference, ...]
    safety: Safety
    clinic: Clinic | None
    images: dict[str, bytes]
