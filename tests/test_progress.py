"""The progress page (issue 31): the log kept on this device (v2, and v1 logs read as v2)
drawn as days done per week against the days planned, and the back answers, each as an SVG
that says its numbers (role="img") with a table beside it that says the same; the back
question after a session, one tap or skipped; the CSV with the new field."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

TODAY = datetime.datetime(2026, 5, 4, 9, 0)  # a Monday


def day(back: int) -> str:
    return (TODAY.date() - datetime.timedelta(days=back)).isoformat()


#: An old-format log: a bare array under hb-log-v1, as session.js wrote it before v2.
V1 = [
    {"date": day(0), "id": "routines/desk", "name": "Desk break for your feet"},
    {"date": day(1), "id": "routines/desk", "name": "Desk break for your feet"},
    {"date": day(1), "id": "routines/desk", "name": "Desk break for your feet"},
    {"date": day(8), "id": "routines/desk", "name": "Desk break for your feet"},
    {"date": day(42), "id": "routines/desk", "name": "Desk break for your feet"},  # too old
    {"date": "not a date", "id": "routines/desk"},
]
V2 = {
    "version": 2,
    "rows": [
        {"date": day(2), "id": "routines/morning", "name": "Morning", "days": 5, "back": 4},
        {"date": day(3), "id": "routines/morning", "name": "Morning", "days": 5, "back": 6},
        {"date": day(15), "id": "routines/morning", "name": "Morning", "days": 5},
        {"date": day(36), "id": "routines/morning", "name": "Morning", "days": 5, "back": 8},
    ],
}
PICTURE_AND_TABLE = """section => {
  const svg = section.querySelector('svg[role=img]');
  const marks = [...svg.querySelectorAll('[data-value]')].filter(n => n.matches('rect, circle'));
  const grid = svg.querySelectorAll('line.hb-pg-grid');  // at 0 and at the scale's top
  const unit = (grid[0].y1.baseVal.value - grid[1].y1.baseVal.value)
    / Number(svg.getAttribute('data-scale'));
  return {
    alt: svg.getAttribute('aria-label'),
    drawn: marks.map(n => n.matches('rect') ? n.height.baseVal.value / unit
      : (svg.querySelector('line.hb-pg-grid').y1.baseVal.value - n.cy.baseVal.value) / unit),
    columns: [...section.querySelectorAll('thead th')].map(th => th.textContent),
    rows: [...section.querySelectorAll('tbody tr')].map(tr =>
      [...tr.children].map(c => c.textContent)),
    caption: section.querySelector('caption') && section.querySelector('caption').textContent,
    plan: svg.querySelector('line.hb-pg-plan') ?
      svg.querySelector('line.hb-pg-plan').getAttribute('data-value') : null,
  };
}"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport={"width": 320, "height": 900}, accept_downloads=True)
    yield made
    made.close()


def seeded(context: BrowserContext, base_url: str, path: str, store: dict[str, Any]) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install(time=TODAY)
    page.goto(base_url + "offline/")  # any page of the site: storage is per origin
    page.evaluate(
        "s => { localStorage.clear(); for (const k in s) localStorage.setItem(k, s[k]); }",
        {key: json.dumps(value) for key, value in store.items()},
    )
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    assert errors == []
    return page


def figure(page: Page, selector: str) -> dict[str, Any]:
    found: dict[str, Any] = page.locator(selector).evaluate(PICTURE_AND_TABLE)
    return found


