from __future__ import annotations

import pytest

from generator.model import Dosage
from generator.words import dosage_words, minutes_words, suggested_words


@pytest.mark.parametrize(
    ("fields", "long", "short"),
    [
        (
            {"hold_seconds": 3, "reps": 10, "per_side": "foot"},
            "Hold 3 seconds, 10 times, each foot",
            "Hold 3 s, 10 times, each foot",
        ),
        (
            {"duration_seconds": 20, "times_per_day": 1},
            "20 seconds, once a day",
            "20 s, once a day",
        ),
        (
            {"hold_seconds": 30, "reps": 2, "per_side": "leg"},
            "Hold 30 seconds, twice, each leg",
            "Hold 30 s, twice, each leg",
        ),
        (
            {"reps": 10, "sets": 2, "times_per_day": 3},
            "10 times, 2 sets, 3 times a day",
            "10 times, 2 sets, 3 times a day",
        ),
        ({}, "Once", "Once"),
    ],
)
def test_dosage_in_plain_words(fields: dict[str, object], long: str, short: str) -> None:
    dosage = Dosage.model_validate({"repetition": "one go", **fields})
    assert dosage_words(dosage) == long
    assert dosage_words(dosage, short=True) == short


def test_time_counts_holds_release_sides_and_sets() -> None:
    dosage = Dosage.model_validate(
        {"repetition": "x", "hold_seconds": 3, "reps": 10, "sets": 2, "per_side": "foot"}
    )
    # (3 s hold + 2 s release) x 10 reps x 2 sets + 30 s rest between sets, for each foot
    assert dosage.seconds == ((3 + 2) * 10 * 2 + 30) * 2


def test_override_replaces_hold_with_duration_and_drops_suggested_mark() -> None:
    from generator.model import DosageOverride

    base = Dosage.model_validate(
        {"repetition": "x", "hold_seconds": 5, "reps": 10, "suggested": ["reps", "hold_seconds"]}
    )
    merged = base.merged(DosageOverride.model_validate({"duration_seconds": 30, "reps": 1}))
    assert (merged.hold_seconds, merged.duration_seconds, merged.reps) == (None, 30, 1)
    assert merged.suggested == []


def test_suggested_and_minutes_words() -> None:
    dosage = Dosage.model_validate({"repetition": "x", "reps": 3, "suggested": ["reps", "sets"]})
    assert suggested_words(dosage) == (
        "Suggested: the number of repetitions and the number of sets "
        "(the source article gives no exact figure)."
    )
    assert minutes_words(1) == "about 1 minute"
    assert minutes_words(7) == "about 7 minutes"
