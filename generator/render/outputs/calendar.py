"""A calendar file for every routine, /routines/<id>.ics: a weekly reminder on the routine's
days, one event for each session of the day.

RFC 5545, made with the icalendar library. The events are in floating local time (no time
zone, no Z), so that 08:00 means eight in the morning wherever the reader lives. Everything
in them comes from the content: DTSTAMP is the content's review date, the UID is a digest of
what the reminder says, and the first day is the first of the routine's weekdays after that
review, so builds are byte-identical. The rule has no COUNT and no UNTIL: a static file cannot
know today's date, so a reminder that ran out would run out before some readers begin; the
description says when to review the routine with the clinician instead.

Where script runs, the routine page, the programme builder and the programme page make their
calendar file in the browser instead, on the day it is used (assets/calendar.js): the same
events, starting the day after, for the routine's weeks. That rule is `reminder_calendar`
here, which writes the shared cases (tests/spec/calendar.json) the script is checked against;
its constants reach the script as data (`calendar_rules`), and a routine's reminder too
(`routine_reminder`).
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any
from urllib.parse import urlsplit

import icalendar

from generator.render.pages.common import EVERY, Focus, Settings, shared_frequency
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
#: Content lines are folded at this many octets (RFC 5545, 3.1).
FOLD_OCTETS = 75
#: Weeks a programme's reminder runs when no routine says: about six is usual (the model's
#: Frequency.review_weeks).
DEFAULT_WEEKS = 6
#: The element of a routine page that holds its reminder, for assets/reminder.js.
REMINDER_ID = "hb-reminder"


def calendar_rules() -> dict[str, object]:
    """The calendar's constants, as data for the scripts (calendar.js states none)."""
    return {
        "prodid": PRODID,
        "day_codes": list(DAY_CODES),
        "fold": FOLD_OCTETS,
        "hours": {situation: list(hours) for situation, hours in HOURS.items()},
        "weekdays": {str(count): list(days) for count, days in WEEKDAYS.items()},
        "default_weeks": DEFAULT_WEEKS,
    }


def hours_of(situation: str, times_per_day: int) -> list[int]:
    """The hour of each of `times_per_day` sessions, earliest first."""
    return sorted(HOURS[situation][:times_per_day])


def calendar_path(routine_id: str) -> str:
    return f"routines/{routine_id}.ics"


def session_hours(plan: PlannedRoutine) -> list[int]:
    """The hour of each session of the day, earliest first."""
    routine = plan.routine
    return hours_of(routine.situation, routine.frequency.times_per_day)


def first_day(after: datetime.date, days: tuple[str, ...]) -> datetime.date:
    """The first of `days` (iCalendar codes) after the date `after`."""
    day = after + datetime.timedelta(days=1)
    while DAY_CODES[day.weekday()] not in days:
        day += datetime.timedelta(days=1)
    return day


def routine_reminder(plan: PlannedRoutine, book: Book, settings: Settings) -> dict[str, Any]:
    """What a routine's reminder says and when: the static file's events, and the data the
    routine page's script makes its own file from (`reminder_calendar`'s `reminder`)."""
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
    return {
        "summary": f"{routine.name} ({time})",
        "description": description,
        "url": url,
        "key": routine.id,
        "host": urlsplit(settings.site_url).hostname or "handbook",
        "minutes": plan.minutes,
        "days": list(WEEKDAYS[routine.frequency.days_per_week]),
        "hours": session_hours(plan),
        "weeks": routine.frequency.review_weeks,
    }


def routine_calendar(plan: PlannedRoutine, book: Book, settings: Settings) -> bytes:
    """The .ics file of one routine, in the settings' language: weekly, with no end."""
    reminder = routine_reminder(plan, book, settings)
    summary, description, url = (str(reminder[key]) for key in ("summary", "description", "url"))
    routine = plan.routine
    days = WEEKDAYS[routine.frequency.days_per_week]
    first = first_day(book.handbook.updated, days)
    stamp = datetime.datetime.combine(book.handbook.updated, datetime.time(), datetime.UTC)
    host = reminder["host"]

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


def calendar_files(book: Book, settings: Settings, *, only: Focus = EVERY) -> dict[str, bytes]:
    return {
        calendar_path(plan.routine.id): routine_calendar(plan, book, settings)
        for plan in book.routines
        if plan.routine.id in only
    }


def _text(text: str) -> str:
    """RFC 5545 text, escaped."""
    escapes = (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\r\n", "\\n"), ("\n", "\\n"))
    for plain, escaped in escapes:
        text = text.replace(plain, escaped)
    return text


def _fold(line: str) -> str:
    out: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > (FOLD_OCTETS - 1 if out else FOLD_OCTETS):
            out.append(current)
            current, size = "", 0
        current += char
        size += octets
    out.append(current)
    return "\r\n ".join(out)


def _fnv(text: str) -> str:
    """FNV-1a (32 bits) of the UTF-8 bytes: the events' UIDs."""
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def reminder_calendar(reminder: dict[str, Any], now: datetime.datetime) -> str:
    """The calendar file the browser makes on the day `now` (local time, naive): weekly on
    `reminder["days"]` from the first of them after today, one event per hour, for
    `reminder["weeks"]` weeks. assets/calendar.js is this, checked by tests/spec/."""
    first = now.date() + datetime.timedelta(days=1)
    while DAY_CODES[first.weekday()] not in reminder["days"]:
        first += datetime.timedelta(days=1)
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    count = len(reminder["days"]) * reminder["weeks"]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines.append("METHOD:PUBLISH")
    for hour in reminder["hours"]:
        digest = _fnv(f"{reminder['url']} {hour}")
        uid = f"{reminder['key']}-{digest}@{reminder['host']}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{first:%Y%m%d}T{hour:02d}0000",
            f"DURATION:PT{reminder['minutes']}M",
            f"RRULE:FREQ=WEEKLY;BYDAY={','.join(reminder['days'])};COUNT={count}",
            f"SUMMARY:{_text(reminder['summary'])}",
            f"DESCRIPTION:{_text(reminder['description'])}",
            f"URL:{reminder['url']}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_text(reminder['summary'])}",
            "TRIGGER:PT0S",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
