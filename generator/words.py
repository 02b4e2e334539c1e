"""Plain-language phrases built from data: dosage, frequency, times, lists."""

from __future__ import annotations

from .model import EQUIPMENT, SIDES, Dosage

_COUNT = {1: "once", 2: "twice"}
_FIELD_WORDS = {
    "hold_seconds": "the hold",
    "duration_seconds": "the time",
    "reps": "the number of repetitions",
    "sets": "the number of sets",
    "times_per_day": "how often a day",
    "days_per_week": "how many days a week",
}


def dosage_words(dosage: Dosage, *, short: bool = False) -> str:
    """How much, in words: 'Hold 5 seconds, 3 times each way (up, down, apart), each foot'."""
    unit = " s" if short else " seconds"
    parts = []
    if dosage.hold_seconds is not None:
        parts.append(f"hold {dosage.hold_seconds}{unit}")
    elif dosage.duration_seconds is not None:
        parts.append(f"{dosage.duration_seconds}{unit}")
    if dosage.directions:
        parts.append(f"{times(dosage.reps)} each way ({join_words(dosage.directions)})")
    elif dosage.reps > 1 or not parts:
        parts.append(times(dosage.reps))
    if dosage.sets > 1:
        parts.append(f"{dosage.sets} sets")
    if dosage.per_side:
        parts.append(SIDES[dosage.per_side])
    return capitalised(", ".join(parts))


def frequency_words(dosage: Dosage) -> str:
    """How often, in words: 'Twice a day, 5 days a week', 'Once a day, every day'."""
    days = "every day" if dosage.days_per_week == 7 else (
        f"{dosage.days_per_week} day{'s' if dosage.days_per_week != 1 else ''} a week"
    )
    return capitalised(f"{times(dosage.times_per_day)} a day, {days}")


def times(count: int) -> str:
    """'once', 'twice', '3 times'."""
    return _COUNT.get(count, f"{count} times")


def suggested_words(dosage: Dosage) -> str | None:
    """A sentence naming the dosage values that are our suggestion, or None."""
    if not dosage.suggested:
        return None
    names = join_words([_FIELD_WORDS[field] for field in dosage.suggested])
    return f"{capitalised(names)}: a suggested starting point; your clinician may change it."


def minutes_words(minutes: int) -> str:
    """'about 1 minute', 'about 7 minutes'."""
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


def equipment_words(equipment: list[str]) -> str:
    """'A towel and a chair', 'Nothing'."""
    return capitalised(join_words([EQUIPMENT[item] for item in equipment]))


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capitalised(text: str) -> str:
    """The text with its first letter made upper case and the rest left alone."""
    return text[:1].upper() + text[1:]
