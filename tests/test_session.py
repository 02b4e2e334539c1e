"""The guided session on routine and exercise pages: the plan each page carries, the Start
button and its loader, session.js under Playwright's clock, and the log kept on the device."""

from __future__ import annotations

import dataclasses
import datetime
import gzip
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from generator.i18n.languages import language
from generator.render.pages.session import MODULES as SESSION_MODULES
from generator.render.pages.session import PLAN_ID, plan_script, session_plan
from generator.render.pages.session import RULES as SESSION_RULES
from generator.rules.plan import (
    RELEASE_SECONDS,
    REST_BETWEEN_SETS_SECONDS,
    SETUP_SECONDS,
    SWITCH_SECONDS,
    TEMPO_SECONDS,
    session_seconds,
    session_steps,
    steps_seconds,
)
from generator.source.model import Dosage

from .browser import record_requests
from .conftest import ROOT
from .helpers import session as shared_session
from .helpers.builder import five_exercise_link
from .helpers.pages import axe_violations
from .helpers.session import (
    DESK,
    MORNING,
    PAGE_ERRORS,
    open_page,
    start,
    state,
    ui,
)
from .programme_js import install_programme_api

ENGLISH = language("en")
#: A phone's browser context with a fake wake lock, sound and speech (shared with
#: test_clinical.py), as this module's fixture.
context = shared_session.context

ASSETS = ROOT / "generator" / "assets"
LOG_KEY = "hb-log-v2"  # log.js: {"version": 2, "rows": [...]}; v1 logs are read as v2
PLAN_RE = re.compile(rf'<script type="application/json" id="{PLAN_ID}">(.*?)</script>', re.S)

# --- the plan each page carries (no browser) ------------------------------------------------


def page_plan(site: Path, key: str) -> dict[str, Any]:
    found = PLAN_RE.search((site / key / "index.html").read_text("utf-8"))
    assert found, f"{key}: no session plan"
    plan: dict[str, Any] = json.loads(found.group(1))
    return plan


def test_every_routine_and_exercise_page_carries_its_plan_and_start_button(
    built_site: Any,
) -> None:
    site, _url, book = built_site
    pages = [
        (f"routines/{p.routine.id}", p.routine.name, [(i.exercise, i.dosage) for i in p.items])
        for p in book.routines
    ]
    pages += [(f"exercises/{e.id}", e.name, [(e, e.dosage)]) for e in book.exercises]
    for key, name, items in pages:
        seconds = sum(steps_seconds(session_steps(e.name, d, lang=ENGLISH)) for e, d in items)
        text = (site / key / "index.html").read_text("utf-8")
        plan = page_plan(site, key)
        assert (plan["id"], plan["name"], plan["seconds"]) == (key, name, seconds)
        for (exercise, dosage), part in zip(items, plan["exercises"], strict=True):
            steps = session_steps(exercise.name, dosage, lang=ENGLISH)
            assert part["steps"] == [dataclasses.asdict(step) for step in steps], key
            assert part["name"] == exercise.name
            assert part["cue"] == exercise.key_cue
            assert part["stop_if"] == exercise.stop_if
            picture = f"assets/images/{exercise.picture.file}"
            assert part["start"] == f"../../{picture}#start"
            assert part["end"] == f"../../{picture}#end"
        assert plan["stop_rule"] == book.safety.stop_rule
        assert plan["urgent"] == list(book.safety.urgent)
        assert plan["urgent_action"] == book.safety.urgent_action
        assert plan["urgent_intro"] == book.safety.urgent_intro
        start = re.search(r"<div class=\"hb-session-start\"[^>]*>", text)
        assert start and " hidden" in start.group(0), key
        assert '<script src="../../assets/session-start.js" defer></script>' in text
        assert 'src="../../assets/session.js"' not in text, key
        modules = " ".join(f"../../assets/{name}.js" for name in SESSION_MODULES)
        assert f'data-hb-session-js="{modules}"' in text, key
        assert plan["rules"] == SESSION_RULES


