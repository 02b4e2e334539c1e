"""The session plan (generator/rules/plan.py): the steps of a session and the one source of time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.i18n.languages import language
from generator.pipeline import check_content
from generator.rules.plan import (
    RELEASE_SECONDS,
    REST_BETWEEN_SETS_SECONDS,
    SETUP_SECONDS,
    SWITCH_SECONDS,
    TEMPO_SECONDS,
    Step,
    session_seconds,
    session_steps,
    steps_seconds,
    total_seconds,
)
from generator.source.model import Dosage, Exercise

EN = language("en")  # words are said in a language: there is no default

ROOT = Path(__file__).resolve().parent.parent
OFTEN = {"times_per_day": 1, "days_per_week": 5}


def dosage(**fields: Any) -> Dosage:
    return Dosage.model_validate({"repetition": "one go", **OFTEN, **fields})


@pytest.fixture(scope="module")
def book() -> Any:
    return check_content(ROOT / "content")


@pytest.fixture(scope="module")
def exercise(book: Any) -> Exercise:
    found = next(e for e in book.exercises if e.id == "toe-stretching")
    assert isinstance(found, Exercise)
    return found


def shape(steps: list[Step]) -> list[tuple[Any, ...]]:
    return [(s.kind, s.seconds, s.side, s.set, s.rep, s.direction) for s in steps]


def test_hold_with_directions_per_side(exercise: Exercise) -> None:
    steps = session_steps(
        exercise.name,
        dosage(hold_seconds=5, reps=2, directions=["up", "down"], per_side="foot"),
        lang=EN,
    )
    one_side = [
        (kind, seconds, side, 1, rep, way)
        for side in ("right", "left")
        for way in ("up", "down")
        for rep in (1, 2)
        for kind, seconds in (("hold", 5), ("release", RELEASE_SECONDS))
    ]
    expected = [("setup", SETUP_SECONDS, None, 1, 0, None)]
    expected += [*one_side[:8], ("switch", 0, "left", 1, 0, None), *one_side[8:]]
    assert shape(steps) == expected
    assert steps[0].label == "Toe stretching, get into position, 15 s"
    assert steps[3].label == "Toe stretching, right foot, up, 2 of 2, hold 5 s"
    assert steps[4].label == "Toe stretching, right foot, up, 2 of 2, let go, 2 s"
    assert steps[9].label == "Toe stretching, now the left foot"
    assert all(s.reps == 2 and s.sets == 1 for s in steps)


def test_duration_per_leg(exercise: Exercise) -> None:
    steps = session_steps(exercise.name, dosage(duration_seconds=20, per_side="leg"), lang=EN)
    assert shape(steps) == [
        ("setup", SETUP_SECONDS, None, 1, 0, None),
        ("timed", 20, "right", 1, 1, None),
        ("switch", 0, "left", 1, 0, None),
        ("timed", 20, "left", 1, 1, None),
    ]
    assert steps[1].label == "Toe stretching, right leg, 20 s"
    assert steps[2].label == "Toe stretching, now the left leg"


def test_untimed_reps_are_one_step_the_patient_ends(exercise: Exercise) -> None:
    steps = session_steps(exercise.name, dosage(reps=10), lang=EN)
    assert shape(steps) == [
        ("setup", SETUP_SECONDS, None, 1, 0, None),
        ("reps", 10 * TEMPO_SECONDS, None, 1, 0, None),
    ]
    assert steps[1].label == "Toe stretching, 10 times"
    assert steps[1].reps == 10


def test_sets_have_a_rest_between_them(exercise: Exercise) -> None:
    steps = session_steps(exercise.name, dosage(hold_seconds=3, reps=2, sets=3), lang=EN)
    kinds = [(s.kind, s.set) for s in steps]
    held = [("hold", 1), ("release", 1)] * 2
    assert kinds == (
        [("setup", 1)]
        + held
        + [("rest", 2)]
        + [(k, 2) for k, _ in held]
        + [("rest", 3)]
        + [(k, 3) for k, _ in held]
    )
    rest = next(s for s in steps if s.kind == "rest")
    assert rest.seconds == REST_BETWEEN_SETS_SECONDS
    assert rest.label == "Toe stretching, rest 30 s before set 2"
    assert steps[1].label == "Toe stretching, set 1 of 3, 1 of 2, hold 3 s"


def test_time_counts_holds_release_sides_sets_and_directions() -> None:
    held = dosage(hold_seconds=3, reps=10, sets=2, per_side="foot")
    # (3 s hold + 2 s release) x 10 reps x 2 sets + 30 s rest between sets, for each foot
    assert session_seconds(held) == SETUP_SECONDS + ((3 + 2) * 10 * 2 + 30) * 2
    each_way = dosage(hold_seconds=5, reps=3, directions=["up", "down", "apart"])
    assert session_seconds(each_way) == SETUP_SECONDS + (5 + 2) * 3 * 3
    assert total_seconds([held, each_way]) == session_seconds(held) + session_seconds(each_way)


def counted_seconds(d: Dosage) -> int:
    """A session's seconds counted from the README's rule, apart from plan.py's steps: set-up
    once; per side, each set's repetitions in each direction (a hold and its release, a timed
    bout, or the tempo for untimed ones), with a rest before every set after the first."""
    sides = 2 if d.per_side else 1
    ways = max(1, len(d.directions))
    if d.hold_seconds is not None:
        one = d.hold_seconds + RELEASE_SECONDS
    elif d.duration_seconds is not None:
        one = d.duration_seconds
    else:
        one = TEMPO_SECONDS
    per_side = d.sets * ways * d.reps * one + (d.sets - 1) * REST_BETWEEN_SETS_SECONDS
    return SETUP_SECONDS + sides * per_side + (sides - 1) * SWITCH_SECONDS


def test_every_plan_adds_up_to_the_time_the_handbook_states(book: Any) -> None:
    """The steps add up to the seconds counted by the rule, and the minutes each page states
    are those seconds rounded up (at least one)."""
    for exercise in book.exercises:
        steps = session_steps(exercise.name, exercise.dosage, lang=EN)
        assert steps_seconds(steps) == counted_seconds(exercise.dosage), exercise.id
        assert session_seconds(exercise.dosage) == counted_seconds(exercise.dosage)
    for planned in book.routines:
        seconds = sum(counted_seconds(item.dosage) for item in planned.items)
        steps = [
            s for i in planned.items for s in session_steps(i.exercise.name, i.dosage, lang=EN)
        ]
        assert steps_seconds(steps) == seconds == planned.seconds, planned.routine.id
        assert planned.minutes == max(1, -(-seconds // 60)), planned.routine.id
    desk = next(p for p in book.routines if p.routine.id == "desk")
    # toe stretching 15 + 2 x 3 x (5 + 2); pencil grip 15 + 2 x 5 x (5 + 2); ball 15 + 2 x 30
    assert desk.seconds == (15 + 42) + (15 + 70) + (15 + 60)
