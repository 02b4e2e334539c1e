"""The session plan: every step of doing an exercise, in order, with its seconds.

This is the one place time is worked out. The times printed on pages and cards, the check
of a routine's `max_minutes` and the guided session on the site all come from these steps,
so the clock a patient follows and the total a page states cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from .model import Dosage, Exercise
from .words import times

#: Seconds allowed for letting go of a hold before the next repetition.
RELEASE_SECONDS = 2
#: Seconds one repetition takes when the dosage gives neither a hold nor a duration.
TEMPO_SECONDS = 3
#: Seconds for getting into position for each exercise of a routine.
SETUP_SECONDS = 15
#: Rest between sets, when there is more than one.
REST_BETWEEN_SETS_SECONDS = 30
#: Seconds counted for changing to the other foot or leg. None are: the patient says when
#: they are ready, and the times the handbook states do not include it.
SWITCH_SECONDS = 0

StepKind = Literal["setup", "hold", "release", "timed", "reps", "rest", "switch"]
SIDE_ORDER = ("right", "left")


@dataclass(frozen=True)
class Step:
    """One step of a session: what to do, for how long, and where in the dosage it is.

    A "reps" step ends when the patient taps Done; its seconds are the time the handbook
    counts for it (TEMPO_SECONDS a repetition). A "switch" step of 0 seconds waits for the
    patient too. Every other step ends when its seconds have run out.
    """

    kind: StepKind
    seconds: int
    #: "right" or "left" when the dosage is done per side, else None.
    side: str | None
    #: The set this step belongs to (1-based), of `sets`.
    set: int
    sets: int
    #: The repetition (1-based) within the set and direction, of `reps`; 0 outside a repetition.
    rep: int
    reps: int
    direction: str | None
    #: What to show and say: "Toe stretching, right foot, up, 2 of 3, hold 5 s".
    label: str


def session_steps(exercise: Exercise, dosage: Dosage) -> list[Step]:
    """Every step of one session of `exercise` at `dosage`, set-up first."""
    return list(_steps(exercise.name, dosage))


def _steps(name: str, dosage: Dosage) -> Iterator[Step]:
    sets, reps = dosage.sets, dosage.reps

    def step(
        kind: StepKind,
        seconds: int,
        words: list[str],
        side: str | None = None,
        set_number: int = 1,
        rep: int = 0,
        direction: str | None = None,
    ) -> Step:
        return Step(
            kind, seconds, side, set_number, sets, rep, reps, direction, ", ".join([name, *words])
        )

    yield step("setup", SETUP_SECONDS, [f"get into position, {SETUP_SECONDS} s"])
    sides: tuple[str | None, ...] = SIDE_ORDER if dosage.per_side else (None,)
    for side in sides:
        where = [f"{side} {dosage.per_side}"] if side else []
        if side and side != sides[0]:
            yield step("switch", SWITCH_SECONDS, [f"now the {side} {dosage.per_side}"], side)
        for set_number in range(1, sets + 1):
            if set_number > 1:
                rest = f"rest {REST_BETWEEN_SETS_SECONDS} s before set {set_number}"
                yield step("rest", REST_BETWEEN_SETS_SECONDS, [*where, rest], side, set_number)
            in_set = where + ([f"set {set_number} of {sets}"] if sets > 1 else [])
            directions: list[str | None] = [*dosage.directions] or [None]
            for direction in directions:
                here = in_set + ([direction] if direction else [])
                if dosage.hold_seconds is None and dosage.duration_seconds is None:
                    yield step(
                        "reps",
                        TEMPO_SECONDS * reps,
                        [*here, times(reps)],
                        side,
                        set_number,
                        0,
                        direction,
                    )
                    continue
                for rep in range(1, reps + 1):
                    count = [*here, f"{rep} of {reps}"] if reps > 1 else here
                    if dosage.hold_seconds is not None:
                        hold = f"hold {dosage.hold_seconds} s"
                        yield step(
                            "hold",
                            dosage.hold_seconds,
                            [*count, hold],
                            side,
                            set_number,
                            rep,
                            direction,
                        )
                        let_go = f"let go, {RELEASE_SECONDS} s"
                        yield step(
                            "release",
                            RELEASE_SECONDS,
                            [*count, let_go],
                            side,
                            set_number,
                            rep,
                            direction,
                        )
                    elif dosage.duration_seconds is not None:
                        bout = f"{dosage.duration_seconds} s"
                        yield step(
                            "timed",
                            dosage.duration_seconds,
                            [*count, bout],
                            side,
                            set_number,
                            rep,
                            direction,
                        )


def steps_seconds(steps: Iterable[Step]) -> int:
    return sum(step.seconds for step in steps)


def session_seconds(dosage: Dosage) -> int:
    """Time one session of this dosage takes, getting into position included."""
    return steps_seconds(_steps("", dosage))


def total_seconds(dosages: Iterable[Dosage]) -> int:
    """Time a routine takes: the sum of its exercises' sessions."""
    return sum(session_seconds(dosage) for dosage in dosages)