def test_the_routine_page_states_the_time_its_plan_adds_up_to(built_site: Any) -> None:
    site, _url, book = built_site
    for planned in book.routines:
        plan = page_plan(site, f"routines/{planned.routine.id}")
        total = sum(s["seconds"] for e in plan["exercises"] for s in e["steps"])
        assert total == plan["seconds"] == planned.seconds
        text = (site / "routines" / planned.routine.id / "index.html").read_text("utf-8")
        assert f"<strong>Total time:</strong> about {planned.minutes} minute" in text


def test_no_content_text_can_close_the_plan_script(built_site: Any) -> None:
    _site, _url, book = built_site
    hostile = "</script><script>window.__pwned=1</script><!-- & -->"
    exercise = book.exercises[0].model_copy(
        update={"name": hostile, "stop_if": "</SCRIPT >" + hostile, "cues": [hostile]}
    )
    plan = session_plan(
        "routines/x/index.md",
        "routines/x",
        hostile,
        [(exercise, exercise.dosage)],
        book.safety,
        ENGLISH,
    )
    markup = str(plan_script(plan))
    body = markup.removeprefix(f'<script type="application/json" id="{PLAN_ID}">')
    body = body.removesuffix("</script>")
    assert not set("<>&") & set(body), body[:200]
    assert json.loads(body) == plan
    assert plan["exercises"][0]["steps"][0]["label"].startswith(hostile)


def test_embed_pages_load_no_session_script(built_site: Any) -> None:
    site, _url, _book = built_site
    embeds = list((site / "embed").rglob("*.html"))
    assert embeds
    for page in embeds:
        text = page.read_text("utf-8")
        for trace in ("session-start.js", "session.js", "session.css", PLAN_ID, "localStorage"):
            assert trace not in text, (page, trace)


def test_scripts_stay_within_their_budget() -> None:
    session = b"".join((ASSETS / f"{name}.js").read_bytes() for name in SESSION_MODULES)
    sizes = {
        "session": len(gzip.compress(session, 9)),
        "session-start.js": len(gzip.compress((ASSETS / "session-start.js").read_bytes(), 9)),
    }
    assert sizes["session"] <= 15 * 1024, sizes
    assert sizes["session-start.js"] <= 2 * 1024, sizes


def test_the_session_modules_are_the_ones_session_js_imports() -> None:
    """Every module the guided view imports is named by the page (so kept offline), and each
    is under 400 lines."""
    imported = {"session"}
    for name in SESSION_MODULES:
        text = (ASSETS / f"{name}.js").read_text("utf-8")
        assert len(text.splitlines()) <= 400, name
        imported |= set(re.findall(r'^import .* from "\./([\w-]+)\.js";$', text, re.M))
    assert imported == set(SESSION_MODULES)
    assert SESSION_MODULES[0] == "session"


def test_session_js_holds_no_content(built_site: Any) -> None:
    _site, _url, book = built_site
    script = "".join((ASSETS / f"{name}.js").read_text("utf-8") for name in SESSION_MODULES)
    said = [book.safety.stop_rule, book.safety.urgent_action, *book.safety.urgent]
    said += [e.name for e in book.exercises] + [e.stop_if for e in book.exercises]
    assert [text for text in said if text in script] == []
    # Interface words come from the page (session.py WORDS, in each language); none in here.
    strings = re.findall(r'"([A-Z][a-z]+(?: [a-z]+)*[.?:]?)"', script)
    assert strings == [], strings


# --- the guided view, in Chromium ------------------------------------------------------------


def flat(plan: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(e["name"], step) for e in plan["exercises"] for step in e["steps"]]


def shown_seconds(seconds: int) -> str:
    return str(seconds) if seconds < 60 else f"{seconds // 60}:{seconds % 60:02d}"


def waits(step: dict[str, Any]) -> bool:
    return bool(step["kind"] == "reps" or step["seconds"] == 0)


