from __future__ import annotations

from typing import Any

import pytest

from generator.i18n.languages import language
from generator.rules.words import dosage_words, frequency_words, minutes_words, suggested_words
from generator.source.model import Dosage, DosageOverride

EN = language("en")  # words are said in a language: there is no default

OFTEN = {"times_per_day": 1, "days_per_week": 5}


def dosage(**fields: Any) -> Dosage:
    return Dosage.model_validate({"repetition": "one go", **OFTEN, **fields})


@pytest.mark.parametrize(
    ("fields", "long", "short"),
    [
        (
            {"hold_seconds": 3, "reps": 10, "per_side": "foot"},
            "Hold 3 seconds, 10 times, each foot",
            "Hold 3 s, 10 times, each foot",
        ),
        ({"duration_seconds": 20}, "20 seconds", "20 s"),
        (
            {"hold_seconds": 30, "reps": 2, "per_side": "leg"},
            "Hold 30 seconds, twice, each leg",
            "Hold 30 s, twice, each leg",
        ),
        ({"reps": 10, "sets": 2}, "10 times, 2 sets", "10 times, 2 sets"),
        (
            {"hold_seconds": 5, "reps": 3, "directions": ["up", "down", "apart"]},
            "Hold 5 seconds, 3 times each way (up, down and apart)",
            "Hold 5 s, 3 times each way (up, down and apart)",
        ),
        (
            {"hold_seconds": 5, "directions": ["up", "down"], "per_side": "foot"},
            "Hold 5 seconds, once each way (up and down), each foot",
            "Hold 5 s, once each way (up and down), each foot",
        ),
        ({}, "Once", "Once"),
    ],
)
def test_dosage_in_plain_words(fields: dict[str, object], long: str, short: str) -> None:
    assert dosage_words(dosage(**fields), lang=EN) == long
    assert dosage_words(dosage(**fields), short=True, lang=EN) == short


@pytest.mark.parametrize(
    ("times", "days", "words"),
    [
        (1, 7, "Once a day, every day"),
        (2, 5, "Twice a day, 5 days a week"),
        (3, 1, "3 times a day, 1 day a week"),
    ],
)
def test_frequency_in_plain_words(times: int, days: int, words: str) -> None:
    often = Dosage.model_validate(
        {"repetition": "x", "times_per_day": times, "days_per_week": days}
    )
    assert frequency_words(often, lang=EN) == words


def test_override_replaces_hold_with_duration_and_drops_suggested_mark() -> None:
    base = dosage(hold_seconds=5, reps=10, suggested=["reps", "hold_seconds"])
    merged = base.merged(DosageOverride.model_validate({"duration_seconds": 30, "reps": 1}))
    assert (merged.hold_seconds, merged.duration_seconds, merged.reps) == (None, 30, 1)
    assert merged.suggested == []


def test_the_override_model_is_the_dosage_model_with_every_field_optional() -> None:
    fields = set(Dosage.model_fields) - {"suggested"}
    assert set(DosageOverride.model_fields) == fields
    assert DosageOverride.model_validate({}).model_dump(exclude_none=True) == {}
    for name in fields:
        assert (
            DosageOverride.model_fields[name].description == Dosage.model_fields[name].description
        )


def test_suggested_and_minutes_words() -> None:
    assert suggested_words(dosage(reps=3, suggested=["reps", "days_per_week"]), lang=EN) == (
        "The number of repetitions and how many days a week: a suggested starting point; "
        "your clinician may change it."
    )
    assert suggested_words(dosage(), lang=EN) is None
    assert minutes_words(1, lang=EN) == "about 1 minute"
    assert minutes_words(7, lang=EN) == "about 7 minutes"
