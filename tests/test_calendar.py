"""Every routine's calendar file, read with a real calendar parser (icalendar and
recurring-ical-events) and compared with what its page says: how many days a week, how many
times a day, how many weeks. The static file (no script) repeats weekly with no end; on a page
with script, the link makes the file in the browser, from the day after, for the routine's
weeks (assets/reminder.js, calendar.js)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any, cast

import icalendar
import pytest
import recurring_ical_events  # type: ignore[import-untyped]
from playwright.sync_api import Browser

from generator.check.editions import Edition, check_editions
from generator.render.pages.common import shared_frequency
from generator.source.book import PlannedRoutine

from .conftest import ROOT

LANGUAGES = ("en", "es", "de")


@cache
def editions() -> dict[str, Edition]:
    return {edition.code: edition for edition in check_editions(ROOT / "content").editions}


def folder(code: str) -> str:
    return "" if code == "en" else f"{code}/"


def page_says(site: Path, code: str, plan: PlannedRoutine) -> tuple[int, int, int]:
    """(days a week, times a day, weeks) as the routine page states them: its "How often"
    words and its review after so many weeks."""
    edition = editions()[code]
    routine = plan.routine
    html = (site / folder(code) / "routines" / routine.id / "index.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    often = shared_frequency(plan, lang=edition.lang)
    assert often in text, (code, routine.id, often)
    weeks = routine.frequency.review_weeks
    review = edition.lang.ngettext(
        "Review it with your doctor or physiotherapist after about %(num)s week of regular "
        "practice.",
        "Review it with your doctor or physiotherapist after about %(num)s weeks of regular "
        "practice.",
        weeks,
    ) % {"num": weeks}
    assert review in text, (code, routine.id, review)
    return routine.frequency.days_per_week, routine.frequency.times_per_day, weeks


def occurrences(calendar: icalendar.Calendar, start: datetime.date, days: int) -> list[Any]:
    end = start + datetime.timedelta(days=days)
    return list(recurring_ical_events.of(calendar).between(start, end))


def per_day(events: list[Any]) -> Counter[datetime.date]:
    return Counter(event.decoded("dtstart").date() for event in events)


def rules_of(calendar: icalendar.Calendar) -> list[dict[str, Any]]:
    return [dict(cast(icalendar.vRecur, event["RRULE"])) for event in calendar.walk("VEVENT")]


def routines() -> list[tuple[str, PlannedRoutine]]:
    return [(code, plan) for code in LANGUAGES for plan in editions()[code].book.routines]


def test_every_static_calendar_file_repeats_as_its_page_says_with_no_end(
    built_site: Any,
) -> None:
    site, _url, _book = built_site
    assert len(routines()) >= 3 * 4
    for code, plan in routines():
        days, times, weeks = page_says(site, code, plan)
        path = site / folder(code) / "routines" / f"{plan.routine.id}.ics"
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        where = (code, plan.routine.id)
        assert len(calendar.walk("VEVENT")) == times, where
        for rule in rules_of(calendar):
            assert "COUNT" not in rule and "UNTIL" not in rule, where
        first = min(event.decoded("dtstart").date() for event in calendar.walk("VEVENT"))
        # A year of weeks from the first, and a week ten years on: the same every week.
        for start in (first, first + datetime.timedelta(weeks=520)):
            count = 52 if start == first else 1
            found = per_day(occurrences(calendar, start, 7 * count))
            assert set(found.values()) == {times}, where
            for week in range(count):
                monday = start + datetime.timedelta(weeks=week)
                week_days = [monday + datetime.timedelta(days=n) for n in range(7)]
                assert sum(day in found for day in week_days) == days, (where, monday)
        description = str(calendar.walk("VEVENT")[0]["DESCRIPTION"])
        assert re.search(rf"\b{weeks}\b", description), (where, description)


@pytest.mark.browser
def test_the_routine_pages_link_makes_the_file_from_tomorrow_for_the_routines_weeks(
    built_site: Any, browser: Browser
) -> None:
    site, base_url, _book = built_site
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        for code, plan in routines():
            days, times, weeks = page_says(site, code, plan)
            where = (code, plan.routine.id)
            page.goto(f"{base_url}{folder(code)}routines/{plan.routine.id}/")
            link = page.locator(f'a[href="../{plan.routine.id}.ics"]')
            assert link.count() == 1, where
            today = datetime.date.fromisoformat(
                page.evaluate(
                    "(() => { const d = new Date(); return d.getFullYear() + '-' + "
                    "String(d.getMonth() + 1).padStart(2, '0') + '-' + "
                    "String(d.getDate()).padStart(2, '0'); })()"
                )
            )
            with page.expect_download() as info:
                link.click()
            assert info.value.suggested_filename == f"{plan.routine.id}.ics", where
            calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())
            assert len(calendar.walk("VEVENT")) == times, where
            assert all(rule["COUNT"] == [days * weeks] for rule in rules_of(calendar)), where
            found = per_day(occurrences(calendar, today - datetime.timedelta(days=7), 7 * 60))
            first = min(found)
            assert today < first <= today + datetime.timedelta(days=7), (where, first)
            assert set(found.values()) == {times}, where
            assert len(found) == days * weeks, where
            for week in range(weeks):
                start = first + datetime.timedelta(weeks=week)
                window = [start + datetime.timedelta(days=n) for n in range(7)]
                assert sum(day in found for day in window) == days, (where, start)
            assert max(found) < first + datetime.timedelta(weeks=weeks), where
    finally:
        context.close()


@pytest.mark.browser
def test_without_script_the_link_opens_the_static_file(built_site: Any, browser: Browser) -> None:
    _site, base_url, _book = built_site
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}es/routines/desk/")
        href = page.locator('a[href="../desk.ics"]').evaluate("a => a.href")
        assert href == f"{base_url}es/routines/desk.ics"
        response = page.request.get(href)
        assert response.ok
        assert b"RRULE:FREQ=WEEKLY;BYDAY=" in response.body()
        assert b"COUNT" not in response.body()
    finally:
        context.close()
