"""A calendar file for every routine, /routines/<id>.ics: a daily reminder for six weeks.

RFC 5545, made with the icalendar library. The event is in floating local time (no time
zone, no Z), so that 08:00 means eight in the morning wherever the reader lives. Everything
in it comes from the content: DTSTAMP is the content's review date, the UID is a digest of
what the reminder says, and the first day is the day after that review, so builds are
byte-identical. A static file cannot know today's date; the programme builder makes its
calendar file in the browser, starting tomorrow.
"""

from __future__ import annotations

import datetime
import hashlib
from urllib.parse import urlsplit

import icalendar

from .. import words
from ..book import Book, PlannedRoutine
from .common import Settings, shared_frequency

#: Reminders: one a day for six weeks.
DAYS = 42
#: The hour of the reminder, by the routine's situation.
HOURS = {"morning": 8, "desk": 11, "evening": 19, "full": 18, "other": 18}
PRODID = "-//Foot exercises for low back pain//handbook//EN"


def calendar_path(routine_id: str) -> str:
    return f"routines/{routine_id}.ics"


def routine_calendar(plan: PlannedRoutine, book: Book, settings: Settings) -> bytes:
    """The .ics file of one routine."""
    routine = plan.routine
    url = settings.url(f"routines/{routine.id}/")
    how_often = shared_frequency(plan)
    description = f"{words.capitalised(words.minutes_words(plan.minutes))}. "
    description += f"{how_often}. " if how_often else ""
    description += f"{book.safety.stop_rule} {url}"
    summary = f"{routine.name} ({words.minutes_words(plan.minutes)})"
    first = book.handbook.updated + datetime.timedelta(days=1)
    start = datetime.datetime.combine(first, datetime.time(HOURS[routine.situation]))
    stamp = datetime.datetime.combine(book.handbook.updated, datetime.time(), datetime.UTC)
    digest = hashlib.sha256(f"{summary}\n{description}\n{start.isoformat()}".encode()).hexdigest()
    host = urlsplit(settings.site_url).hostname or "handbook"

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"{routine.id}-{digest[:20]}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("duration", datetime.timedelta(minutes=plan.minutes))
    event.add("rrule", {"freq": "daily", "count": DAYS})
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