@pytest.mark.browser
def test_an_old_v1_log_is_drawn_and_matches_its_table(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, book = built_site
    page = seeded(context, base_url, "progress/", {"hb-log-v1": V1})
    desk = figure(page, "[data-hb-progress-item='routines/desk']")
    # Days with a session, oldest week first: this week two days (three sessions), last week one.
    assert [round(v, 6) for v in desk["drawn"]] == [0, 0, 0, 0, 1, 2]
    assert [row[1] for row in desk["rows"]] == ["0", "0", "0", "0", "1", "2"]
    assert [row[2] for row in desk["rows"]] == ["0", "0", "0", "0", "1", "3"]
    planned = next(p for p in book.routines if p.routine.id == "desk").routine.frequency
    # A v1 row has no days of its own: the page's catalogue gives the routine's.
    assert desk["plan"] == str(planned.days_per_week)
    assert desk["caption"] == f"Days a week planned: {planned.days_per_week}"
    assert desk["alt"].endswith(
        f"oldest first: 0, 0, 0, 0, 1, 2. Planned: {planned.days_per_week} days a week."
    )
    assert desk["columns"] == ["Week", "Days done", "Sessions"]
    assert desk["rows"][-1][0] == "Apr 28 to May 4"  # the browser's date words for "en"
    # Reading migrates nothing: the old log is left as it was until the reader adds to it.
    kept = "[localStorage.getItem('hb-log-v2'), !!localStorage.getItem('hb-log-v1')]"
    assert page.evaluate(kept) == [None, True]
    back = figure(page, "[data-hb-progress-back]")
    assert back["drawn"] == []
    assert page.get_by_text("No answers yet").is_visible()


@pytest.mark.browser
def test_a_v2_log_with_back_answers_matches_its_table(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = seeded(context, base_url, "progress/", {"hb-log-v2": V2})
    morning = figure(page, "[data-hb-progress-item='routines/morning']")
    assert [round(v, 6) for v in morning["drawn"]] == [1, 0, 0, 1, 0, 2]
    assert morning["plan"] == "5"
    back = figure(page, "[data-hb-progress-back]")
    # Averages of the weeks answered: 4 and 6 this week; the 36-day-old 8 is in week one.
    assert [round(v, 6) for v in back["drawn"]] == [8, 5]
    assert [row[1] for row in back["rows"]] == [
        "8",
        "no answer",
        "no answer",
        "no answer",
        "no answer",
        "5",
    ]
    assert [row[2] for row in back["rows"]] == ["1", "0", "0", "0", "0", "2"]
    assert back["alt"].endswith("oldest first: 8, no answer, no answer, no answer, no answer, 5.")
    page.screenshot(path="/tmp/progress-320.png", full_page=True)


@pytest.mark.browser
def test_progress_in_spanish_and_german(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    for lang in ("es", "de"):
        page = seeded(context, base_url, f"{lang}/progress/", {"hb-log-v2": V2})
        back = figure(page, "[data-hb-progress-back]")
        assert back["rows"][-1][1] == "5"
        assert "no answer" not in " ".join(" ".join(r) for r in back["rows"]), lang
        assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.browser
def test_an_empty_log_says_so(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    page = seeded(context, base_url, "progress/", {})
    assert page.get_by_text("Nothing is ticked off in the last six weeks").is_visible()
    assert page.locator("svg").count() == 0 or page.locator("[data-hb-progress] svg").count() == 0


@pytest.mark.browser
def test_after_a_session_the_back_question_is_one_tap_and_the_csv_carries_it(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, book = built_site
    desk = next(p for p in book.routines if p.routine.id == "desk").routine.frequency
    page = seeded(context, base_url, "routines/desk/", {"hb-log-v1": V1[:1]})
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("dialog.hb-s[open][data-state=running]")
    while page.locator("dialog.hb-s").get_attribute("data-state") == "running":
        page.locator("dialog.hb-s [data-a=skip]").click()
    page.get_by_role("button", name="Tick it off").click()
    question = page.get_by_role("group", name="How is your back now?")
    assert question.get_by_role("button").count() == 12  # 0 to 10, and Skip
    question.get_by_role("button", name="3", exact=True).click()
    assert page.get_by_text("Noted: 3 out of 10.").is_visible()
    stored = json.loads(page.evaluate("localStorage.getItem('hb-log-v2')"))
    assert stored["version"] == 2
    assert stored["rows"] == [
        {"date": day(0), "id": "routines/desk", "name": "Desk break for your feet"},
        {
            "date": day(0),
            "id": "routines/desk",
            "name": "Desk break for your feet",
            "days": desk.days_per_week,
            "back": 3,
        },
    ]
    assert page.evaluate("localStorage.getItem('hb-log-v1')") is None  # migrated on write
    link = page.locator("dialog.hb-s").get_by_role("link", name="See your progress over six weeks")
    assert link.get_attribute("href") == "../../progress/"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my log (CSV)").click()
    csv = Path(info.value.path()).read_bytes().decode("utf-8")
    assert csv.splitlines() == [
        "date,routine,name,back",
        f"{day(0)},routines/desk,Desk break for your feet,",
        f"{day(0)},routines/desk,Desk break for your feet,3",
    ]


@pytest.mark.browser
def test_the_csv_stays_formula_safe(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    rows = [{"date": day(0), "id": "=cmd|'/c calc'!A1", "name": '+1,"x"', "back": 2}]
    page = seeded(context, base_url, "progress/", {"hb-log-v2": {"version": 2, "rows": rows}})
    csv = page.evaluate("hbLog.csv()")
    assert csv == f'date,routine,name,back\r\n{day(0)},\'=cmd|\'/c calc\'!A1,"\'+1,""x""",2\r\n'


@pytest.mark.browser
def test_skipping_the_question_stores_no_answer(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    page = seeded(context, base_url, "exercises/toe-walking/", {})
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("dialog.hb-s[open][data-state=running]")
    while page.locator("dialog.hb-s").get_attribute("data-state") == "running":
        page.locator("dialog.hb-s [data-a=skip]").click()
    page.get_by_role("button", name="Tick it off").click()
    page.get_by_role("group", name="How is your back now?").get_by_role(
        "button", name="Skip"
    ).click()
    stored = json.loads(page.evaluate("localStorage.getItem('hb-log-v2')"))
    assert [("back" in row) for row in stored["rows"]] == [False]
