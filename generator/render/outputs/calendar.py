"""A calendar file for every routine, /routines/<id>.ics: a weekly reminder on the routine's
days, one event for each session of the day.

RFC 5545, made with the icalendar library. The events are in floating local time (no time
zone, no Z), so that 08:00 means eight in the morning wherever the reader lives. Everything
in them comes from the content: DTSTAMP is the content's review date, the UID is a digest of
what the reminder says, and the first day is the first of the routine's weekdays after that
review, so builds are byte-identical. The rule has no COUNT and no UNTIL: a static file cannot
know today's date, so a reminder that ran out would run out before some readers begin; the
description says when to review the routine with the clinician instead. The programme
builder makes its calendar file in the browser, starting tomorrow.
"""

from __future__ import annotations

import datetime
import hashlib
from urllib.parse import urlsplit

import icalendar

from generator.render.pages.common import Settings, shared_frequency
from generator.rules import words
from generator.source.book import Book, PlannedRoutine
from generator.source.model import WEEKDAYS

#: The hours of the reminders, by the routine's situation: the first n for n sessions a day,
#: in the order they are given (then sorted).
HOURS = {
    "morning": (8, 18, 13),
    "desk": (11, 15, 13),
    "evening": (19, 8, 13),
    "full": (18, 8, 13),
    "other": (18, 8, 13),
}
#: iCalendar's weekday codes in Python's order (Monday is 0).
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRODID = "-//Foot exercises for low back pain//handbook//EN"


def calendar_path(routine_id: str) -> str:
    return f"routines/{routine_id}.ics"


def session_hours(plan: PlannedRoutine) -> list[int]:
    """The hour of each session of the day, earliest first."""
    routine = plan.routine
    return sorted(HOURS[routine.situation][: routine.frequency.times_per_day])


def first_day(after: datetime.date, days: tuple[str, ...]) -> datetime.date:
    """The first of `days` (iCalendar codes) after the date `after`."""
    day = after + datetime.timedelta(days=1)
    while DAY_CODES[day.weekday()] not in days:
        day += datetime.timedelta(days=1)
    return day


def routine_calendar(plan: PlannedRoutine, book: Book, settings: Settings) -> bytes:
    """The .ics file of one routine, in the settings' language."""
    routine, lang = plan.routine, settings.lang
    url = settings.url(f"routines/{routine.id}/")
    time = words.minutes_words(plan.minutes, lang=lang)
    review = lang.ngettext(
        "After about %(num)s week of regular practice, review the routine with your doctor or "
        "physiotherapist.",
        "After about %(num)s weeks of regular practice, review the routine with your doctor or "
        "physiotherapist.",
        routine.frequency.review_weeks,
    ) % {"num": routine.frequency.review_weeks}
    description = " ".join(
        [
            f"{words.capitalised(time)}.",
            f"{shared_frequency(plan, lang=lang)}.",
            review,
            book.safety.stop_rule,
            book.safety.weakness,
            url,
        ]
    )
    summary = f"{routine.name} ({time})"
    days = WEEKDAYS[routine.frequency.days_per_week]
    first = first_day(book.handbook.updated, days)
    stamp = datetime.datetime.combine(book.handbook.updated, datetime.time(), datetime.UTC)
    host = urlsplit(settings.site_url).hostname or "handbook"

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for hour in session_hours(plan):
        start = datetime.datetime.combine(first, datetime.time(hour))
        text = f"{summary}\n{description}\n{start.isoformat()}"
        digest = hashlib.sha256(text.encode()).hexdigest()
        event = icalendar.Event()
        event.add("uid", f"{routine.id}-{digest[:20]}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("duration", datetime.timedelta(minutes=plan.minutes))
        event.add("rrule", {"freq": "weekly", "byday": list(days)})
        event.add("summary", summary)
        event.add("description", description)
        event.add("url", url)
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", datetime.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def calendar_files(book: Book, settings: Settings) -> dict[str, bytes]:
    return {
        calendar_path(plan.routine.id): routine_calendar(plan, book, settings)
        for plan in book.routines
    }
