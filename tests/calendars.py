"""Calendar files read with a real parser (icalendar and recurring-ical-events): what their
events come to, day by day, to compare with what a page says."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

import icalendar
import recurring_ical_events


@dataclass(frozen=True)
class Schedule:
    """A reminder's occurrences between two dates: how many sessions on each day, the weekdays
    (iCalendar codes) and the hours they fall on, the first and the last day."""

    per_day: dict[datetime.date, int]
    weekdays: frozenset[str]
    hours: tuple[int, ...]
    first: datetime.date
    last: datetime.date

    @property
    def times_per_day(self) -> int:
        (times,) = set(self.per_day.values())
        return times

    @property
    def weeks(self) -> float:
        return ((self.last - self.first).days + 1) / 7


CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def schedule(data: bytes, start: datetime.date, days: int) -> Schedule:
    """The occurrences of every event of `data` from `start` for `days` days."""
    calendar = icalendar.Calendar.from_ical(data)
    end = start + datetime.timedelta(days=days)
    found = recurring_ical_events.of(calendar).between(start, end)
    moments = sorted(event.decoded("DTSTART") for event in found)
    assert moments, "no occurrence at all"
    per_day = Counter(moment.date() for moment in moments)
    return Schedule(
        per_day=dict(per_day),
        weekdays=frozenset(CODES[day.weekday()] for day in per_day),
        hours=tuple(sorted({moment.hour for moment in moments})),
        first=min(per_day),
        last=max(per_day),
    )
