"""Plain-language phrases built from data: dosage, times, lists."""

from __future__ import annotations

from .model import Dosage

_COUNT = {1: "once", 2: "twice"}
_FIELD_WORDS = {
    "hold_seconds": "the hold",
    "duration_seconds": "the time",
    "reps": "the number of repetitions",
    "sets": "the number of sets",
    "times_per_day": "how often a day",
}


def dosage_words(dosage: Dosage, *, short: bool = False) -> str:
    """'Hold 3 seconds, 10 times, each foot' (or 'hold 3 s, ...' when short)."""
    unit = " s" if short else " seconds"
    parts = []
    if dosage.hold_seconds is not None:
        parts.append(f"hold {dosage.hold_seconds}{unit}")
    elif dosage.duration_seconds is not None:
        parts.append(f"{dosage.duration_seconds}{unit}")
    if dosage.reps > 1 or not parts:
        parts.append(f"{dosage.reps} times" if dosage.reps > 2 else _COUNT[dosage.reps])
    if dosage.sets > 1:
        parts.append(f"{dosage.sets} sets")
    if dosage.per_side:
        parts.append(f"each {dosage.per_side}")
    if dosage.times_per_day:
        parts.append(f"{times(dosage.times_per_day)} a day")
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def times(count: int) -> str:
    """'once', 'twice', '3 times'."""
    return _COUNT.get(count, f"{count} times")


def suggested_words(dosage: Dosage) -> str | None:
    """A sentence naming the dosage values we chose, or None when the source gave them all."""
    if not dosage.suggested:
        return None
    names = [_FIELD_WORDS[field] for field in dosage.suggested]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Suggested: {listed} (the source article gives no exact figure)."


def minutes_words(minutes: int) -> str:
    """'about 1 minute', 'about 7 minutes'."""
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
