"""Clinical safety, as a reader meets it (issue 26): the one-sided weakness warning beside the
stop rule wherever an exercise is done, the emergency named once, the contraindications, no
"stop if it hurts", next steps before red flags after a stop, and calendar files that repeat
as the routine pages say.

The expected words are read from the content files themselves (English and each
translation), not from the generator, so a template that drops a field fails here.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import re
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events
import yaml
from playwright.sync_api import BrowserContext

from .conftest import ROOT
from .helpers.session import context, open_page, start, ui  # noqa: F401 (context is a fixture)

LANGUAGES = {"en": "", "es": "es/", "de": "de/"}
#: The emergency, named once on the safety page, as each language names it.
CAUDA_EQUINA = {
    "en": "cauda equina syndrome",
    "es": "síndrome de la cola de caballo",
    "de": "Cauda-equina-Syndrom",
}
#: A word of each contraindication evidence.md lists, as each language says it.
CONTRAINDICATIONS = {
    "en": ["pregnan", "calf", "osteoporosis", "hip replacement", "fracture", "numb", "dizzy"],
    "es": ["embaraz", "pantorrilla", "osteoporosis", "cadera", "fractura", "entumecid", "mareo"],
    "de": ["schwanger", "wade", "osteoporose", "hüft", "bruch", "taub", "schwindel"],
}
#: "Beside" the stop rule: within this many characters of the page's text.
BESIDE = 400


def content_dir() -> Path:
    return Path(os.environ.get("HANDBOOK_TEST_CONTENT", ROOT / "content"))


def safety_words(lang: str) -> dict[str, Any]:
    """The safety file in `lang`: the English, with the translation's text fields over it."""
    english: dict[str, Any] = yaml.safe_load((content_dir() / "safety.yml").read_text("utf-8"))
    if lang == "en":
        return english
    path = content_dir() / "translations" / lang / "safety.yml"
    translated: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return english | {k: v for k, v in translated.items() if k in english}


def text_of(page: Path) -> str:
    """A page's visible words in one line: tags, scripts and styles removed, entities read."""
    source = page.read_text("utf-8")
    source = re.sub(r"<(script|style|template)\b.*?</\1>", " ", source, flags=re.S)
    source = re.sub(r"<[^>]+>", " ", source)
    return " ".join(html.unescape(source).split())


def beside(text: str, first: str, second: str) -> bool:
    """Whether `second` stands within BESIDE characters of some `first` in `text`."""
    first, second = " ".join(first.split()), " ".join(second.split())
    starts = [m.start() for m in re.finditer(re.escape(first), text)]
    return any(
        re.search(re.escape(second), text[max(0, at - BESIDE) : at + len(first) + BESIDE])
        for at in starts
    )