def plan_in(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(
        f"JSON.parse(document.getElementById('{PLAN_ID}').textContent)"
    )
    return found


#: Presses Skip until the session leaves its running state (at most a thousand times); the
#: number of presses. In the page, as one call: pressed one by one from here, a programme of
#: five exercises took some ten seconds (Skip itself is pressed as a reader does in
#: test_skip_back_and_stop).
SKIP_TO_END = """() => {
  const view = document.querySelector('dialog.hb-s');
  let presses = 0;
  while (view.dataset.state === 'running' && presses < 1000) {
    view.querySelector('[data-a=skip]').click();
    presses += 1;
  }
  return presses;
}"""


def skip_to_end(page: Page) -> None:
    assert page.evaluate(SKIP_TO_END) > 0
    assert state(page)["state"] != "running"


@pytest.mark.browser
def test_the_desk_routine_runs_start_to_end_on_the_plan_and_its_stated_time(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, book = built_site
    page = open_page(context, base_url)
    plan = plan_in(page)
    page.evaluate(
        "() => { window.__announced = []; new MutationObserver(records => {"
        " const live = document.querySelector('dialog.hb-s [aria-live]');"
        " for (const r of records) if (live && live.contains(r.target))"
        " window.__announced.push(live.textContent); })"
        ".observe(document.body, {subtree: true, childList: true, characterData: true}); }"
    )
    began = page.evaluate("performance.now()")
    now = start(page)
    seen = []
    for index, (name, step) in enumerate(flat(plan)):
        assert (now["step"], now["kind"], now["title"], now["where"]) == (
            index,
            step["kind"],
            name,
            step["label"],
        )
        seen.append((name, step["kind"], step["side"], step["seconds"]))
        if waits(step):
            assert now["count"] is None
            page.clock.run_for(step["seconds"] * 1000)  # the patient's own pace
            assert state(page)["step"] == index
            page.locator("dialog.hb-s [data-a=done]").click()
        else:
            assert now["count"] == shown_seconds(step["seconds"])
            page.clock.run_for(step["seconds"] * 1000 - 1)
            assert state(page)["step"] == index, f"step {index} ended early"
            page.clock.run_for(1)
        now = state(page)
    assert now["state"] == "done"
    desk = next(p for p in book.routines if p.routine.id == "desk")
    assert now["now"] - began == desk.seconds * 1000 == plan["seconds"] * 1000
    kinds = {kind for _, kind, _, _ in seen}
    assert {"setup", "hold", "release", "timed", "switch"} <= kinds
    assert [side for _, kind, side, _ in seen if kind == "switch"] == ["left"] * 3
    # One announcement at each change of step and at the end: never one a second.
    announced = page.evaluate("window.__announced")
    labels = [step["label"] for _, step in flat(plan)]
    assert [text for text in announced if text] == [*labels, "Done. Tick it off?"]
    assert ui(page).get_by_role("heading", name="Done. Tick it off?").is_visible()
    assert PAGE_ERRORS[page] == []


@pytest.mark.browser
def test_pause_stops_the_clock_and_resume_carries_on(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url)
    start(page)
    page.clock.run_for(15_000 + 2_000)  # set-up, then 2 s into the first 5 s hold
    now = state(page)
    assert (now["step"], now["kind"], now["count"]) == (1, "hold", "3")
    assert page.evaluate("window.__wake") == ["request:screen"]
    ui(page).get_by_role("button", name="Pause").click()
    now = state(page)
    assert now["paused"] and now["live"] == "Paused"
    assert page.evaluate("window.__wake") == ["request:screen", "release"]
    page.clock.run_for(600_000)
    assert state(page)["step"] == 1 and state(page)["count"] == "3"
    ui(page).get_by_role("button", name="Resume").click()
    assert not state(page)["paused"]
    page.clock.run_for(2_999)
    assert state(page)["step"] == 1
    page.clock.run_for(1)
    assert state(page)["kind"] == "release"
    assert page.evaluate("window.__wake")[-1] == "request:screen"
    ui(page).get_by_role("button", name="Stop", exact=True).click()
    assert page.evaluate("window.__wake")[-1] == "release"


@pytest.mark.browser
def test_skip_back_and_stop(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url)
    plan = plan_in(page)
    steps = flat(plan)
    start(page)
    page.clock.run_for(5_000)
    ui(page).get_by_role("button", name="Skip").click()
    assert state(page)["step"] == 1 and state(page)["count"] == "5"
    ui(page).get_by_role("button", name="Skip").click()
    assert state(page)["kind"] == "release"
    ui(page).get_by_role("button", name="Back").click()
    now = state(page)
    assert (now["step"], now["kind"], now["count"]) == (1, "hold", "5")  # the whole hold again
    page.clock.run_for(5_000)
    assert state(page)["step"] == 2
    ui(page).get_by_role("button", name="Stop", exact=True).click()
    assert state(page)["open"] is False
    assert page.evaluate("document.activeElement.hasAttribute('data-hb-start')")
    page.clock.run_for(60_000)  # no timer left running
    assert state(page)["step"] == 2
    # Skipping the last step ends the session.
    start(page)
    for _ in range(len(steps) - 1):
        ui(page).get_by_role("button", name="Skip").click()
    assert state(page)["step"] == len(steps) - 1
    ui(page).get_by_role("button", name="Skip").click()
    assert state(page)["state"] == "done"
    assert page.evaluate("localStorage.length") == 0


@pytest.mark.browser
def test_stop_for_sharp_pain_shows_the_stop_advice_and_the_red_flags(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, book = built_site
    page = open_page(context, base_url)
    start(page)
    page.clock.run_for(16_000)
    ui(page).get_by_role("button", name="When to stop").click()
    why = page.locator("#hb-s-why")
    assert book.safety.stop_rule in why.inner_text()
    ui(page).get_by_role("button", name="Stop: sharp or spreading pain").click()
    dialog = page.locator("dialog.hb-s")
    text = dialog.inner_text()
    stretching = next(e for e in book.exercises if e.id == "toe-stretching")
    for said in [
        stretching.stop_if,
        book.safety.stop_rule,
        book.safety.urgent_action,
        book.safety.urgent_intro,
        *book.safety.urgent,
    ]:
        assert said in text
    assert state(page)["state"] == "hurts"
    assert page.evaluate("document.activeElement.id") == "hb-s-result"
    page.clock.run_for(60_000)
    assert state(page)["state"] == "hurts"  # the clock stopped with the session
    assert page.evaluate("window.__wake")[-1] == "release"


@pytest.mark.browser
def test_a_run_by_keyboard_alone(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url, "exercises/toe-pencil-grip/")
    page.locator("[data-hb-start]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.hb-s[open][data-state=running]")
    assert page.locator("dialog.hb-s").get_by_text("Space pauses or resumes").is_visible()
    page.keyboard.press("Space")
    assert state(page)["paused"]
    page.clock.run_for(30_000)
    page.keyboard.press("Space")
    assert not state(page)["paused"] and state(page)["count"] == "15"
    page.keyboard.press("ArrowRight")
    assert state(page)["kind"] == "hold"
    page.keyboard.press("ArrowRight")
    assert state(page)["kind"] == "release"
    page.keyboard.press("ArrowLeft")
    assert (state(page)["kind"], state(page)["count"]) == ("hold", "5")
    while state(page)["kind"] != "switch":
        page.keyboard.press("ArrowRight")
    # A step that waits for the patient takes the focus; Enter says Ready.
    assert page.evaluate("document.activeElement.textContent") == "Ready"
    page.keyboard.press("Enter")
    assert (state(page)["kind"], state(page)["where"].count("left foot")) == ("hold", 1)
    assert page.evaluate("document.activeElement.dataset.a") == "pause"
    page.keyboard.press("Escape")
    assert state(page)["open"] is False
    assert page.evaluate("document.activeElement.hasAttribute('data-hb-start')")


@pytest.mark.browser
def test_sets_rest_between_them(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, book = built_site
    exercise = next(e for e in book.exercises if e.id == "toe-pencil-grip")
    dosage = exercise.dosage.model_copy(update={"sets": 2, "reps": 1, "per_side": None})
    plan = session_plan(
        "exercises/x/index.md",
        "exercises/x",
        "Two sets",
        [(exercise, dosage)],
        book.safety,
        ENGLISH,
    )
    page = open_page(context, base_url, "exercises/toe-pencil-grip/")
    page.evaluate(
        "text => { document.getElementById('hb-session-plan').textContent = text; }",
        json.dumps(plan),
    )
    start(page)
    kinds = []
    for step in plan["exercises"][0]["steps"]:
        now = state(page)
        kinds.append((now["kind"], now["where"]))
        page.clock.run_for(step["seconds"] * 1000)
    assert [k for k, _ in kinds] == ["setup", "hold", "release", "rest", "hold", "release"]
    assert kinds[3][1] == "Toe pencil grip, rest 30 s before set 2"
    assert state(page)["state"] == "done"


@pytest.mark.browser
def test_sound_and_speech_are_off_until_asked_for(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url)
    start(page)
    page.clock.run_for(15_000 + 5_000)
    assert page.evaluate("[window.__beeps, window.__said.length]") == [0, 0]
    ui(page).get_by_label("Beep at the end of a hold").check()
    ui(page).get_by_label("Speak each step").check()
    page.clock.run_for(2_000 + 5_000)  # a release, then a hold ends
    assert page.evaluate("window.__beeps") == 1
    assert page.evaluate("window.__said") == [
        "Toe stretching, right foot, down, hold 5 s",
        "Toe stretching, right foot, down, let go, 2 s",
    ]


@pytest.mark.browser
def test_nothing_breaks_without_wake_lock_sound_or_speech(
    built_site: Any, browser: Browser
) -> None:
    _site, base_url, _book = built_site
    made = browser.new_context()
    made.add_init_script(
        "delete Navigator.prototype.wakeLock; delete window.speechSynthesis;"
        " delete window.AudioContext;"
    )
    try:
        page = open_page(made, base_url)
        start(page)
        ui(page).get_by_label("Beep at the end of a hold").check()
        ui(page).get_by_label("Speak each step").check()
        page.clock.run_for(20_000)
        assert state(page)["kind"] == "release"
        ui(page).get_by_role("button", name="Pause").click()
        assert PAGE_ERRORS[page] == []
    finally:
        made.close()


@pytest.mark.browser
@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_runs_no_animation(built_site: Any, browser: Browser, motion: str) -> None:
    _site, base_url, _book = built_site
    made = browser.new_context(reduced_motion=motion)  # type: ignore[arg-type]
    try:
        page = open_page(made, base_url, "exercises/ball-roll/")
        start(page)
        page.clock.run_for(15_000)  # to the timed bout, where the picture moves
        assert state(page)["kind"] == "timed"
        running = page.evaluate(
            "document.querySelector('dialog.hb-s').getAnimations({subtree: true})"
            ".filter(a => a.playState === 'running').length"
        )
        assert (running == 0) == (motion == "reduce"), running
    finally:
        made.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_guided_view_has_no_wcag_violations_and_large_targets(
    built_site: Any, browser: Browser, width: int
) -> None:
    _site, base_url, _book = built_site
    made = browser.new_context(viewport={"width": width, "height": 700})
    try:
        page = open_page(made, base_url)
        start(page)
        page.clock.run_for(15_000)
        ui(page).get_by_role("button", name="When to stop").click()
        failures = axe(page, base_url, "running")
        small = page.evaluate(
            "[...document.querySelectorAll('dialog.hb-s button, dialog.hb-s label')]"
            ".map(e => [e.textContent, e.getBoundingClientRect()])"
            ".filter(([t, r]) => r.width && (r.width < 44 || r.height < 44)).map(([t]) => t)"
        )
        assert small == []
        skip_to_end(page)
        ui(page).get_by_role("button", name="Tick it off").click()
        failures += axe(page, base_url, "log")
        ui(page).get_by_role("button", name="Close").click()
        start(page)
        ui(page).get_by_role("button", name="Stop: sharp or spreading pain").click()
        failures += axe(page, base_url, "hurts")
        assert failures == []
    finally:
        made.close()


def axe(page: Page, base_url: str, name: str) -> list[str]:
    """axe-core's WCAG 2.2 A and AA rules on the guided view. axe waits on timers of its own,
    so the page clock runs freely while it works, and stops again after."""
    page.clock.resume()
    violations = axe_violations(page, base_url, within="dialog.hb-s")
    page.clock.pause_at(datetime.datetime.fromtimestamp(page.evaluate("Date.now()") / 1000 + 1))
    return [
        f"{name}: {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
    ]


# --- the log --------------------------------------------------------------------------------


@pytest.mark.browser
def test_nothing_is_stored_unless_the_patient_ticks_it_off(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url)
    start(page)
    skip_to_end(page)
    assert ui(page).get_by_role("heading", name="Done. Tick it off?").is_visible()
    assert page.get_by_text("Your log stays on this device. Nothing is sent anywhere.").is_visible()
    ui(page).get_by_role("button", name="Close").click()
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [
        0,
        0,
        "",
    ]


@pytest.mark.browser
def test_the_log_ticked_kept_shown_exported_and_deleted(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url)
    assert page.locator("[data-hb-log-open]").is_hidden()
    start(page)
    skip_to_end(page)
    ui(page).get_by_role("button", name="Tick it off").click()
    today = MORNING.date().isoformat()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{LOG_KEY}')"))
    assert stored["version"] == 2
    assert [{k: row[k] for k in ("date", "id", "name")} for row in stored["rows"]] == [
        {"date": today, "id": "routines/desk", "name": "Desk break for your feet"}
    ]
    page.reload()
    page.get_by_role("button", name="Your log").click()
    table = page.locator("dialog.hb-s table")
    table.wait_for()  # session.js loads when the button is pressed
    headers = table.locator("thead th").all_inner_texts()
    assert len(headers) == 8  # the session, then seven days, as on the printed card
    row = table.locator("tbody tr")
    assert row.count() == 1
    cells = row.locator("td")
    ticks = [cells.nth(i).text_content() for i in range(7)]
    assert ticks == [""] * 6 + ["✓done once"]  # a tick, and its words for screen readers
    assert row.locator("th").inner_text() == "Desk break for your feet"
    with page.expect_download() as info:
        ui(page).get_by_role("button", name="Download my log (CSV)").click()
    csv = Path(info.value.path()).read_bytes().decode("utf-8")
    assert csv == f"date,routine,name,back\r\n{today},routines/desk,Desk break for your feet,\r\n"
    ui(page).get_by_role("button", name="Delete my log").click()
    assert page.evaluate(f"[localStorage.getItem('{LOG_KEY}'), localStorage.length]") == [None, 0]
    assert page.get_by_text("Your log is deleted").is_visible()
    ui(page).get_by_role("button", name="Close").click()
    assert page.locator("[data-hb-log-open]").is_hidden()


# --- progressive enhancement ----------------------------------------------------------------


@pytest.mark.browser
def test_session_js_loads_only_when_start_is_pressed(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = context.new_page()
    seen = record_requests(page)
    page.goto(base_url + DESK)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/session-start.js") for url in seen)
    modules = tuple(f"/assets/{name}.js" for name in SESSION_MODULES)
    assert not [url for url in seen if url.endswith(modules) or "session.css" in url]
    assert page.get_by_role("button", name="Start", exact=True).is_visible()
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("dialog.hb-s[open]")
    assert {module for url in seen for module in modules if url.endswith(module)} == set(modules)
    assert [url for url in seen if url.endswith("/assets/stylesheets/session.css")]


@pytest.mark.browser
def test_without_javascript_there_is_no_start_button(built_site: Any, browser: Browser) -> None:
    _site, base_url, _book = built_site
    made = browser.new_context(java_script_enabled=False)
    try:
        page = made.new_page()
        for path in (DESK, "exercises/toe-stretching/"):
            page.goto(base_url + path)
            assert page.locator("[data-hb-start]").count() == 1
            assert page.get_by_role("button", name="Start").count() == 0
            assert page.locator("[data-hb-start]").is_hidden()
            assert page.locator("[data-hb-session]").is_hidden()
    finally:
        made.close()


@pytest.mark.browser
def test_the_guided_view_in_spanish(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url, "es/" + DESK)
    page.get_by_role("button", name="Empezar", exact=True).click()
    page.wait_for_selector("dialog.hb-s[open][data-state=running]")
    for name in ("Pausa", "Atrás", "Saltar", "Parar: dolor punzante o intenso, o que se extiende"):
        assert ui(page).get_by_role("button", name=name, exact=True).is_visible(), name
    assert "colóquese en posición" in state(page)["where"]
    ui(page).get_by_role("button", name="Parar", exact=True).click()
    assert PAGE_ERRORS[page] == []


# --- the programme page: steps made in the browser from the link ----------------------------


def dosage_variants(dosage: Dosage) -> list[Dosage]:
    """The exercise's own dosage and the changes a programme link can make to it."""
    timed = {"hold_seconds": None, "duration_seconds": 40}
    changes: list[dict[str, Any]] = [
        {},
        {"sets": 3, "reps": 2},
        {"reps": 1},
        timed,
        {"hold_seconds": None, "duration_seconds": None, "reps": 12},
        {"per_side": None if dosage.per_side else "leg", "sets": 2},
    ]
    return [dosage.model_copy(update=change) for change in changes]


@pytest.mark.browser
def test_programme_steps_in_the_browser_are_plan_py_steps(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, book = built_site
    page = context.new_page()
    rules = {
        "setup_seconds": SETUP_SECONDS,
        "release_seconds": RELEASE_SECONDS,
        "tempo_seconds": TEMPO_SECONDS,
        "rest_between_sets_seconds": REST_BETWEEN_SETS_SECONDS,
        "switch_seconds": SWITCH_SECONDS,
    }
    compared = 0
    for code, folder in (("en", ""), ("es", "es/")):
        page.goto(f"{base_url}{folder}builder/")  # its #hb-words are in its language
        install_programme_api(page)
        lang = language(code)
        for exercise in book.exercises:
            for dosage in dosage_variants(exercise.dosage):
                steps = session_steps(exercise.name, dosage, lang=lang)
                made = page.evaluate(
                    "([name, d, rules]) => HandbookProgramme.sessionSteps(name, d, rules)",
                    [exercise.name, dosage.model_dump(), rules],
                )
                assert made == [dataclasses.asdict(step) for step in steps], (code, exercise.id)
                seconds = page.evaluate(
                    "([d, rules]) => HandbookProgramme.sessionSeconds(d, rules)",
                    [dosage.model_dump(), rules],
                )
                assert seconds == session_seconds(dosage)
                compared += 1
    assert compared == 2 * 6 * len(book.exercises)


@pytest.mark.browser
def test_a_programme_link_plays_as_a_guided_session(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = context.new_page()
    link = five_exercise_link(page, base_url)
    page.close()
    page = open_page(context, base_url, link.removeprefix(base_url))
    start_button = page.get_by_role("button", name="Start", exact=True)
    start_button.wait_for()
    shown = json.loads(page.locator(f"#{PLAN_ID}").text_content() or "")
    assert [e["name"] for e in shown["exercises"]] == [
        "Toe walking",
        "Ball roll under the foot",
        "Ankle circles",
        "Toe pressing",
        "Wall calf stretch",
    ]
    stated = page.locator("[data-hb-view-minutes]").inner_text()
    assert stated == f"about {math.ceil(shown['seconds'] / 60)} minutes"
    first = start(page)
    assert first["where"] == "Toe walking, get into position, 15 s"
    skip_to_end(page)
    ui(page).get_by_role("button", name="Tick it off").click()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{LOG_KEY}')"))
    assert [row["id"] for row in stored["rows"]] == ["programme"]
    # A link the page cannot read offers no session.
    page.goto(base_url + "programme/#v1.nonsense")
    page.locator("[data-hb-error]").wait_for()
    assert start_button.is_hidden()
    assert PAGE_ERRORS[page] == []