def pages_doing_exercises(site: Path, book: Any, prefix: str) -> list[Path]:
    """Every page a patient may exercise from: exercise and routine pages, their cards and
    embeds, and the programme page."""
    found = []
    for exercise in book.exercises:
        found += [
            site / f"{prefix}exercises/{exercise.id}/index.html",
            site / f"{prefix}cards/exercises/{exercise.id}/index.html",
            site / f"{prefix}embed/exercises/{exercise.id}/index.html",
        ]
    for plan in book.routines:
        found += [
            site / f"{prefix}routines/{plan.routine.id}/index.html",
            site / f"{prefix}cards/{plan.routine.id}/index.html",
            site / f"{prefix}embed/routines/{plan.routine.id}/index.html",
        ]
    found.append(site / f"{prefix}programme/index.html")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_weakness_warning_stands_beside_the_stop_rule_everywhere(
    built_site: Any, lang: str
) -> None:
    site, _, book = built_site
    safety = safety_words(lang)
    missing = []
    for page in pages_doing_exercises(site, book, LANGUAGES[lang]):
        if not beside(text_of(page), safety["stop_rule"], safety["weakness"]):
            missing.append(str(page.relative_to(site)))
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guided_session_carries_the_weakness_warning(built_site: Any, lang: str) -> None:
    site, _, book = built_site
    safety = safety_words(lang)
    plan_re = re.compile(r'<script type="application/json" id="hb-session-plan">(.*?)</script>')
    for plan in book.routines:
        page = site / f"{LANGUAGES[lang]}routines/{plan.routine.id}/index.html"
        found = plan_re.search(page.read_text("utf-8"), re.S)
        assert found, page
        said = json.loads(found.group(1))
        assert said["weakness"] == " ".join(safety["weakness"].split())
        assert said["stop_rule"] == " ".join(safety["stop_rule"].split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_safety_page_names_the_emergency_once_and_lists_the_contraindications(
    built_site: Any, lang: str
) -> None:
    site, _, _ = built_site
    text = text_of(site / f"{LANGUAGES[lang]}safety/index.html")
    assert text.lower().count(CAUDA_EQUINA[lang].lower()) == 1
    section = text.split(safety_words(lang)["contraindications_intro"], 1)
    assert len(section) == 2, "the contraindications have their own section"
    for word in CONTRAINDICATIONS[lang]:
        assert word in section[1].lower(), word


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_urgent_box_says_the_signs_are_rare_but_urgent(built_site: Any, lang: str) -> None:
    site, _, _ = built_site
    rare = {"en": "rare", "es": "raro", "de": "selten"}[lang]
    urgent_action = safety_words(lang)["urgent_action"]
    assert rare in urgent_action.lower()
    assert urgent_action in text_of(site / f"{LANGUAGES[lang]}cards/desk/index.html")


#: "Stop if it hurts", the session's old "Stop: this hurts", and "Stop if: Stop if ...", as
#: each language said them: a mild stretch is expected, so the rule is sharp or spreading pain.
HURTS = re.compile(
    r"stop if it hurts|stop: this hurts|stop if: stop if"
    r"|pare si le duele[,.]|parar: esto duele|pare si: pare si"
    r"|aufhören bei schmerzen|stopp: das tut weh|aufhören, wenn: hören sie auf"
)


def test_no_page_says_stop_if_it_hurts(built_site: Any) -> None:
    site, _, _ = built_site
    said = []
    for page in sorted(site.rglob("*.html")):
        found = HURTS.search(text_of(page).lower())
        if found:
            said.append(f"{page.relative_to(site)}: {found.group(0)}")
    for prefix in LANGUAGES.values():
        plan = (site / f"{prefix}routines/desk/index.html").read_text("utf-8").lower()
        assert not HURTS.search(plan), prefix
    assert said == []


# --- the guided session: what to do next, before the red flags -------------------------------


@pytest.mark.browser
def test_after_a_stop_the_session_shows_next_steps_before_the_red_flags(
    built_site: Any,
    context: BrowserContext,  # noqa: F811 (the fixture imported above)
) -> None:
    _, base_url, book = built_site
    page = open_page(context, base_url)
    start(page)
    ui(page).get_by_role("button", name="When to stop").click()
    assert book.safety.weakness in page.locator("#hb-s-why").inner_text()
    ui(page).get_by_role("button", name="Stop: sharp or spreading pain").click()
    page.wait_for_selector("dialog.hb-s[data-state=hurts]")
    text = ui(page).inner_text()
    by_id = {e.id: e for e in book.exercises}
    first = by_id[next(p for p in book.routines if p.routine.id == "desk").items[0].exercise.id]
    at = {
        "next": text.find("What to do next"),
        "fewer": text.find("fewer repetitions"),
        "morning": text.find("worse the next morning"),
        "weakness": text.find(book.safety.weakness),
        "flags": text.find(book.safety.urgent_action),
    }
    assert -1 not in at.values(), (at, text)
    assert at["next"] < at["fewer"] < at["flags"] and at["morning"] < at["flags"], at
    if first.easier:
        assert "easier version" in text[: at["flags"]]


# --- calendar files: the routine's days and sessions, never running out ----------------------

WORD_TIMES = {"Once": 1, "Twice": 2}


def said_on_page(page: Path) -> tuple[int, int]:
    """(times a day, days a week) as the English routine page says them."""
    found = re.search(
        r"How often: (Once|Twice|(\d+) times) a day, (\d+ days a week|every day)", text_of(page)
    )
    assert found, page
    times = WORD_TIMES.get(found.group(1)) or int(found.group(2))
    days = 7 if found.group(3) == "every day" else int(found.group(3).split()[0])
    return times, days


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_calendar_repeats_as_its_routine_page_says(built_site: Any, lang: str) -> None:
    site, _, book = built_site
    for plan in book.routines:
        routine = plan.routine
        times, days = said_on_page(site / f"routines/{routine.id}/index.html")
        assert (times, days) == (
            routine.frequency.times_per_day,
            routine.frequency.days_per_week,
        )
        ics = (site / f"{LANGUAGES[lang]}routines/{routine.id}.ics").read_bytes()
        calendar = icalendar.Calendar.from_ical(ics)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == times, "one event for each session of the day"
        for event in events:
            rule = event["RRULE"]
            assert rule["FREQ"] == ["WEEKLY"] and "COUNT" not in rule and "UNTIL" not in rule
            weeks = str(routine.frequency.review_weeks)
            assert weeks in str(event["DESCRIPTION"])
        first = min(e.decoded("DTSTART") for e in events)
        # Years on, it still reminds: it never runs out.
        for begin in (first, first + datetime.timedelta(weeks=52 * 5)):
            week = recurring_ical_events.of(calendar).between(
                begin, begin + datetime.timedelta(days=7)
            )
            by_day: dict[datetime.date, int] = {}
            for occurrence in week:
                day = occurrence.decoded("DTSTART").date()
                by_day[day] = by_day.get(day, 0) + 1
            assert len(by_day) == days, (routine.id, lang, by_day)
            assert set(by_day.values()) == {times}, (routine.id, lang, by_day)


def test_calendar_descriptions_speak_the_calendars_language(built_site: Any) -> None:
    site, _, _ = built_site
    review = {"en": "review the routine", "es": "revise la rutina", "de": "Besprechen Sie"}
    for lang, prefix in LANGUAGES.items():
        ics = (site / f"{prefix}routines/desk.ics").read_bytes()
        event = next(iter(icalendar.Calendar.from_ical(ics).walk("VEVENT")))
        assert review[lang] in str(event["DESCRIPTION"]), lang
        assert " ".join(safety_words(lang)["weakness"].split()) in str(event["DESCRIPTION"])
